namespace Simulator.Cluster.Scheduling.Framework;

// One small interface per extension point, as in kube-scheduler's framework/interface.go.
// A plugin implements the points it takes part in. Scheduling is one pod at a time, so a plugin
// may keep per-cycle data in its own fields between PreFilter/PreScore and Filter/Score.

public interface IPlugin
{
    string Name { get; }
}

/// <summary>Orders the active queue.</summary>
public interface IQueueSortPlugin : IPlugin
{
    bool Less(QueuedPodInfo a, QueuedPodInfo b);
}

/// <summary>Checks or precomputes something about the pod once per cycle.</summary>
public interface IPreFilterPlugin : IPlugin
{
    Status PreFilter(PodInfo pod);
}

/// <summary>Says whether the pod can run on one node. Must not depend on other nodes.</summary>
public interface IFilterPlugin : IPlugin
{
    Status Filter(PodInfo pod, NodeInfo node);
}

/// <summary>Runs only when no node is feasible (preemption).</summary>
public interface IPostFilterPlugin : IPlugin
{
    PostFilterResult PostFilter(PodInfo pod, IReadOnlyList<NodeInfo> allNodes, NodeStatusMap statuses);
}

/// <summary>Precomputes scoring data over the feasible nodes; may return Skip to opt out of Score.</summary>
public interface IPreScorePlugin : IPlugin
{
    Status PreScore(PodInfo pod, IReadOnlyList<NodeInfo> feasibleNodes);
}

/// <summary>Ranks a feasible node; raw scores are normalized to [0, 100] if the plugin has <see cref="IScoreExtensions"/>.</summary>
public interface IScorePlugin : IPlugin
{
    long Score(PodInfo pod, NodeInfo node);
}

/// <summary>Normalizes a score plugin's raw scores over all feasible nodes (NormalizeScore).</summary>
public interface IScoreExtensions
{
    void NormalizeScore(PodInfo pod, Span<long> scores);
}

/// <summary>The cluster events that can make a pod this plugin rejected schedulable again.</summary>
public interface IEnqueueExtensions
{
    ClusterEventKind EventsToRegister { get; }
}

/// <summary>What a PostFilter plugin did: a node to nominate, and a message for FailedScheduling.</summary>
public readonly record struct PostFilterResult(StatusCode Code, string NominatedNodeName, string Message);

/// <summary>
/// Claims node-local state for the pod once a node is chosen, before it binds (a GPU for a
/// fractional pod, a gang's reservation); Unreserve undoes it if the pod does not bind after all.
/// </summary>
public interface IReservePlugin : IPlugin
{
    Status Reserve(PodInfo pod, NodeInfo node);

    void Unreserve(PodInfo pod, NodeInfo node);
}

/// <summary>What Permit says: bind now, wait (at most <see cref="Timeout"/>) for something else, or give up.</summary>
public readonly record struct PermitResult(StatusCode Code, Engine.SimDuration Timeout, string Reason)
{
    public static PermitResult Allow => new(StatusCode.Success, Engine.SimDuration.Zero, "");

    public static PermitResult Wait(Engine.SimDuration timeout) => new(StatusCode.Wait, timeout, "");

    public static PermitResult Reject(string reason) => new(StatusCode.Unschedulable, Engine.SimDuration.Zero, reason);
}

/// <summary>Holds a reserved pod back from binding until something allows it (gangs wait here for their siblings).</summary>
public interface IPermitPlugin : IPlugin
{
    PermitResult Permit(PodInfo pod, NodeInfo node);
}
