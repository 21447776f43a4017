using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>Reads a PodGroup document. TODO(gang helper).</summary>
internal static class PodGroupReader
{
    public static void Read(SourceDocument document, LoadContext context)
    {
        _ = document;
        _ = context;
    }
}
