using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kinds;

/// <summary>Reads a WorkloadGenerator document. TODO(generator helper).</summary>
internal static class WorkloadGeneratorReader
{
    public static void Read(SourceDocument document, LoadContext context)
    {
        _ = document;
        _ = context;
    }
}
