using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;

namespace Simulator.Cluster.Scheduling;

/// <summary>
/// The scheduler's own PreFilter and Filter plugins, run for a pod against nodes that may not
/// exist: the Cluster Autoscaler's template nodes and its drain simulation (CA links the
/// scheduler framework for the same reason, so that its verdicts never drift from the
/// scheduler's). A cursor over one pod at a time: <see cref="Begin"/> runs the pod's PreFilters
/// (the state they compute is the plugins' own, as in a cycle), then <see cref="Filter"/> checks
/// nodes for it. Call it between scheduling cycles, never inside one.
/// </summary>
public sealed class PodFitChecker
{
    private readonly Func<Pod, SchedulerProfile?> _profileOf;
    private readonly ResourceIndex _resources;
    private SchedulerProfile? _profile;
    private PodInfo? _pod;
    private bool _moving;

    internal PodFitChecker(Func<Pod, SchedulerProfile?> profileOf, ResourceIndex resources)
    {
        _profileOf = profileOf;
        _resources = resources;
    }

    /// <summary>The pod <see cref="Begin"/> last started, with its requests.</summary>
    public PodInfo Current => _pod ?? throw new InvalidOperationException("Begin(pod) first");

    /// <summary>
    /// Starts checking <paramref name="pod"/>: its profile's PreFilters. A rejection means no node
    /// can take it as the cluster is. A pod whose schedulerName no profile serves is rejected.
    /// With <paramref name="moving"/>, a bound pod is asked about as the pod its controller would
    /// create in its place: its spec.nodeName does not pin it (CA clears it in its drain simulation).
    /// </summary>
    public Status Begin(Pod pod, bool moving = false)
    {
        _pod = new PodInfo(pod, _resources);
        _moving = moving;
        _profile = _profileOf(pod);
        if (_profile is null) return Status.Unresolvable("", $"no scheduler profile serves schedulerName \"{pod.Spec.SchedulerName}\"");
        var preFilters = _profile.PreFilters;
        for (int i = 0; i < preFilters.Count; i++)
        {
            var s = preFilters[i].PreFilter(_pod);
            if (s.IsRejected) return s;
        }
        return Status.Success;
    }

    /// <summary>The first Filter plugin that rejects the current pod on <paramref name="node"/>, or success.</summary>
    public Status Filter(NodeInfo node)
    {
        var filters = (_profile ?? throw new InvalidOperationException("Begin(pod) first")).Filters;
        for (int i = 0; i < filters.Count; i++)
        {
            if (_moving && filters[i].Name == PluginNames.NodeName) continue;
            var s = filters[i].Filter(_pod!, node);
            if (!s.IsSuccess) return s;
        }
        return Status.Success;
    }
}
