using Simulator.Engine;

namespace Simulator.Cluster.Faults;

/// <summary>Fault model parameters taken from public reports, for scenarios that want realistic defaults.</summary>
public static class FaultModelDefaults
{
    /// <summary>
    /// Mean time between unexpected interruptions of one 8-GPU node: about 264 node-days
    /// (≈ 6,335 node-hours). Source: Meta's Llama 3 report (2024): the 405B model trained on
    /// 16,384 H100 GPUs, i.e. 2,048 nodes of 8 GPUs, for 54 days, with 419 unexpected
    /// interruptions (58.7 % GPU-related). 2,048 nodes × 54 days / 419 = 263.94 node-days,
    /// assuming each interruption took down one node.
    /// </summary>
    public static readonly SimDuration EightGpuNodeMeanTimeBetweenFailures =
        new(2_048L * 54 * 86_400 * 1_000_000 / 419);

    /// <summary>
    /// Time to failure of an 8-GPU node: exponential (a constant failure rate, the usual
    /// assumption for a fleet past burn-in) with the mean above.
    /// </summary>
    public static DurationDistribution EightGpuNodeTimeToFailure =>
        DurationDistribution.Exponential(EightGpuNodeMeanTimeBetweenFailures);
}
