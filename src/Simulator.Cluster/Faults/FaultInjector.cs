using Simulator.Cluster.Api;
using Simulator.Cluster.Kubelet;
using Simulator.Cluster.Store;

namespace Simulator.Cluster.Faults;

/// <summary>
/// Everything that happens to the cluster from outside Kubernetes: the scenario's timeline of
/// scripted actions and its random fault models, acting on nodes through the store and the
/// kubelets. It also keeps the node pools at run time, so that nodes can be added from them.
/// <para>
/// The timeline's pending actions keep a run going until the last one; the random models'
/// clocks run forever and are housekeeping, so they never keep a finished run alive.
/// </para>
/// </summary>
public sealed class FaultInjector : IHousekeeping
{
    /// <summary>The source of the events that say what was injected (NodeFailed, NodeRecovered, TimelineActionSkipped).</summary>
    public const string ComponentName = "fault-injector";

    private readonly TimelineRunner _timeline;
    private readonly RandomFaults _random;

    public FaultInjector(ClusterStore store, Kubelets kubelets)
    {
        NodePools = new NodePoolRegistry(store);
        var actions = new NodeActions(store, kubelets, NodePools);
        _timeline = new TimelineRunner(store, actions, NodePools);
        _random = new RandomFaults(store, actions);
    }

    public NodePoolRegistry NodePools { get; }

    public int ArmedHousekeepingTimers => _random.ArmedTimers;

    /// <summary>Makes <paramref name="pool"/> known at run time (AddNodes, ScaleNodePool, autoscalers).</summary>
    public void AddNodePool(NodePool pool) => NodePools.Add(pool);

    /// <summary>Runs <paramref name="action"/> at its time; actions at the same time run in the order scheduled.</summary>
    public void Schedule(TimelineAction action) => _timeline.Schedule(action);

    /// <summary>Starts a random fault model over the matching nodes present now and to come.</summary>
    public void AddModel(FaultModel model) => _random.Add(model);
}
