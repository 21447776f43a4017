using System.Globalization;
using Simulator.Cluster.Api;

namespace Simulator.Cluster.Kubelet;

/// <summary>Why the kubelet refused a pod: reason (OutOfcpu, OutOfpods...) and message.</summary>
public sealed record AdmissionRejection(string Reason, string Message);

/// <summary>
/// The kubelet's resource admission (lifecycle predicate): a pod placed on the node directly
/// through spec.nodeName skips the scheduler, so the kubelet itself checks that it fits next to
/// the pods it already runs, and fails it with OutOf&lt;resource&gt; if not.
/// </summary>
public static class KubeletAdmission
{
    public static AdmissionRejection? Reject(Pod pod, Node node, IEnumerable<Pod> admitted)
    {
        var allocatable = node.Status.Allocatable;
        int count = 0;
        var used = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var p in admitted)
        {
            if (p.IsTerminal) continue;
            count++;
            foreach (var (name, amount) in p.Requests) used[name] = used.GetValueOrDefault(name) + amount;
        }
        long maxPods = allocatable.Contains(ResourceNames.Pods) ? allocatable.Get(ResourceNames.Pods) : Kubelets.MaxPods;
        if (count + 1 > maxPods)
            return Rejection(ResourceNames.Pods, 1, count, maxPods);
        foreach (var (name, amount) in pod.Requests)
        {
            if (amount == 0 || name == ResourceNames.Pods) continue;
            long inUse = used.GetValueOrDefault(name);
            long capacity = allocatable.Get(name);
            if (inUse + amount > capacity) return Rejection(name, amount, inUse, capacity);
        }
        return null;
    }

    private static AdmissionRejection Rejection(string resource, long requested, long used, long capacity) =>
        new("OutOf" + resource, string.Create(CultureInfo.InvariantCulture,
            $"Pod was rejected: Node didn't have enough resource: {resource}, requested: {requested}, used: {used}, capacity: {capacity}"));
}
