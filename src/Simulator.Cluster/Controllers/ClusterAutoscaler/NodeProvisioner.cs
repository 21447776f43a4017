using Simulator.Cluster.Api;
using Simulator.Cluster.Faults;
using Simulator.Cluster.Kubelet;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary>
/// The cloud side of a scale-up, as the autoscaler sees it: a requested node registers after its
/// pool's provisioning delay (drawn per node from a named stream) and is billed from the request;
/// a GPU node registers without its GPUs, which become allocatable after the pool's gpuReadyDelay
/// (the driver and device plugin starting), until then counting as upcoming; requests that take
/// longer than max-node-provision-time time out and back their group off; a scale-up whose nodes
/// have all arrived ends the group's backoff (CA's clusterstate).
/// </summary>
internal sealed class NodeProvisioner(ClusterStore store, NodePoolRegistry pools, MetricsRecorder metrics,
    ClusterAutoscalerSettings settings, Func<string, NodeGroup?> groupOf) : IEventHandler
{
    private const long RegisterNode = 0;
    private const long GpusReady = 1;

    private readonly Simulation _sim = store.Simulation;
    private readonly Random _provisioning = store.Simulation.Random.Get("cluster-autoscaler-provisioning");
    private readonly ClusterStore _store = store;
    private readonly NodePoolRegistry _pools = pools;
    private readonly MetricsRecorder _metrics = metrics;
    private readonly ClusterAutoscalerSettings _settings = settings;

    /// <summary>Requested nodes that registered.</summary>
    public int NodesRegistered { get; private set; }

    public void OnEvent(object? state, long arg)
    {
        if (arg == RegisterNode) Register((UpcomingNode)state!);
        else MakeGpusAllocatable((Node)state!);
    }

    /// <summary>Asks the provider for one node of <paramref name="group"/>: it registers after the pool's provisioning delay, billed from now.</summary>
    public void Request(NodeGroup group, SimTime now)
    {
        var node = _pools.NewNode(group.Pool);
        var delay = (group.Pool.Autoscaling!.ProvisioningDelay ?? _settings.DefaultProvisioningDelay).Sample(_provisioning);
        var upcoming = new UpcomingNode(node, now);
        upcoming.Registration = _sim.Schedule(now + delay, this, upcoming, RegisterNode);
        group.Upcoming.Add(upcoming);
        _metrics.BillProvisioning(group.Name, node.Name);
    }

    private void Register(UpcomingNode upcoming)
    {
        var node = upcoming.Node;
        var group = groupOf(node.Pool)!;
        group.Upcoming.Remove(upcoming);
        bool waitForGpus = group.HasGpus;
        if (waitForGpus)
        {
            // The device plugin has not advertised the GPUs yet: the node registers without them.
            node.Status.Capacity = WithoutGpus(node.Status.Capacity);
            node.Status.Allocatable = WithoutGpus(node.Status.Allocatable);
            group.GpusNotReady.Add(node.Name);
            group.GpusRequestedAt[node.Name] = upcoming.RequestedAt;
        }
        _store.AddNode(node);
        NodesRegistered++;
        if (!waitForGpus) ScaleUpFinished(group);
        if (waitForGpus)
        {
            var delay = (group.Pool.Autoscaling!.GpuReadyDelay ?? _settings.DefaultGpuReadyDelay).Sample(_provisioning);
            _sim.ScheduleAfter(delay, this, node, GpusReady);
        }
    }

    private void MakeGpusAllocatable(Node node)
    {
        if (_store.GetNode(node.Name) != node || groupOf(node.Pool) is not { } group) return;
        group.GpusNotReady.Remove(node.Name);
        group.GpusRequestedAt.Remove(node.Name);
        ScaleUpFinished(group);
        node.Status.Capacity = Kubelets.Reported(group.Pool.Capacity);
        node.Status.Allocatable = Kubelets.Reported(group.Pool.Allocatable);
        _store.UpdateNode(node);
    }

    /// <summary>CA's clusterstate: a scale-up whose nodes have all arrived ends the group's backoff.</summary>
    private static void ScaleUpFinished(NodeGroup group)
    {
        if (group.Upcoming.Count == 0 && group.GpusNotReady.Count == 0) group.Backoff.Reset();
    }

    private static ResourceList WithoutGpus(ResourceList resources) =>
        ResourceList.From(resources.Where(r => r.Key is not (ResourceNames.NvidiaGpu or ResourceNames.GpuMilli)));

    /// <summary>
    /// Requested nodes still unregistered after max-node-provision-time are deleted (no longer billed)
    /// and their group backs off; registered GPU nodes whose GPUs are still not allocatable by then
    /// time out the same way but stay.
    /// </summary>
    /// <returns>How many requests timed out.</returns>
    public int GiveUpLate(IReadOnlyList<NodeGroup> groups, SimTime now)
    {
        int timeouts = 0;
        foreach (var group in groups)
        {
            int late = 0;
            SimTime? requestedAt = null;
            for (int i = 0; i < group.Upcoming.Count; i++)
            {
                var upcoming = group.Upcoming[i];
                if (now - upcoming.RequestedAt < _settings.MaxNodeProvisionTime) continue;
                _sim.Cancel(upcoming.Registration);
                _metrics.StopBilling(upcoming.Node.Name);
                group.Upcoming.RemoveAt(i--);
                requestedAt ??= upcoming.RequestedAt;
                late++;
            }
            // A registered GPU node whose GPUs are still not allocatable is not Ready for CA either:
            // its request times out too, but the node stays (CA deletes only unregistered instances).
            foreach (var name in group.GpusNotReady.ToList())
            {
                if (!group.GpusRequestedAt.TryGetValue(name, out var at) || now - at < _settings.MaxNodeProvisionTime) continue;
                group.GpusRequestedAt.Remove(name);
                requestedAt ??= at;
                late++;
            }
            if (late == 0) continue;
            group.Backoff.Failed(now, _settings);
            timeouts += late;
            _store.RecordEvent(EventType.Warning, "ScaleUpTimedOut", ClusterAutoscaler.StatusKind, ClusterAutoscaler.StatusName,
                $"Nodes added to group {group.Name} failed to register within {now - requestedAt!.Value}", ClusterAutoscaler.ComponentName);
        }
        return timeouts;
    }

}
