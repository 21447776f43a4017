using Simulator.Cluster.Scheduling.Fragmentation;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Profiles;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>How <see cref="GpuShare"/> picks GPUs within the chosen node.</summary>
public enum GpuSelection
{
    /// <summary>Lowest-indexed free GPUs for whole GPUs, best fit for a share (<see cref="BestFitGpuSelector"/>).</summary>
    BestFit,

    /// <summary>The GPU that leaves the node least fragmented for the target workload (FGD); best fit without a target workload.</summary>
    LeastFragmentation,
}

/// <summary>GpuShare's args: a profile's choice of within-node GPU selection.</summary>
public sealed record GpuShareArgs(GpuSelection Selection) : PluginArgs
{
    /// <summary>
    /// The selector for one profile. A spec holds the kind, not the selector, because the FGD
    /// selector needs the run's target workload, which only the profile context has.
    /// </summary>
    public static IGpuSelector SelectorFor(GpuShareArgs? args, ProfileContext context) =>
        args?.Selection == GpuSelection.LeastFragmentation && context.TargetWorkload is { } workload
            ? new LeastFragmentationGpuSelector(workload)
            : BestFitGpuSelector.Instance;
}
