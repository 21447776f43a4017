using System.Globalization;
using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Properties;

/// <summary>
/// Watches a whole run, registered after every component so it sees each change once they all
/// have, and checks DESIGN §7's conservation rules on every store notification and every event:
/// no node allocated beyond its allocatable (recomputed from the store's pods, not taken from the
/// scheduler's cache), every pod in exactly one phase with only forward transitions and a fixed
/// node once bound, and a clock that never goes back.
/// </summary>
internal sealed class InvariantChecker : IPodWatcher, INodeWatcher, IEventSink
{
    private const int MaxViolations = 20;

    private readonly ClusterSimulation _sim;
    private readonly Dictionary<string, PodTrack> _byUid = new(StringComparer.Ordinal);
    private readonly int[] _phaseCounts = new int[4];
    private readonly Dictionary<(string Node, string Resource), long> _used = [];
    private SimTime _lastNotification;
    private SimTime _lastEvent;

    private sealed class PodTrack(string key, PodPhase phase)
    {
        public string Key { get; } = key;
        public PodPhase Phase { get; set; } = phase;
        public string Node { get; set; } = "";
        public bool Removed { get; set; }
    }

    public InvariantChecker(ClusterSimulation sim)
    {
        _sim = sim;
        sim.Store.Watch((IPodWatcher)this);
        sim.Store.Watch((INodeWatcher)this);
        sim.Store.AddEventSink(this);
    }

    public List<string> Violations { get; } = [];

    public int PodsCreated { get; private set; }

    public int PodsRemoved { get; private set; }

    public long Notifications { get; private set; }

    /// <summary>How many pods ever went through each phase; lets a test see what the workload exercised.</summary>
    public int[] EverInPhase { get; } = new int[4];

    public int DeletedWhileBound { get; private set; }

    public void OnPodEvent(WatchEventType type, Pod pod)
    {
        Notifications++;
        CheckClock();
        Track(type, pod);
        CheckPhaseCounts();
        CheckAllocation();
    }

    public void OnNodeEvent(WatchEventType type, Node node)
    {
        Notifications++;
        CheckClock();
        CheckAllocation();
    }

    public void OnEvent(ClusterEvent clusterEvent)
    {
        if (clusterEvent.Time < _lastEvent)
            Fail($"event {clusterEvent.Reason} for {clusterEvent.ObjectName} at {clusterEvent.Time} after one at {_lastEvent}");
        if (clusterEvent.Time != _sim.Engine.Now)
            Fail($"event {clusterEvent.Reason} for {clusterEvent.ObjectName} stamped {clusterEvent.Time}, recorded at {_sim.Engine.Now}");
        _lastEvent = clusterEvent.Time;
    }

    private void CheckClock()
    {
        var now = _sim.Engine.Now;
        if (now < _lastNotification) Fail($"clock went back from {_lastNotification} to {now}");
        _lastNotification = now;
    }

    private void Track(WatchEventType type, Pod pod)
    {
        var phase = pod.Status.Phase;
        if (!_byUid.TryGetValue(pod.Metadata.Uid, out var t))
        {
            if (type != WatchEventType.Added) Fail($"first notification for {pod.Key} is {type}, not Added");
            t = new PodTrack(pod.Key, phase);
            _byUid.Add(pod.Metadata.Uid, t);
            PodsCreated++;
            _phaseCounts[(int)phase]++;
            EverInPhase[(int)phase]++;
        }
        else
        {
            if (t.Removed) Fail($"{type} notification for {pod.Key} after it was removed");
            if (!IsForward(t.Phase, phase)) Fail($"{pod.Key} went from {t.Phase} back to {phase}");
            if (phase != t.Phase)
            {
                _phaseCounts[(int)t.Phase]--;
                _phaseCounts[(int)phase]++;
                EverInPhase[(int)phase]++;
                t.Phase = phase;
            }
        }
        if (t.Node.Length > 0 && pod.Spec.NodeName != t.Node) Fail($"{pod.Key} moved from node {t.Node} to \"{pod.Spec.NodeName}\"");
        t.Node = pod.Spec.NodeName;

        if (type == WatchEventType.Deleted && !t.Removed)
        {
            t.Removed = true;
            PodsRemoved++;
            _phaseCounts[(int)t.Phase]--;
            if (t.Node.Length > 0 && !pod.IsTerminal) DeletedWhileBound++;
        }
    }

    /// <summary>Pending may go anywhere, Running only to a terminal phase, a terminal phase nowhere.</summary>
    private static bool IsForward(PodPhase from, PodPhase to) => from == to || from switch
    {
        PodPhase.Pending => true,
        PodPhase.Running => to is PodPhase.Succeeded or PodPhase.Failed,
        _ => false,
    };

    /// <summary>The recorder's counts equal this checker's own, and add up to the pods that exist.</summary>
    private void CheckPhaseCounts()
    {
        var metrics = _sim.Metrics;
        int sum = 0;
        for (int p = 0; p < 4; p++)
        {
            int counted = metrics.CountInPhase((PodPhase)p);
            if (counted != _phaseCounts[p]) Fail($"CountInPhase({(PodPhase)p}) = {counted}, but {_phaseCounts[p]} pods are in it");
            sum += counted;
        }
        if (sum != PodsCreated - PodsRemoved) Fail($"phase counts add up to {sum}, but {PodsCreated} created - {PodsRemoved} removed = {PodsCreated - PodsRemoved}");
        if (metrics.Pods.Count != PodsCreated) Fail($"{metrics.Pods.Count} pod records for {PodsCreated} pods created");
    }

