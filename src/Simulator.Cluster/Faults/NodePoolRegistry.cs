using System.Globalization;
using Simulator.Cluster.Api;
using Simulator.Cluster.Store;

namespace Simulator.Cluster.Faults;

/// <summary>
/// The scenario's node pools at run time, and the highest node index each has ever used, so
/// that nodes added later (timeline actions, autoscalers) get fresh names: a removed
/// <c>gpu-3</c> is never reused, as cloud node groups do not reuse instance names either.
/// </summary>
public sealed class NodePoolRegistry : INodeWatcher
{
    private readonly ClusterStore _store;
    private readonly Dictionary<string, NodePool> _pools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _highest = new(StringComparer.Ordinal);

    public NodePoolRegistry(ClusterStore store)
    {
        _store = store;
        store.Watch(this);
    }

    /// <summary>Pools in the order they were added.</summary>
    public IEnumerable<NodePool> Pools => _pools.Values;

    public void Add(NodePool pool)
    {
        if (!_pools.TryAdd(pool.Name, pool))
            throw new ArgumentException($"node pool \"{pool.Name}\" is already registered", nameof(pool));
    }

    public NodePool? Get(string name) => _pools.GetValueOrDefault(name);

    /// <summary>The index the next node of <paramref name="pool"/> gets: one above the highest ever used, 0 for the first.</summary>
    public int NextIndex(string pool) => _highest.TryGetValue(pool, out var highest) ? highest + 1 : 0;

    /// <summary>A new node object from <paramref name="pool"/>, its index reserved (add it to the store to register it).</summary>
    public Node NewNode(NodePool pool)
    {
        int index = NextIndex(pool.Name);
        _highest[pool.Name] = index;
        return pool.NewNode(index);
    }

    /// <summary>The pool's nodes now in the store, in store order.</summary>
    public List<Node> NodesOf(string pool)
    {
        var nodes = new List<Node>();
        foreach (var node in _store.Nodes)
            if (node.Pool == pool) nodes.Add(node);
        return nodes;
    }

    /// <summary>The index in a pool node's name <c>&lt;pool&gt;-&lt;index&gt;</c>, or -1 if it has none.</summary>
    public static int IndexOf(Node node)
    {
        var prefix = node.Pool + "-";
        if (node.Pool.Length == 0 || !node.Name.StartsWith(prefix, StringComparison.Ordinal)) return -1;
        return int.TryParse(node.Name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;
    }

    public void OnNodeEvent(WatchEventType type, Node node)
    {
        if (type != WatchEventType.Added) return;
        int index = IndexOf(node);
        if (index >= 0 && index > _highest.GetValueOrDefault(node.Pool, -1)) _highest[node.Pool] = index;
    }
}
