using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// Each node's life as Ready and NotReady intervals, from its Ready condition, and how many
/// nodes are in each state now. A state that lasts no virtual time is dropped, so a node that
/// registers without a Ready condition and is reported Ready by its kubelet in the same
/// instant starts Ready, and a flap within one instant is not a failure.
/// </summary>
internal sealed class NodeRecorder : INodeWatcher
{
    private readonly Simulation _sim;
    private readonly List<NodeLife> _lives = [];
    private readonly Dictionary<string, NodeLife> _byUid = new(StringComparer.Ordinal);
    private int _ready;
    private int _notReady;

    /// <summary>One node object from its addition to its removal; a re-added name is a new life.</summary>
    private sealed class NodeLife(string name, string pool, SimTime added)
    {
        public string Name { get; } = name;
        public string Pool { get; } = pool;
        public SimTime Added { get; } = added;
        public SimTime? Removed { get; set; }

        /// <summary>Each entry starts an interval that lasts until the next entry, the removal or the end.</summary>
        public List<(NodeState State, SimTime From)> Changes { get; } = [];

        public NodeState State => Changes[^1].State;
    }

    public NodeRecorder(ClusterStore store)
    {
        _sim = store.Simulation;
        store.Watch(this);
    }

    public int ReadyNodes => _ready;

    public int NotReadyNodes => _notReady;

    public void OnNodeEvent(WatchEventType type, Node node)
    {
        var now = _sim.Now;
        var state = node.Status.IsReady() ? NodeState.Ready : NodeState.NotReady;
        if (!_byUid.TryGetValue(node.Metadata.Uid, out var life))
        {
            if (type == WatchEventType.Deleted) return;
            life = new NodeLife(node.Name, node.Pool, now);
            life.Changes.Add((state, now));
            _lives.Add(life);
            _byUid.Add(node.Metadata.Uid, life);
            Count(state, +1);
            return;
        }
        if (life.Removed is not null) return;
        Count(life.State, -1);
        if (type == WatchEventType.Deleted)
        {
            life.Removed = now;
            // A state entered at the instant of removal never lasted.
            if (life.Changes.Count > 1 && life.Changes[^1].From == now) life.Changes.RemoveAt(life.Changes.Count - 1);
            return;
        }
        Change(life, state, now);
        Count(life.State, +1);
    }

    /// <summary>Every node's intervals, nodes in the order they were added, each node's in time order.</summary>
    public List<NodeInterval> Intervals()
    {
        var result = new List<NodeInterval>();
        foreach (var life in _lives)
        {
            for (int i = 0; i < life.Changes.Count; i++)
            {
                var (state, from) = life.Changes[i];
                var to = i + 1 < life.Changes.Count ? life.Changes[i + 1].From : life.Removed;
                result.Add(new NodeInterval(life.Name, life.Pool, state, from, to, life.Added, life.Removed));
            }
        }
        return result;
    }

    /// <summary>
    /// Failures are Ready-to-NotReady transitions; downtime is the time NotReady after having been
    /// Ready (a node still starting up is not down), open intervals counted up to <paramref name="end"/>.
    /// </summary>
    public NodeHealthSummary Summarize(SimTime end)
    {
        int failures = 0;
        var downtime = SimDuration.Zero;
        foreach (var life in _lives)
        {
            for (int i = 1; i < life.Changes.Count; i++)
            {
                if (life.Changes[i].State != NodeState.NotReady) continue;
                failures++;
                var to = i + 1 < life.Changes.Count ? life.Changes[i + 1].From : life.Removed ?? end;
                downtime += to - life.Changes[i].From;
            }
        }
        return new NodeHealthSummary(failures, downtime.TotalSeconds);
    }

    private static void Change(NodeLife life, NodeState state, SimTime now)
    {
        var changes = life.Changes;
        if (changes[^1].State == state) return;
        if (changes[^1].From != now)
        {
            changes.Add((state, now));
            return;
        }
        // The current state began at this very instant: forget it, and either resume the state
        // before it (which is the new one, as there are two) or, for the first, replace it.
        changes.RemoveAt(changes.Count - 1);
        if (changes.Count == 0) changes.Add((state, now));
    }

    private void Count(NodeState state, int delta)
    {
        if (state == NodeState.Ready) _ready += delta;
        else _notReady += delta;
    }
}