    /// <summary>Sums the requests of bound, unfinished pods per node straight from the store.</summary>
    private void CheckAllocation()
    {
        var store = _sim.Store;
        _used.Clear();
        foreach (var pod in store.Pods)
        {
            if (!pod.IsBound || pod.IsTerminal) continue;
            var node = pod.Spec.NodeName;
            if (store.GetNode(node) is null)
            {
                Fail($"{pod.Key} is bound to unknown node {node}");
                continue;
            }
            Add(node, ResourceNames.Pods, 1);
            foreach (var (name, amount) in pod.Requests) Add(node, name, amount);
        }
        foreach (var ((node, resource), used) in _used)
        {
            long allocatable = store.GetNode(node)!.Status.Allocatable.Get(resource);
            if (used > allocatable) Fail($"node {node} has {used} {resource} allocated, allocatable {allocatable}");
        }
    }

    private void Add(string node, string resource, long amount) =>
        _used[(node, resource)] = _used.GetValueOrDefault((node, resource)) + amount;

    /// <summary>Checks that need the whole run: the event log, the records and the scheduler's cache against the store.</summary>
    public void CheckAtEnd()
    {
        var events = _sim.Metrics.Events;
        for (int i = 1; i < events.Count; i++)
            if (events[i].Time < events[i - 1].Time) Fail($"events[{i}] at {events[i].Time} is before events[{i - 1}] at {events[i - 1].Time}");

        CheckRecords();
        CheckCacheAgainstStore();
    }

    private void CheckRecords()
    {
        var store = _sim.Store;
        var live = new int[4];
        foreach (var r in _sim.Metrics.Pods)
        {
            var pod = store.GetPod(r.Namespace + "/" + r.Name);
            bool exists = pod is not null && pod.Metadata.Uid == r.Uid;
            if (exists == r.Deleted is not null) Fail($"record of {r.Name}: Deleted={r.Deleted} but the pod {(exists ? "exists" : "is gone")}");
            if (!exists) continue;
            live[(int)r.Phase]++;
            if (r.Phase != pod!.Status.Phase) Fail($"record of {r.Name} says {r.Phase}, the pod is {pod.Status.Phase}");
            if (r.Node != pod.Spec.NodeName) Fail($"record of {r.Name} says node \"{r.Node}\", the pod is on \"{pod.Spec.NodeName}\"");
            if (pod.IsBound != r.Scheduled.HasValue) Fail($"record of {r.Name}: Scheduled={r.Scheduled}, bound={pod.IsBound}");
        }
        for (int p = 0; p < 4; p++)
            if (live[p] != _sim.Metrics.CountInPhase((PodPhase)p)) Fail($"{live[p]} live records in {(PodPhase)p}, CountInPhase says {_sim.Metrics.CountInPhase((PodPhase)p)}");
        if (store.PodCount != PodsCreated - PodsRemoved) Fail($"store holds {store.PodCount} pods, expected {PodsCreated - PodsRemoved}");
    }

    private void CheckCacheAgainstStore()
    {
        var scheduler = _sim.Scheduler;
        CheckAllocation();
        var cpu = Sum(ResourceNames.Cpu);
        var memory = Sum(ResourceNames.Memory);
        var gpus = Sum(ResourceNames.NvidiaGpu);
        var pods = Sum(ResourceNames.Pods);
        bool hasGpu = scheduler.Resources.TryGet(ResourceNames.NvidiaGpu, out int gpuId);

        if (scheduler.Cache.Nodes.Count != _sim.Store.Nodes.Count) Fail($"cache has {scheduler.Cache.Nodes.Count} nodes, store {_sim.Store.Nodes.Count}");
        foreach (var info in scheduler.Cache.Nodes)
        {
            var name = info.Name;
            Same(name, "cpu", info.Requested(ResourceIndex.Cpu), cpu.GetValueOrDefault(name));
            Same(name, "memory", info.Requested(ResourceIndex.Memory), memory.GetValueOrDefault(name));
            Same(name, "gpus", hasGpu ? info.Requested(gpuId) : 0, gpus.GetValueOrDefault(name));
            Same(name, "pods", info.PodCount, pods.GetValueOrDefault(name));
        }
    }

    private Dictionary<string, long> Sum(string resource)
    {
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var ((node, r), used) in _used)
            if (r == resource) sums[node] = used;
        return sums;
    }

    private void Same(string node, string what, long cache, long store)
    {
        if (cache != store) Fail($"scheduler cache has {cache} {what} requested on {node}, the store's pods {store}");
    }

    private void Fail(string message)
    {
        if (Violations.Count < MaxViolations)
            Violations.Add(string.Create(CultureInfo.InvariantCulture, $"t={_sim.Engine.Now.ToSecondsString()}s: {message}"));
    }
}
