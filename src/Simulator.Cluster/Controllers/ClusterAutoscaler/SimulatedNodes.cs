using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary>
/// CA's cluster snapshot for one simulation: the scheduler cache's nodes as they would be with
/// the pods the simulation has placed on them. A node is copied (a what-if clone, which never
/// touches the cache or the pods) the first time something is placed on it. Placements made
/// since a <see cref="Mark"/> can be taken back with <see cref="RevertTo"/> (a drain simulation
/// that fails half way).
/// </summary>
internal sealed class SimulatedNodes
{
    private readonly Dictionary<NodeInfo, NodeInfo> _clones = new(ReferenceEqualityComparer.Instance);
    private readonly List<(NodeInfo Node, PodInfo Pod)> _placed = [];

    /// <summary>Whether the simulation holds pods on <paramref name="real"/> beyond those the node has.</summary>
    public bool IsDestination(NodeInfo real) => _clones.TryGetValue(real, out var clone) && clone.PodCount > real.PodCount;

    /// <summary>The node as the simulation sees it.</summary>
    public NodeInfo View(NodeInfo real) => _clones.GetValueOrDefault(real, real);

    public void Place(NodeInfo real, PodInfo pod)
    {
        if (!_clones.TryGetValue(real, out var clone))
        {
            clone = real.Clone();
            _clones.Add(real, clone);
        }
        clone.AddPod(pod.Pod, pod);
        _placed.Add((clone, pod));
    }

    public int Mark() => _placed.Count;

    public void RevertTo(int mark)
    {
        for (int i = _placed.Count - 1; i >= mark; i--)
        {
            var (node, pod) = _placed[i];
            node.RemovePod(pod.Pod, pod);
        }
        _placed.RemoveRange(mark, _placed.Count - mark);
    }

    public void Clear()
    {
        _clones.Clear();
        _placed.Clear();
    }
}
