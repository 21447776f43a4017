using Simulator.Cluster.Api;

namespace Simulator.Cluster.Scheduling.Framework;

/// <summary>One resource a pod asks for, by dense index.</summary>
public readonly record struct ResourceRequest(int Resource, long Amount);

/// <summary>
/// What the scheduler precomputes once per pod so the per-node loop is plain arithmetic: the
/// pod's requests by dense index, and the "non-zero" CPU and memory Kubernetes uses for
/// scoring (a container without a request counts as 100m CPU / 200 MiB).
/// </summary>
public sealed class PodInfo
{
    /// <summary>kube-scheduler util.DefaultMilliCPURequest.</summary>
    public const long DefaultMilliCpuRequest = 100;

    /// <summary>kube-scheduler util.DefaultMemoryRequest (200 MiB).</summary>
    public const long DefaultMemoryRequest = 200L * 1024 * 1024;

    public PodInfo(Pod pod, ResourceIndex resources)
    {
        Pod = pod;
        var requests = new List<ResourceRequest>();
        foreach (var (name, amount) in pod.Requests)
        {
            if (amount == 0 || name == ResourceNames.Pods) continue;
            requests.Add(new ResourceRequest(resources.Register(name), amount));
        }
        Requests = [.. requests];
        NodeSelector = [.. pod.Spec.NodeSelector];
        CpuRequest = pod.Requests.Get(ResourceNames.Cpu);
        MemoryRequest = pod.Requests.Get(ResourceNames.Memory);
        (NonZeroCpu, NonZeroMemory) = NonZeroRequests(pod);
        if (pod.Metadata.Labels.TryGetValue(PodGroup.GroupLabel, out var group) && group.Length > 0)
        {
            PodGroupName = group;
            PodGroupKey = pod.Metadata.Namespace.Length == 0 ? group : pod.Metadata.Namespace + "/" + group;
        }
    }

    public Pod Pod { get; }

    public ResourceRequest[] Requests { get; }

    /// <summary>The nodeSelector as an array, so the filter loop does not allocate a dictionary enumerator per node.</summary>
    public KeyValuePair<string, string>[] NodeSelector { get; }

    /// <summary>The PodGroup named by the pod's <c>scheduling.x-k8s.io/pod-group</c> label, or null.</summary>
    public string? PodGroupName { get; }

    /// <summary>"namespace/group" (the PodGroup's store key), built once so gang plugins never concatenate per call.</summary>
    public string? PodGroupKey { get; }

    public long CpuRequest { get; }

    public long MemoryRequest { get; }

    public long NonZeroCpu { get; }

    public long NonZeroMemory { get; }

    public long RequestOf(int resource)
    {
        foreach (var r in Requests)
            if (r.Resource == resource) return r.Amount;
        return 0;
    }

    /// <summary>
    /// Kubernetes applies the non-zero defaults per container, then takes the larger of the
    /// containers' sum and the largest init container, then adds overhead.
    /// </summary>
    public static (long Cpu, long Memory) NonZeroRequests(Pod pod)
    {
        long cpu = 0, mem = 0;
        foreach (var c in pod.Spec.Containers)
        {
            cpu += NonZero(c.Requests, ResourceNames.Cpu, DefaultMilliCpuRequest);
            mem += NonZero(c.Requests, ResourceNames.Memory, DefaultMemoryRequest);
        }
        foreach (var c in pod.Spec.InitContainers)
        {
            cpu = Math.Max(cpu, NonZero(c.Requests, ResourceNames.Cpu, DefaultMilliCpuRequest));
            mem = Math.Max(mem, NonZero(c.Requests, ResourceNames.Memory, DefaultMemoryRequest));
        }
        cpu += pod.Spec.Overhead.Get(ResourceNames.Cpu);
        mem += pod.Spec.Overhead.Get(ResourceNames.Memory);
        return (cpu, mem);
    }

    private static long NonZero(ResourceList requests, string name, long fallback) =>
        requests.Contains(name) ? requests.Get(name) : fallback;
}
