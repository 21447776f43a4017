using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>
/// Places GPU pods on physical GPUs, not just on a node's GPU count (the role of Koordinator's
/// DeviceShare plugin and Alibaba's gpushare scheduler extender). Filter: a whole-GPU pod
/// (<c>nvidia.com/gpu: k</c>) needs k entirely free GPUs, so it never lands on a GPU a share
/// already uses; a share (<c>ksim.dev/gpu-milli</c>) needs one GPU with that much free.
/// NodeResourcesFit runs first and checks the node-wide sums; this adds the per-GPU view the sums
/// cannot see (two 0.6 shares on a 2-GPU node leave 800 free in total but 400 on each GPU).
/// Reserve: records the chosen GPUs on the pod (by default lowest-indexed free GPUs for whole GPUs,
/// best fit for a share; a policy profile may choose otherwise through <see cref="GpuShareArgs"/>)
/// so that the cache charges exactly those GPUs when the pod binds.
/// </summary>
public sealed class GpuShare(IGpuSelector selector) : IFilterPlugin, IReservePlugin, IEnqueueExtensions
{
    public const string PluginName = "GpuShare";

    private static readonly string InsufficientGpus = "Insufficient " + ResourceNames.NvidiaGpu;
    private static readonly string InsufficientShare = "Insufficient " + ResourceNames.GpuMilli;

    // The demand of the pod being scheduled, computed once per pod rather than once per node.
    private PodInfo? _lastPod;
    private GpuDemand _lastDemand;

    public GpuShare()
        : this(BestFitGpuSelector.Instance)
    {
    }

    public string Name => PluginName;

    /// <summary>How the GPUs within the chosen node are picked.</summary>
    public IGpuSelector Selector { get; } = selector;

    public ClusterEventKind EventsToRegister =>
        ClusterEventKind.NodeAdd | ClusterEventKind.NodeAllocatableChange | ClusterEventKind.AssignedPodDelete;

    public Status Filter(PodInfo pod, NodeInfo node)
    {
        var demand = DemandOf(pod);
        if (demand.IsNone || GpuAssignment.Fits(node.GpuUsedMilli, node.GpuCount, demand)) return Status.Success;
        return Status.Unschedulable(Name, demand.IsShare ? InsufficientShare : InsufficientGpus);
    }

    public Status Reserve(PodInfo pod, NodeInfo node)
    {
        var demand = DemandOf(pod);
        if (demand.IsNone) return Status.Success;
        if (Selector.Choose(pod, node, demand) is not { } gpus)
            return Status.Unschedulable(Name, demand.IsShare ? InsufficientShare : InsufficientGpus);
        pod.Pod.Status.AssignedGpus = gpus;
        return Status.Success;
    }

    /// <summary>Forgets the choice, unless the node already accounts the pod (then releasing it there uses the choice).</summary>
    public void Unreserve(PodInfo pod, NodeInfo node)
    {
        if (!node.HasPod(pod.Pod)) pod.Pod.Status.AssignedGpus = [];
    }

    private GpuDemand DemandOf(PodInfo pod)
    {
        if (!ReferenceEquals(pod, _lastPod))
        {
            _lastDemand = GpuDemand.Of(pod.Pod);
            _lastPod = pod;
        }
        return _lastDemand;
    }
}
