using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Engine;
using Simulator.Reporting.Results;

namespace Simulator.Reporting.Views;

/// <summary>
/// The cluster of a finished run as the API server held it at virtual time <see cref="At"/>: the
/// pods created and not yet removed, the nodes added and not yet removed, the Jobs submitted, the
/// events recorded so far. Lists come in kubectl's order: by namespace, then name.
/// </summary>
public sealed class ResultsSnapshot
{
    /// <summary>Namespaced objects without one, and Node events (recorded in "default" by Kubernetes), are here.</summary>
    public const string DefaultNamespace = "default";

    private readonly ResultsFolder _results;
    private readonly Dictionary<string, List<EventsLogEntry>> _podEvents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NodeView> _nodes = new(StringComparer.Ordinal);

    /// <summary>Pods that had succeeded by then, per owning Job's namespace/name: status.succeeded.</summary>
    private readonly Dictionary<string, int> _succeededByJob = new(StringComparer.Ordinal);

    public ResultsSnapshot(ResultsFolder results, SimTime at)
    {
        _results = results;
        At = at;
        foreach (var e in results.Events)
        {
            if (e.Kind != "pod" || e.Time > at) continue;
            var key = e.Namespace + "/" + e.Name;
            if (!_podEvents.TryGetValue(key, out var list)) _podEvents[key] = list = [];
            list.Add(e);
        }
        foreach (var node in NodesAt(results, at)) _nodes[node.Name] = node;
        foreach (var pod in results.Pods)
        {
            if (pod.OwnerKind != "Job" || pod.Phase != PodPhase.Succeeded || pod.Finished is not { } f || f > at) continue;
            var key = pod.Namespace + "/" + pod.OwnerName;
            _succeededByJob[key] = _succeededByJob.GetValueOrDefault(key) + 1;
        }
    }

    public SimTime At { get; }

    /// <summary>Pods that exist at <see cref="At"/>, in <paramref name="ns"/> or (null) every namespace.</summary>
    public IReadOnlyList<PodView> Pods(string? ns) =>
        [.. _results.Pods
            .Where(p => (ns is null || p.Namespace == ns) && Exists(p))
            .OrderBy(p => p.Namespace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(View)];

    /// <summary>
    /// The pod of that name at <see cref="At"/> (a pod name is reused only after the old pod is
    /// gone), or null with <paramref name="existed"/> telling when pods of that name existed.
    /// </summary>
    public PodView? FindPod(string ns, string name, out IReadOnlyList<PodRecord> existed)
    {
        existed = [.. _results.Pods.Where(p => p.Namespace == ns && p.Name == name)];
        var pod = existed.FirstOrDefault(Exists);
        return pod is null ? null : View(pod);
    }

    /// <summary>Its events up to <see cref="At"/>, in time order: those of an earlier pod of the same name excluded.</summary>
    public IReadOnlyList<EventsLogEntry> EventsOf(PodRecord pod) =>
        _podEvents.TryGetValue(pod.Namespace + "/" + pod.Name, out var list)
            ? [.. list.Where(e => e.Time >= pod.Created && (pod.Deleted is not { } d || e.Time <= d))]
            : [];

    public NodeView? FindNode(string name) => _nodes.GetValueOrDefault(name);

    /// <summary>The node's events up to <see cref="At"/>, in time order.</summary>
    public IReadOnlyList<EventsLogEntry> EventsOfNode(string name) =>
        [.. _results.Events.Where(e => e.Kind == "node" && e.Name == name && e.Time <= At)];

    /// <summary>Pods bound to the node and not finished at <see cref="At"/> (kubectl describe node's "Non-terminated Pods").</summary>
    public IReadOnlyList<PodView> PodsOn(string node) =>
        [.. Pods(null).Where(p => p.Pod.Node == node && p.Pod.Scheduled is { } s && s <= At && (p.Pod.Finished is not { } f || At < f))];

    public IReadOnlyList<NodeView> Nodes() => [.. _nodes.Values.OrderBy(n => n.Name, StringComparer.Ordinal)];

    public IReadOnlyList<JobView> Jobs(string? ns)
    {
        var jobs = _results.Jobs
            .Where(j => j.Kind == "Job" && (ns is null || j.Namespace == ns) && j.Submitted <= At)
            .OrderBy(j => j.Namespace, StringComparer.Ordinal).ThenBy(j => j.Name, StringComparer.Ordinal);
        return [.. jobs.Select(j => new JobView(j, _succeededByJob.GetValueOrDefault(j.Namespace + "/" + j.Name), At))];
    }

    /// <summary>Events recorded up to <see cref="At"/>, in time order; a Node's count as the default namespace's.</summary>
    public IReadOnlyList<EventsLogEntry> Events(string? ns) =>
        [.. _results.Events.Where(e => e.Time <= At && (ns is null || NamespaceOf(e) == ns))];

    public static string NamespaceOf(EventsLogEntry e) => e.Namespace.Length > 0 ? e.Namespace : DefaultNamespace;

    private bool Exists(PodRecord pod) => pod.Created <= At && (pod.Deleted is not { } d || At < d);

    private PodView View(PodRecord pod) =>
        PodView.At(pod, EventsOf(pod), pod.Node.Length > 0 && _nodes.TryGetValue(pod.Node, out var node) && node.Ready, At);

    /// <summary>
    /// Each node added by then and not removed, in its Ready/NotReady interval at that time, cordoned
    /// when its last NodeNotSchedulable event (the kubelet's report of a cordon) came after any NodeSchedulable.
    /// </summary>
    private static IEnumerable<NodeView> NodesAt(ResultsFolder results, SimTime at)
    {
        var cordoned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in results.Events)
        {
            if (e.Time > at) break;
            if (e.Kind != "node") continue;
            if (e.Reason == "NodeNotSchedulable") cordoned.Add(e.Name);
            else if (e.Reason == "NodeSchedulable") cordoned.Remove(e.Name);
        }
        foreach (var interval in results.Nodes)
        {
            if (interval.Added > at || interval.Removed is { } removed && removed <= at) continue;
            if (interval.From > at || interval.To is { } to && to <= at) continue;
            yield return new NodeView(interval.Node, interval.Pool, interval.State == NodeState.Ready, interval.From, cordoned.Contains(interval.Node),
                interval.Added, interval.Removed, at - interval.Added);
        }
    }
}
