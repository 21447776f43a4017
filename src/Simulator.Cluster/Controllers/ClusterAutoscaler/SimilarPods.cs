using Simulator.Cluster.Api;

namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary>
/// CA's SimilarPodsScheduling memo for one simulation pass: pods that fitted no node, by
/// controller, at most 10 distinct ones per controller. A later pod of the same controller with
/// the same labels, scheduler, priority, node selector and container requests cannot fit either
/// (nothing was placed in between that it could use), so its filters need not run: a
/// Deployment's 300 pending replicas cost one walk over the nodes, not 300.
/// </summary>
internal sealed class SimilarPods
{
    private const int MaxPerController = 10;

    private readonly Dictionary<string, List<Pod>> _byController = new(StringComparer.Ordinal);

    public bool Contains(Pod pod)
    {
        if (pod.Metadata.Controller is not { } owner || !_byController.TryGetValue(owner.Uid, out var seen)) return false;
        foreach (var other in seen)
            if (Similar(pod, other)) return true;
        return false;
    }

    public void Add(Pod pod)
    {
        if (pod.Metadata.Controller is not { } owner) return;
        if (!_byController.TryGetValue(owner.Uid, out var seen))
        {
            seen = [];
            _byController.Add(owner.Uid, seen);
        }
        if (seen.Count < MaxPerController) seen.Add(pod);
    }

    private static bool Similar(Pod a, Pod b) =>
        a.Spec.SchedulerName == b.Spec.SchedulerName
        && a.Spec.Priority == b.Spec.Priority
        && SameMap(a.Metadata.Labels, b.Metadata.Labels)
        && SameMap(a.Spec.NodeSelector, b.Spec.NodeSelector)
        && SameRequests(a.Spec.Containers, b.Spec.Containers);

    private static bool SameMap(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Count != b.Count) return false;
        foreach (var (key, value) in a)
            if (!b.TryGetValue(key, out var other) || other != value) return false;
        return true;
    }

    private static bool SameRequests(IReadOnlyList<Container> a, IReadOnlyList<Container> b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Count != b.Count) return false;
        for (int i = 0; i < a.Count; i++)
            if (a[i].Requests.ToString() != b[i].Requests.ToString()) return false;
        return true;
    }
}
