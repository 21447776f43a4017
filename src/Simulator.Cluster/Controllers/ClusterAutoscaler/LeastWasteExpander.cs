namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary>
/// <c>least-waste</c>, ksim's default: the options that leave the least idle CPU and memory on the
/// new nodes. As in CA, for each option
/// <code>
///   wastedCpu    = (nodeCpu × nodeCount − podsCpu) / (nodeCpu × nodeCount)
///   wastedMemory = (nodeMemory × nodeCount − podsMemory) / (nodeMemory × nodeCount)
///   score        = wastedCpu + wastedMemory
/// </code>
/// and every option with the lowest score survives (exact equality, as CA compares the floats).
/// CPU and memory weigh the same: a pool that idles less CPU can still lose on memory. GPUs do not
/// enter the score (CA's least-waste ignores them too).
/// </summary>
public sealed class LeastWasteExpander : IExpander
{
    public const string ExpanderName = "least-waste";

    public string Name => ExpanderName;

    /// <summary>The option's blended waste, the sum of its CPU and memory idle fractions (0 is no waste, 2 is all idle).</summary>
    public static double WastedScore(ExpansionOption option)
    {
        double availCpu = (double)option.NodeCpuMilli * option.NodeCount;
        double availMemory = (double)option.NodeMemoryBytes * option.NodeCount;
        double wastedCpu = (availCpu - option.PodCpuMilli) / availCpu;
        double wastedMemory = (availMemory - option.PodMemoryBytes) / availMemory;
        return wastedCpu + wastedMemory;
    }

    public IReadOnlyList<ExpansionOption> BestOptions(IReadOnlyList<ExpansionOption> options) =>
        ExpanderSelection.Lowest(options, WastedScore);
}
