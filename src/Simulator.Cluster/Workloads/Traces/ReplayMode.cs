namespace Simulator.Cluster.Workloads.Traces;

/// <summary>How a TraceReplay plays its pod list.</summary>
public enum ReplayMode
{
    /// <summary>Pods are created and deleted at the trace's creation_time and deletion_time.</summary>
    Replay,

    /// <summary>
    /// The FGD paper's experiment: the shuffled list, inflated with random copies, is submitted
    /// one pod at a time until the GPU request reaches a share of the cluster's GPUs; each pod is
    /// tried once, and a pod that does not fit is deleted.
    /// </summary>
    Fill,
}
