using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;

namespace Simulator.Cluster.Scheduling.Framework;

/// <summary>
/// The scheduler cache's view of one node: allocatable and requested resources by dense index,
/// kept up to date incrementally as pods are bound and finish, never recomputed by scanning pods.
/// It also keeps the thousandths used on each physical GPU (whole-GPU pods take 1000 on each of
/// their GPUs, a <c>ksim.dev/gpu-milli</c> pod its share on one), from the GPUs recorded on each
/// pod (<see cref="PodStatus.AssignedGpus"/>).
/// </summary>
public sealed class NodeInfo
{
    private long[] _allocatable;
    private long[] _requested;
    private List<Pod> _pods = [];
    private int[] _gpuUsedMilli = [];
    private bool _whatIf;
    private PodAffinityTally? _tally;
    private int _lowestPriority = int.MaxValue;
    private bool _lowestPriorityStale;

    public NodeInfo(Node node, ResourceIndex resources, PodAffinityTally? tally = null)
    {
        Node = node;
        _tally = tally;
        _allocatable = new long[Math.Max(resources.Count, 4)];
        _requested = new long[_allocatable.Length];
        SetNode(node, resources);
    }

    public Node Node { get; private set; }

    public string Name => Node.Name;

    /// <summary>Maximum number of pods (allocatable "pods", kubelet default maxPods 110).</summary>
    public long AllowedPodNumber { get; private set; }

    public int PodCount => _pods.Count;

    /// <summary>
    /// Bumped by every change to what the node holds or offers (<see cref="SetNode"/>,
    /// <see cref="AddPod"/>, <see cref="RemovePod"/>), so a score plugin may cache what it derives
    /// from the node and recompute only when this moves (FGD's fragmentation).
    /// </summary>
    public long Generation { get; private set; }

    /// <summary>Pods here with any pod affinity or anti-affinity (kube's NodeInfo.PodsWithAffinity, as a count).</summary>
    public int PodsWithAffinity { get; private set; }

    /// <summary>Pods here with required pod anti-affinity (kube's NodeInfo.PodsWithRequiredAntiAffinity, as a count).</summary>
    public int PodsWithRequiredAntiAffinity { get; private set; }

    public IReadOnlyList<Pod> Pods => _pods;

    /// <summary>
    /// The lowest spec.priority of the pods here (int.MaxValue with none). Preemption's dry run
    /// looks for pods below the preemptor's priority on every node the pod failed on; when every
    /// pod here is at least as important (all of the fgd-openb trace's pods are at 0), this answers
    /// "no victims" without reading the pods. Lowered as pods arrive; when the lowest one leaves it
    /// is recomputed on the next read (a pod's priority never changes).
    /// </summary>
    public int LowestPodPriority
    {
        get
        {
            if (_lowestPriorityStale)
            {
                _lowestPriority = int.MaxValue;
                foreach (var p in _pods) _lowestPriority = Math.Min(_lowestPriority, p.Spec.Priority);
                _lowestPriorityStale = false;
            }
            return _lowestPriority;
        }
    }

    /// <summary>Sum of non-zero CPU requests (scoring input).</summary>
    public long NonZeroCpu { get; private set; }

    /// <summary>Sum of non-zero memory requests (scoring input).</summary>
    public long NonZeroMemory { get; private set; }

    public long Allocatable(int resource) => resource < _allocatable.Length ? _allocatable[resource] : 0;

    public long Requested(int resource) => resource < _requested.Length ? _requested[resource] : 0;

    /// <summary>Physical GPUs: allocatable <c>nvidia.com/gpu</c>.</summary>
    public int GpuCount { get; private set; }

    /// <summary>Thousandths used on each physical GPU (index &lt; <see cref="GpuCount"/>; 0 = entirely free, 1000 = full).</summary>
    public ReadOnlySpan<int> GpuUsedMilli => _gpuUsedMilli.AsSpan(0, GpuCount);

