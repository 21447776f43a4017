namespace Simulator.Cluster.Scheduling.Framework;

/// <summary>
/// Why each examined node was rejected (kube-scheduler's NodeToStatusMap), in the order nodes
/// were examined. Reused across cycles to avoid allocating per pod.
/// </summary>
public sealed class NodeStatusMap
{
    private readonly List<(NodeInfo Node, Status Status)> _entries = [];

    public int Count => _entries.Count;

    public IReadOnlyList<(NodeInfo Node, Status Status)> Entries => _entries;

    public void Clear() => _entries.Clear();

    public void Set(NodeInfo node, Status status) => _entries.Add((node, status));

    public Status? Get(string nodeName)
    {
        foreach (var (node, status) in _entries)
            if (node.Name == nodeName) return status;
        return null;
    }
}
