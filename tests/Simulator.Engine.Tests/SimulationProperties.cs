using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simulator.Engine;

namespace Simulator.Engine.Tests;

/// <summary>
/// Random interleavings of scheduling, cancelling and running, checked against a model that
/// knows what should fire: every event scheduled and not cancelled, in (time, scheduling order).
/// Delays are a few microseconds so that many events share an instant and the tie-break is
/// exercised; some events schedule another when they run.
/// </summary>
public class SimulationProperties
{
    public enum Kind { Schedule, ScheduleSpawner, Cancel, Advance }

    public readonly record struct Op(Kind Kind, int Delay, int Pick);

    // Shrinks by dropping one operation at a time, so a failure is reported as a short script.
    private static readonly Arbitrary<Op[]> Operations = Arb.From(
        (from kind in Gen.Elements(Kind.Schedule, Kind.Schedule, Kind.ScheduleSpawner, Kind.Cancel, Kind.Advance)
         from delay in Gen.Choose(0, 20)
         from pick in Gen.Choose(0, int.MaxValue)
         select new Op(kind, delay, pick)).ArrayOf(),
        ops => Enumerable.Range(0, ops.Length).Select(i => ops.Where((_, j) => j != i).ToArray()));

    [Property(MaxTest = 300)]
    public Property Virtual_time_never_goes_back_and_each_event_runs_at_its_time() =>
        Prop.ForAll(Operations, ops =>
        {
            var model = ModelRun.Execute(ops);
            for (int i = 1; i < model.Fired.Count; i++)
                Assert.True(model.Fired[i].At >= model.Fired[i - 1].At, $"clock went back at run {i}");
            Assert.All(model.Fired, f => Assert.Equal(model.Planned[f.Id].At, f.At));
        });

    [Property(MaxTest = 300)]
    public Property Fired_events_are_the_scheduled_minus_the_cancelled_in_time_then_sequence_order() =>
        Prop.ForAll(Operations, ops =>
        {
            var model = ModelRun.Execute(ops);
            int[] expected = [.. model.Planned
                .Where(p => !p.Cancelled)
                .OrderBy(p => p.At)
                .ThenBy(p => p.Id) // ids are handed out in scheduling order
                .Select(p => p.Id)];
            Assert.Equal(expected, model.Fired.Select(f => f.Id));
            Assert.Equal(expected.Length, model.Sim.EventsProcessed);
            Assert.Equal(0, model.Sim.PendingEvents);
        });

    private static readonly Arbitrary<long> NonNegativeDurations =
        (from hi in Gen.Choose(0, int.MaxValue)
         from lo in Gen.Choose(int.MinValue, int.MaxValue)
         from shift in Gen.Choose(0, 62) // mostly small values, where the units change
         select (((long)hi << 32) | (uint)lo) >> shift)
        .ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Every_printed_duration_parses_back_to_itself() =>
        Prop.ForAll(NonNegativeDurations, us =>
            Assert.Equal(us, SimDuration.Parse(new SimDuration(us).ToString()).Microseconds));

    /// <summary>Drives a simulation with the operations and keeps the model alongside.</summary>
    private sealed class ModelRun : IEventHandler
    {
        public sealed record PlannedEvent(int Id, SimTime At, int ChildDelay)
        {
            public bool Ran { get; set; }
            public bool Cancelled { get; set; }
        }

        public Simulation Sim { get; } = new();
        public List<PlannedEvent> Planned { get; } = [];
        public List<(int Id, SimTime At)> Fired { get; } = [];
        private readonly List<EventHandle> _handles = [];

        public static ModelRun Execute(Op[] ops)
        {
            var run = new ModelRun();
            foreach (var op in ops) run.Apply(op);
            run.Sim.RunUntilEmpty();
            Assert.All(run.Planned, p => Assert.True(p.Ran ^ p.Cancelled, $"event {p.Id} neither ran nor was cancelled"));
            return run;
        }

        private void Apply(Op op)
        {
            switch (op.Kind)
            {
                case Kind.Schedule:
                    Plan(op.Delay, childDelay: -1);
                    break;
                case Kind.ScheduleSpawner:
                    Plan(op.Delay, childDelay: op.Pick % 21);
                    break;
                case Kind.Cancel when Planned.Count > 0:
                    var target = Planned[op.Pick % Planned.Count];
                    bool pending = !target.Ran && !target.Cancelled;
                    Assert.Equal(pending, Sim.IsPending(_handles[target.Id]));
                    Assert.Equal(pending, Sim.Cancel(_handles[target.Id]));
                    Assert.False(Sim.IsPending(_handles[target.Id]));
                    target.Cancelled |= pending;
                    break;
                case Kind.Advance:
                    Sim.RunUntil(Sim.Now + new SimDuration(op.Delay));
                    break;
            }
            Assert.Equal(Planned.Count(p => !p.Ran && !p.Cancelled), Sim.PendingEvents);
        }

        private void Plan(int delay, int childDelay)
        {
            var planned = new PlannedEvent(Planned.Count, Sim.Now + new SimDuration(delay), childDelay);
            Planned.Add(planned);
            _handles.Add(Sim.ScheduleAfter(new SimDuration(delay), this, null, planned.Id));
        }

        public void OnEvent(object? state, long arg)
        {
            var planned = Planned[(int)arg];
            Assert.False(planned.Ran || planned.Cancelled, $"event {arg} ran twice or after being cancelled");
            planned.Ran = true;
            Fired.Add((planned.Id, Sim.Now));
            if (planned.ChildDelay >= 0) Plan(planned.ChildDelay, childDelay: -1);
        }
    }
}
