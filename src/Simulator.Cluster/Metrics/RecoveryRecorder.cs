using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// Time to recover per Deployment, and per ReplicaSet that no Deployment controls. Ready
/// replicas are counted from the pods themselves (Ready condition True, not terminating, owned
/// through a ReplicaSet), as the ReplicaSet controller counts them, so the measure does not
/// lag behind a controller's status write. An outage starts when the ready count falls below
/// the desired count (spec.replicas) after having reached it once, and ends when it is back:
/// a scale-up that raises the desired count is not an outage, but losing a ready pod during
/// one is; scaling down or deleting the workload ends an outage.
/// </summary>
internal sealed class RecoveryRecorder : IObjectWatcher<Deployment>, IObjectWatcher<ReplicaSet>, IPodWatcher
{
    private readonly Simulation _sim;
    private readonly List<Tracked> _tracked = [];

    /// <summary>Tracked workloads by their own uid.</summary>
    private readonly Dictionary<string, Tracked> _byUid = new(StringComparer.Ordinal);

    /// <summary>Every ReplicaSet seen, to the workload its pods count for; kept after deletion for its terminating pods.</summary>
    private readonly Dictionary<string, Tracked> _byReplicaSet = new(StringComparer.Ordinal);
    private readonly List<RecoveryInterval> _recovered = [];

    private sealed class Tracked(IApiObject workload)
    {
        public IApiObject Workload { get; } = workload;
        public HashSet<string> ReadyPods { get; } = new(StringComparer.Ordinal);
        public int LastReady { get; set; }
        public bool ReachedDesired { get; set; }
        public bool Gone { get; set; }
        public SimTime? OutageStart { get; set; }

        public int Desired => Gone ? 0 : Workload switch
        {
            Deployment d => d.Spec.Replicas,
            ReplicaSet rs => rs.Spec.Replicas,
            _ => 0,
        };
    }

    public RecoveryRecorder(ClusterStore store)
    {
        _sim = store.Simulation;
        store.Deployments.Watch(this);
        store.ReplicaSets.Watch(this);
        store.Watch(this);
    }

    public void OnObjectEvent(WatchEventType type, Deployment deployment)
    {
        if (!_byUid.TryGetValue(deployment.Metadata.Uid, out var tracked))
        {
            if (type == WatchEventType.Deleted) return;
            tracked = Track(deployment);
        }
        if (type == WatchEventType.Deleted) tracked.Gone = true;
        Evaluate(tracked);
    }

    public void OnObjectEvent(WatchEventType type, ReplicaSet replicaSet)
    {
        var uid = replicaSet.Metadata.Uid;
        if (!_byReplicaSet.TryGetValue(uid, out var tracked))
        {
            if (type == WatchEventType.Deleted) return;
            if (replicaSet.Metadata.Controller is { Kind: "Deployment" } owner)
            {
                // Its pods count for the Deployment, whose spec.replicas is what is desired.
                if (_byUid.TryGetValue(owner.Uid, out var deployment)) _byReplicaSet.Add(uid, deployment);
                return;
            }
            tracked = Track(replicaSet);
            _byReplicaSet.Add(uid, tracked);
        }
        // A Deployment's ReplicaSets are scaled by its rollout; only a bare one says what is desired.
        if (!ReferenceEquals(tracked.Workload, replicaSet)) return;
        if (type == WatchEventType.Deleted) tracked.Gone = true;
        Evaluate(tracked);
    }

    public void OnPodEvent(WatchEventType type, Pod pod)
    {
        if (pod.Metadata.Controller is not { Kind: "ReplicaSet" } owner || !_byReplicaSet.TryGetValue(owner.Uid, out var tracked)) return;
        bool ready = type != WatchEventType.Deleted && !pod.IsTerminating && !pod.IsTerminal &&
            pod.Status.GetCondition(PodConditionType.Ready) is { Status: ConditionStatus.True };
        bool changed = ready ? tracked.ReadyPods.Add(pod.Metadata.Uid) : tracked.ReadyPods.Remove(pod.Metadata.Uid);
        if (changed) Evaluate(tracked);
    }

    /// <summary>Recovered outages and those still open, by start time (then kind, namespace, name).</summary>
    public List<RecoveryInterval> Intervals()
    {
        var result = new List<RecoveryInterval>(_recovered);
        foreach (var t in _tracked)
            if (t.OutageStart is { } start) result.Add(Interval(t, start, null));
        result.Sort(static (a, b) =>
        {
            int c = a.From.CompareTo(b.From);
            if (c == 0) c = string.CompareOrdinal(a.Kind, b.Kind);
            if (c == 0) c = string.CompareOrdinal(a.Namespace, b.Namespace);
            return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
        });
        return result;
    }

    /// <summary>Over recovered outages only: one still open has no time to recover yet.</summary>
    public RecoverySummary Summarize()
    {
        var seconds = new List<double>(_recovered.Count);
        foreach (var r in _recovered) seconds.Add((r.To!.Value - r.From).TotalSeconds);
        seconds.Sort();
        return new RecoverySummary(seconds.Count, Percentiles.NearestRank(seconds, 50), seconds.Count == 0 ? 0 : seconds[^1]);
    }

    private Tracked Track(IApiObject workload)
    {
        var tracked = new Tracked(workload);
        _tracked.Add(tracked);
        _byUid.Add(workload.Metadata.Uid, tracked);
        return tracked;
    }

    private void Evaluate(Tracked t)
    {
        int ready = t.ReadyPods.Count;
        int desired = t.Desired;
        if (t.OutageStart is { } start)
        {
            if (ready >= desired)
            {
                t.OutageStart = null;
                // Down and back within one instant is no outage.
                if (_sim.Now > start) _recovered.Add(Interval(t, start, _sim.Now));
            }
        }
        else if (ready >= desired)
        {
            t.ReachedDesired = true;
        }
        else if (t.ReachedDesired && ready < t.LastReady)
        {
            t.OutageStart = _sim.Now;
        }
        t.LastReady = ready;
    }

    private static RecoveryInterval Interval(Tracked t, SimTime from, SimTime? to) =>
        new(t.Workload.Kind, t.Workload.Metadata.Namespace, t.Workload.Metadata.Name, from, to);
}
