using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Faults;

/// <summary>
/// Runs the random fault models. Each model has failure units: one per matching node, or, with
/// <see cref="FaultModel.CorrelatedBy"/>, one per value of that label among the matching nodes
/// (nodes without the label are outside the model). A unit alternates up and down: it draws a
/// time to failure, fails all its nodes at once, draws a time to repair, recovers them, and so on
/// for the whole run.
/// <para>
/// All of a model's draws come from one stream, <c>failures/&lt;model&gt;</c>, in the order the
/// units need them; units are created in store order, and nodes added later join (or start) their
/// unit when they register, a node joining a unit that is down going down with it. Two policies
/// run on one seed therefore see the same failures, as long as they see the same nodes.
/// </para>
/// <para>
/// The clocks never stop, so they are housekeeping: they do not keep a finished run alive. A
/// timeline action may fail or recover a node behind a model's back; the model's next step
/// applies regardless (recovering a node the timeline failed, say).
/// </para>
/// </summary>
internal sealed class RandomFaults : INodeWatcher, IEventHandler
{
    private const long FailTimer = 0;
    private const long RecoverTimer = 1;

    private readonly ClusterStore _store;
    private readonly Simulation _sim;
    private readonly NodeActions _actions;
    private readonly List<ModelRun> _models = [];

    private sealed class ModelRun(FaultModel model, Random random)
    {
        public FaultModel Model { get; } = model;
        public Random Random { get; } = random;
        public string Cause { get; } = "fault model " + model.Name;
        public Dictionary<string, Unit> Units { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Unit(ModelRun run, string key)
    {
        public ModelRun Run { get; } = run;
        public string Key { get; } = key;
        public List<Node> Nodes { get; } = [];
        public bool Down { get; set; }
        public EventHandle Timer { get; set; }
    }

    public RandomFaults(ClusterStore store, NodeActions actions)
    {
        _store = store;
        _sim = store.Simulation;
        _actions = actions;
        store.Watch(this);
    }

    /// <summary>Failure and repair clocks pending: one per unit.</summary>
    public int ArmedTimers
    {
        get
        {
            int armed = 0;
            foreach (var run in _models)
                foreach (var unit in run.Units.Values)
                    if (_sim.IsPending(unit.Timer)) armed++;
            return armed;
        }
    }

    public void Add(FaultModel model)
    {
        if (_models.Exists(m => m.Model.Name == model.Name))
            throw new ArgumentException($"fault model \"{model.Name}\" is already registered", nameof(model));
        var run = new ModelRun(model, _sim.Random.Get("failures/" + model.Name));
        _models.Add(run);
        foreach (var node in _store.Nodes) Join(run, node);
    }

    public void OnNodeEvent(WatchEventType type, Node node)
    {
        switch (type)
        {
            case WatchEventType.Added:
                foreach (var run in _models) Join(run, node);
                break;
            case WatchEventType.Deleted:
                foreach (var run in _models) Leave(run, node);
                break;
        }
    }

    public void OnEvent(object? state, long arg)
    {
        var unit = (Unit)state!;
        var run = unit.Run;
        if (arg == FailTimer)
        {
            unit.Down = true;
            foreach (var node in unit.Nodes.ToArray()) _actions.Fail(node, run.Cause);
            unit.Timer = _sim.ScheduleAfter(run.Model.TimeToRepair.Sample(run.Random), this, unit, RecoverTimer);
        }
        else
        {
            unit.Down = false;
            foreach (var node in unit.Nodes.ToArray()) _actions.Recover(node, run.Cause);
            unit.Timer = _sim.ScheduleAfter(run.Model.TimeToFailure.Sample(run.Random), this, unit, FailTimer);
        }
    }

    private void Join(ModelRun run, Node node)
    {
        if (UnitKey(run.Model, node) is not { } key) return;
        if (run.Units.TryGetValue(key, out var unit))
        {
            if (unit.Nodes.Contains(node)) return;
            unit.Nodes.Add(node);
            if (unit.Down) _actions.Fail(node, run.Cause);
            return;
        }
        unit = new Unit(run, key);
        unit.Nodes.Add(node);
        run.Units.Add(key, unit);
        unit.Timer = _sim.ScheduleAfter(run.Model.TimeToFailure.Sample(run.Random), this, unit, FailTimer);
    }

    /// <summary>A unit without nodes stops its clock; a node that comes later with its key starts a new one.</summary>
    private void Leave(ModelRun run, Node node)
    {
        if (UnitKey(run.Model, node) is not { } key || !run.Units.TryGetValue(key, out var unit)) return;
        if (!unit.Nodes.Remove(node) || unit.Nodes.Count > 0) return;
        _sim.Cancel(unit.Timer);
        run.Units.Remove(key);
    }

    /// <summary>The node's unit in the model: its name, or its value of the correlation label; null if the model does not cover it.</summary>
    private static string? UnitKey(FaultModel model, Node node)
    {
        if (!model.NodeSelector.Matches(node.Metadata.Labels)) return null;
        if (model.CorrelatedBy is not { } label) return node.Name;
        return node.Metadata.Labels.TryGetValue(label, out var value) ? value : null;
    }
}
