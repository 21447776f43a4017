using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>Reads a PyTorchJob document. TODO(pytorchjob helper).</summary>
internal static class PyTorchJobReader
{
    public static void Read(SourceDocument document, LoadContext context)
    {
        _ = document;
        _ = context;
    }
}