    /// <summary>Free thousandths on GPU <paramref name="gpu"/>: the per-GPU view that GPU fragmentation is measured on.</summary>
    public int GpuFreeMilli(int gpu) => GpuDemand.MilliPerGpu - _gpuUsedMilli[gpu];

    public void SetNode(Node node, ResourceIndex resources)
    {
        Generation++;
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
        // Never shrink the per-GPU array: pods placed before an allocatable change still release what they hold.
        GpuCount = (int)Math.Clamp(node.Status.Allocatable.Get(ResourceNames.NvidiaGpu), 0, 1024);
        EnsureGpus(GpuCount);
    }

    public void AddPod(Pod pod, PodInfo info)
    {
        Generation++;
        _pods.Add(pod);
        _lowestPriority = Math.Min(_lowestPriority, pod.Spec.Priority);
        foreach (var r in info.Requests)
        {
            EnsureCapacity(r.Resource);
            _requested[r.Resource] += r.Amount;
        }
        NonZeroCpu += info.NonZeroCpu;
        NonZeroMemory += info.NonZeroMemory;
        CountAffinity(pod, +1);
        var demand = GpuDemand.Of(pod);
        if (demand.IsNone) return;
        // A pod that skipped the scheduler (spec.nodeName) gets its GPUs here, as the device plugin
        // would hand them out; one that does not fit any more is left without (the kubelet admitted it).
        // A what-if copy never assigns: it must not change the pod the real node will account.
        if (pod.Status.AssignedGpus.Length == 0 && !_whatIf)
            pod.Status.AssignedGpus = GpuAssignment.FirstFit(GpuUsedMilli, GpuCount, demand) ?? [];
        ChargeGpus(pod.Status.AssignedGpus, demand.MilliPerAssignedGpu);
    }

    public void RemovePod(Pod pod, PodInfo info)
    {
        if (!_pods.Remove(pod)) return;
        Generation++;
        if (pod.Spec.Priority == _lowestPriority) _lowestPriorityStale = true;
        foreach (var r in info.Requests) _requested[r.Resource] -= r.Amount;
        NonZeroCpu -= info.NonZeroCpu;
        NonZeroMemory -= info.NonZeroMemory;
        CountAffinity(pod, -1);
        var demand = GpuDemand.Of(pod);
        if (!demand.IsNone) ChargeGpus(pod.Status.AssignedGpus, -demand.MilliPerAssignedGpu);
    }

    private void CountAffinity(Pod pod, int delta)
    {
        if (!PodAffinityTally.HasAffinity(pod)) return;
        bool requiredAnti = pod.Spec.PodAntiAffinity.Required.Count > 0;
        PodsWithAffinity += delta;
        if (requiredAnti) PodsWithRequiredAntiAffinity += delta;
        _tally?.Add(delta, requiredAnti);
    }

    /// <summary>True if the node accounts <paramref name="pod"/> (bound, or assumed by a plugin).</summary>
    public bool HasPod(Pod pod) => _pods.Contains(pod);

    private void ChargeGpus(int[] gpus, int milli)
    {
        foreach (var gpu in gpus)
        {
            EnsureGpus(gpu + 1);
            _gpuUsedMilli[gpu] += milli;
        }
    }

    private void EnsureGpus(int count)
    {
        if (count > _gpuUsedMilli.Length) Array.Resize(ref _gpuUsedMilli, count);
    }

    /// <summary>A copy for "what if" evaluation (preemption dry runs); changes to it do not touch the cache.</summary>
    public NodeInfo Clone()
    {
        var copy = (NodeInfo)MemberwiseClone();
        copy._allocatable = (long[])_allocatable.Clone();
        copy._requested = (long[])_requested.Clone();
        copy._pods = [.. _pods];
        copy._gpuUsedMilli = (int[])_gpuUsedMilli.Clone();
        copy._whatIf = true;
        // A what-if copy must not move the cluster-wide counts the real nodes keep.
        copy._tally = null;
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
