using System.Globalization;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// The nodes that exist as the timeline is played in time order, so that an action naming a node
/// can be checked against the nodes at its moment: the Node documents, the pools' initial nodes,
/// and those that earlier AddNodes and ScaleNodePool actions create (named &lt;pool&gt;-&lt;index&gt;
/// after the pool's highest index so far) or remove (the newest first).
/// </summary>
internal sealed class NodeRoster
{
    /// <summary>
    /// "Did you mean" compares a name with every node; a file with thousands of wrong names on a
    /// large cluster would spend minutes on hints, so only the first ones get one.
    /// </summary>
    private const int MaxHints = 100;

    private sealed class PoolState(NodePool pool)
    {
        public NodePool Pool { get; } = pool;

        /// <summary>Indexes of the pool's live nodes; the largest is the newest.</summary>
        public SortedSet<int> Live { get; } = [.. Enumerable.Range(0, pool.Count)];
        public int NextIndex { get; set; } = pool.Count;
    }

    private readonly HashSet<string> _live = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PoolState> _pools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (PoolState Pool, int Index)> _poolNodes = new(StringComparer.Ordinal);

    /// <summary>What became of nodes that were removed or added, for messages: "removed at 2h by spec.timeline[1]".</summary>
    private readonly Dictionary<string, string> _removed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _added = new(StringComparer.Ordinal);
    private long _created;
    private int _hints;

    public NodeRoster(IReadOnlyList<Node> nodes, IReadOnlyList<NodePool> pools)
    {
        foreach (var pool in pools) _pools[pool.Name] = new PoolState(pool);
        foreach (var node in nodes)
        {
            _live.Add(node.Name);
            // Pool nodes are named <pool>-<index>; the index is what ScaleNodePool orders by.
            if (_pools.TryGetValue(node.Pool, out var state)
                && int.TryParse(node.Name.AsSpan(node.Pool.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                _poolNodes[node.Name] = (state, index);
        }
        _created = nodes.Count;
    }

    /// <summary>Why <paramref name="node"/> cannot be acted on now, or null if it exists.</summary>
    public string? NodeProblem(string node, string at)
    {
        if (_live.Contains(node)) return null;
        if (_removed.TryGetValue(node, out var removed)) return $"nodes \"{node}\" not found at {at}: {removed}";
        string hint = _hints++ < MaxHints ? Suggestions.Hint(node, _live) : "";
        return $"nodes \"{node}\" not found{hint}";
    }

    /// <summary>Which action adds <paramref name="node"/>, if any does: "it is added at 2h by spec.timeline[3]".</summary>
    public string? AddedLater(string node) => _added.GetValueOrDefault(node);

    public bool WasNeverRemoved(string node) => !_removed.ContainsKey(node);

    public string? PoolProblem(string pool)
    {
        if (_pools.ContainsKey(pool)) return null;
        if (_pools.Count == 0) return $"node pool \"{pool}\" not found: the scenario has no NodePool";
        return $"node pool \"{pool}\" not found{Suggestions.Hint(pool, _pools.Keys)} (pools: {string.Join(", ", _pools.Keys.Order(StringComparer.Ordinal))})";
    }

    /// <summary>Removes a node; never fails, and returns null like the other changes.</summary>
    public string? Remove(string node, string by)
    {
        _live.Remove(node);
        _removed[node] = "removed " + by;
        if (_poolNodes.Remove(node, out var owner)) owner.Pool.Live.Remove(owner.Index);
        return null;
    }

    /// <summary>Adds <paramref name="count"/> nodes to a pool; returns why it cannot, or null.</summary>
    public string? Add(string pool, int count, string by)
    {
        var state = _pools[pool];
        if (_created + count > InputLimits.MaxNodes) return $"the scenario would have more than {InputLimits.MaxNodes} nodes";
        for (int i = 0; i < count; i++)
        {
            int index = state.NextIndex++;
            string name = state.Pool.NodeName(index);
            if (!_live.Add(name)) return $"would add node \"{name}\", which already exists";
            state.Live.Add(index);
            _poolNodes[name] = (state, index);
            _added.TryAdd(name, "it is added " + by);
            _created++;
        }
        return null;
    }

    /// <summary>Grows the pool to <paramref name="count"/> nodes, or shrinks it removing the newest first.</summary>
    public string? Scale(string pool, int count, string by)
    {
        var state = _pools[pool];
        // An autoscaled pool is a node group: the provider refuses a resize outside its bounds.
        if (state.Pool.Autoscaling is { } bounds && (count < bounds.Min || count > bounds.Max))
            return $"Invalid value: {count}: node pool \"{pool}\" autoscales between spec.autoscaling.min ({bounds.Min}) and spec.autoscaling.max ({bounds.Max})";
        if (count > state.Live.Count) return Add(pool, count - state.Live.Count, by);
        while (state.Live.Count > count) Remove(state.Pool.NodeName(state.Live.Max), by);
        return null;
    }
}
