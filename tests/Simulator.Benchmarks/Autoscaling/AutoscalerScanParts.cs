using System.Reflection;
using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers.ClusterAutoscaler;
using Simulator.Cluster.Disruption;

namespace Simulator.Benchmarks.Autoscaling;

/// <summary>
/// The stages of one scan, callable one at a time to see where a scan's time goes (no profiler
/// is installed here). The stages are the autoscaler's own private members, reached once by
/// reflection and bound as delegates, so a timed call costs what the scan's own call costs. If a
/// member is renamed this throws at construction, naming it: update the name here.
/// </summary>
internal sealed class AutoscalerScanParts
{
    private readonly AutoscalerWorkload _workload;
    private readonly ScaleUpPlanner _scaleUp;
    private readonly ScaleDownPlanner _scaleDown;
    private readonly ExpanderChain _expanders;
    private readonly Func<List<Pod>> _unschedulablePods;
    private readonly Func<string, NodeGroup?> _groupOf;
    private readonly Func<IReadOnlyList<Pod>, IReadOnlyList<NodeGroup>, List<Pod>> _filterOutSchedulable;
    private readonly DisruptionBudgets _budgets;
    private readonly List<Pod> _pending;

    public AutoscalerScanParts(AutoscalerWorkload workload)
    {
        _workload = workload;
        var ca = workload.Autoscaler;
        _scaleUp = Field<ScaleUpPlanner>(ca, "_scaleUp");
        _scaleDown = Field<ScaleDownPlanner>(ca, "_scaleDown");
        _expanders = Field<ExpanderChain>(ca, "_expanders");
        _unschedulablePods = Method<Func<List<Pod>>>(ca, "UnschedulablePods");
        _groupOf = Method<Func<string, NodeGroup?>>(ca, "GroupOf");
        _filterOutSchedulable = Method<Func<IReadOnlyList<Pod>, IReadOnlyList<NodeGroup>, List<Pod>>>(_scaleUp, "FilterOutSchedulable");
        _budgets = new DisruptionBudgets(workload.Sim.Store);
        _pending = _unschedulablePods();
    }

    /// <summary>
    /// The stages in scan order; each returns something so that nothing is optimised away. The
    /// scale-up stages take the pending pods found once, so they do not include the pending-pod scan.
    /// </summary>
    public IReadOnlyList<(string Name, Func<int> Run)> Stages =>
    [
        ("pending-pod scan (UnschedulablePods)", () => _unschedulablePods().Count),
        ("ScaleUpPlanner.FilterOutSchedulable", () => _filterOutSchedulable(_pending, _workload.Autoscaler.Groups).Count),
        ("ScaleUpPlanner.Plan (all of it)", () => _scaleUp.Plan(_pending, _workload.Autoscaler.Groups, _expanders, _workload.Now).Helped.Count),
        ("...of which PodFitChecker.Begin, each pending pod once", BeginEach),
        ("...of which TemplateNode.For, one node", () => TemplateNode.For(_workload.Autoscaler.Groups[0].Pool, "template-node-for-bench-1", _workload.Sim.Scheduler.Resources).Pods.Count),
        ("DisruptionBudgets.AllowedNow", () => _budgets.AllowedNow().Length),
        ("ScaleDownPlanner.Utilization, every node", Utilizations),
        ("ScaleDownPlanner.Update (all of it)", () =>
        {
            _scaleDown.Update(_groupOf, Array.Empty<string>(), _workload.Now);
            return _scaleDown.UnneededSince.Count;
        }),
    ];

    /// <summary>What one scan decides on this cluster (it is undone afterwards), to check the case exercises the path it is meant to.</summary>
    public string Outcome()
    {
        var plan = _scaleUp.Plan(_pending, _workload.Autoscaler.Groups, _expanders, _workload.Now);
        _workload.Scan();
        var requested = string.Join(", ", _workload.Autoscaler.Groups.Where(g => g.Upcoming.Count > 0).Select(g => $"{g.Name} +{g.Upcoming.Count}"));
        _workload.Reset();
        int healthy = _workload.Sim.Store.Pods.Count(DisruptionBudgets.IsHealthy);
        return $"pending {_pending.Count}, scale-up [{requested}] for {plan.Helped.Count} pods, {plan.NotTriggered.Count} NotTriggerScaleUp, "
            + $"unneeded nodes {_scaleDown.UnneededSince.Count}, healthy pods {healthy}";
    }

    private int BeginEach()
    {
        int fit = 0;
        foreach (var pod in _pending)
            if (_workload.Sim.Scheduler.FitChecker.Begin(pod).IsSuccess) fit++;
        return fit;
    }

    private int Utilizations()
    {
        int low = 0;
        foreach (var node in _workload.Sim.Scheduler.Cache.Nodes)
            if (_groupOf(node.Name) is { } group && _scaleDown.Utilization(node, group.HasGpus, _workload.Now) < 0.5) low++;
        return low;
    }

    private static T Field<T>(object target, string name) =>
        (T)(target.GetType().GetField(name, BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new MissingFieldException(target.GetType().Name, name)).GetValue(target)!;

    private static T Method<T>(object target, string name) where T : Delegate =>
        (target.GetType().GetMethod(name, BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new MissingMethodException(target.GetType().Name, name)).CreateDelegate<T>(target);
}
