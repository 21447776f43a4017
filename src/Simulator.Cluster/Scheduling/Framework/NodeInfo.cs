using Simulator.Cluster.Api;

namespace Simulator.Cluster.Scheduling.Framework;

/// <summary>
/// The scheduler cache's view of one node: allocatable and requested resources by dense index,
/// kept up to date incrementally as pods are bound and finish, never recomputed by scanning pods.
/// </summary>
public sealed class NodeInfo
{
    private long[] _allocatable;
    private long[] _requested;
    private List<Pod> _pods = [];

    public NodeInfo(Node node, ResourceIndex resources)
    {
        Node = node;
        _allocatable = new long[Math.Max(resources.Count, 4)];
        _requested = new long[_allocatable.Length];
        SetNode(node, resources);
    }

    public Node Node { get; private set; }

    public string Name => Node.Name;

    /// <summary>Maximum number of pods (allocatable "pods", kubelet default maxPods 110).</summary>
    public long AllowedPodNumber { get; private set; }

    public int PodCount => _pods.Count;

    public IReadOnlyList<Pod> Pods => _pods;

    /// <summary>Sum of non-zero CPU requests (scoring input).</summary>
    public long NonZeroCpu { get; private set; }

    /// <summary>Sum of non-zero memory requests (scoring input).</summary>
    public long NonZeroMemory { get; private set; }

    public long Allocatable(int resource) => resource < _allocatable.Length ? _allocatable[resource] : 0;

    public long Requested(int resource) => resource < _requested.Length ? _requested[resource] : 0;

    public void SetNode(Node node, ResourceIndex resources)
    {
        Node = node;
        Array.Clear(_allocatable);
        AllowedPodNumber = 110;
        foreach (var (name, amount) in node.Status.Allocatable)
        {
            if (name == ResourceNames.Pods)
            {
                AllowedPodNumber = amount;
                continue;
            }
            int id = resources.Register(name);
            EnsureCapacity(id);
            _allocatable[id] = amount;
        }
    }

    public void AddPod(Pod pod, PodInfo info)
    {
        _pods.Add(pod);
        foreach (var r in info.Requests)
        {
            EnsureCapacity(r.Resource);
            _requested[r.Resource] += r.Amount;
        }
        NonZeroCpu += info.NonZeroCpu;
        NonZeroMemory += info.NonZeroMemory;
    }

    public void RemovePod(Pod pod, PodInfo info)
    {
        if (!_pods.Remove(pod)) return;
        foreach (var r in info.Requests) _requested[r.Resource] -= r.Amount;
        NonZeroCpu -= info.NonZeroCpu;
        NonZeroMemory -= info.NonZeroMemory;
    }

    /// <summary>A copy for "what if" evaluation (preemption dry runs); changes to it do not touch the cache.</summary>
    public NodeInfo Clone()
    {
        var copy = (NodeInfo)MemberwiseClone();
        copy._allocatable = (long[])_allocatable.Clone();
        copy._requested = (long[])_requested.Clone();
        copy._pods = [.. _pods];
        return copy;
    }

    private void EnsureCapacity(int id)
    {
        if (id < _allocatable.Length) return;
        int size = Math.Max(id + 1, _allocatable.Length * 2);
        Array.Resize(ref _allocatable, size);
        Array.Resize(ref _requested, size);
    }

    public override string ToString() => Name;
}
