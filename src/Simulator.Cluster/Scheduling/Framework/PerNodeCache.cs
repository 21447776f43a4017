namespace Simulator.Cluster.Scheduling.Framework;

/// <summary>
/// A plugin's state per node, keyed by the scheduler cache's <see cref="NodeInfo"/>, that forgets
/// nodes which left the cluster. The cache hands out a new NodeInfo for each node registered, so
/// without pruning a cluster whose nodes come and go (pools scaled, nodes removed) would keep an
/// entry for every node it ever had. Pruning runs only when the entries outnumber twice the live
/// nodes (amortised O(1) per lookup); dropping an entry only costs a recomputation.
/// </summary>
public sealed class PerNodeCache<T>(IReadOnlyList<NodeInfo> liveNodes)
{
    private const int Slack = 64;
    private readonly Dictionary<NodeInfo, T> _entries = new(ReferenceEqualityComparer.Instance);

    public int Count => _entries.Count;

    public bool TryGetValue(NodeInfo node, out T value) => _entries.TryGetValue(node, out value!);

    public void Set(NodeInfo node, T value)
    {
        if (!_entries.ContainsKey(node) && _entries.Count >= 2 * liveNodes.Count + Slack) PruneGone();
        _entries[node] = value;
    }

    private void PruneGone()
    {
        var live = new HashSet<NodeInfo>(liveNodes, ReferenceEqualityComparer.Instance);
        var gone = new List<NodeInfo>();
        foreach (var node in _entries.Keys)
            if (!live.Contains(node)) gone.Add(node);
        foreach (var node in gone) _entries.Remove(node);
    }
}
