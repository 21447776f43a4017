using Simulator.Engine;

namespace Simulator.Engine.Tests;

public class SimulationTests
{
    private static SimTime At(long seconds) => new(seconds * 1_000_000);

    public static TheoryData<string, (long Seconds, long Arg)[], long[]> Schedules => new()
    {
        { "earlier time first", [(3, 1), (1, 2), (2, 3)], [2, 3, 1] },
        { "same time: scheduling order", [(5, 1), (5, 2), (5, 3)], [1, 2, 3] },
        { "ties broken within a time only", [(2, 1), (1, 2), (2, 3), (1, 4)], [2, 4, 1, 3] },
        { "time zero", [(0, 7)], [7] },
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public void Runs_events_by_time_then_scheduling_order(string name, (long Seconds, long Arg)[] schedule, long[] expectedArgs)
    {
        var sim = new Simulation();
        var handler = new RecordingHandler(sim);
        foreach (var (seconds, arg) in schedule) sim.Schedule(At(seconds), handler, arg: arg);

        Assert.True(sim.RunUntilEmpty(), name);

        Assert.Equal(expectedArgs, handler.Args);
        Assert.All(handler.Runs, r => Assert.Equal(schedule.Single(s => s.Arg == r.Arg).Seconds, r.At.Microseconds / 1_000_000));
        Assert.Equal(expectedArgs.Length, sim.EventsProcessed);
        Assert.Equal(0, sim.PendingEvents);
    }

    [Fact]
    public void Passes_state_and_arg_to_the_handler()
    {
        var sim = new Simulation();
        var seen = new List<(object? State, long Arg)>();
        var handler = new DelegateHandler((state, arg) => seen.Add((state, arg)));
        sim.Schedule(At(1), handler, "pod-a", 42);

        sim.RunUntilEmpty();

        Assert.Equal([("pod-a", 42L)], seen);
    }

    [Fact]
    public void Event_scheduled_for_now_by_a_handler_runs_after_those_already_due_now()
    {
        var sim = new Simulation();
        var order = new List<string>();
        sim.Schedule(At(1), () =>
        {
            order.Add("first");
            sim.Schedule(sim.Now, () => order.Add("scheduled by first"));
        });
        sim.Schedule(At(1), () => order.Add("second"));

        sim.RunUntilEmpty();

        Assert.Equal(["first", "second", "scheduled by first"], order);
    }

    [Fact]
    public void ScheduleAfter_counts_from_now()
    {
        var sim = new Simulation();
        var handler = new RecordingHandler(sim);
        sim.Schedule(At(10), () => sim.ScheduleAfter(SimDuration.FromSeconds(5), handler, arg: 1));

        sim.RunUntilEmpty();

        Assert.Equal([(1L, At(15))], handler.Runs);
    }

    [Theory]
    [InlineData(4, new long[] { 1, 2 }, 4)]
    [InlineData(5, new long[] { 1, 2, 5 }, 5)] // inclusive: an event at the limit runs
    [InlineData(0, new long[0], 0)]
    [InlineData(100, new long[] { 1, 2, 5, 9 }, 100)]
    public void RunUntil_runs_events_up_to_and_including_the_limit_and_leaves_the_clock_there(
        long untilSeconds, long[] expectedArgs, long expectedNowSeconds)
    {
        var sim = new Simulation();
        var handler = new RecordingHandler(sim);
        foreach (long t in new long[] { 1, 2, 5, 9 }) sim.Schedule(At(t), handler, arg: t);

        Assert.True(sim.RunUntil(At(untilSeconds)));

        Assert.Equal(expectedArgs, handler.Args);
        Assert.Equal(At(expectedNowSeconds), sim.Now);
        Assert.Equal(4 - expectedArgs.Length, sim.PendingEvents);
    }

    [Fact]
    public void RunUntil_resumes_where_the_previous_call_stopped()
    {
        var sim = new Simulation();
        var handler = new RecordingHandler(sim);
        foreach (long t in new long[] { 1, 2, 3 }) sim.Schedule(At(t), handler, arg: t);

        sim.RunUntil(At(1));
        sim.RunUntil(At(2));
        sim.RunUntil(At(10));

        Assert.Equal([(1L, At(1)), (2L, At(2)), (3L, At(3))], handler.Runs);
        Assert.Equal(At(10), sim.Now);
    }

    [Fact]
    public void RunUntilEmpty_leaves_the_clock_at_the_last_event()
    {
        var sim = new Simulation();
        sim.Schedule(At(7), () => { });

        sim.RunUntilEmpty();

        Assert.Equal(At(7), sim.Now);
    }

    [Fact]
    public void Stop_returns_after_the_current_event_and_a_later_run_continues()
    {
        var sim = new Simulation();
        var handler = new RecordingHandler(sim);
        sim.Schedule(At(1), handler, arg: 1);
        sim.Schedule(At(2), () => sim.Stop());
        sim.Schedule(At(2), handler, arg: 2);
        sim.Schedule(At(3), handler, arg: 3);

        Assert.False(sim.RunUntil(At(10)));
        Assert.Equal([1L], handler.Args);
        Assert.Equal(At(2), sim.Now); // not advanced to the limit: the run did not get there
        Assert.Equal(2, sim.PendingEvents);

        Assert.True(sim.RunUntil(At(10)));
        Assert.Equal([1L, 2L, 3L], handler.Args);
        Assert.Equal(At(10), sim.Now);
    }

    public static TheoryData<string, Action<Simulation>> PastOrInvalidSchedules => new()
    {
        { "absolute time before now", sim => sim.Schedule(At(4), new RecordingHandler(sim)) },
        { "negative delay", sim => sim.ScheduleAfter(new SimDuration(-1), new RecordingHandler(sim)) },
        { "delay past the end of time", sim => sim.ScheduleAfter(new SimDuration(long.MaxValue), new RecordingHandler(sim)) },
    };

    [Theory]
    [MemberData(nameof(PastOrInvalidSchedules))]
    public void Scheduling_in_the_past_throws(string name, Action<Simulation> schedule)
    {
        var sim = new Simulation();
        sim.RunUntil(At(5));

        Assert.Throws<ArgumentOutOfRangeException>(() => schedule(sim));
        Assert.True(sim.PendingEvents == 0, name);
    }

    [Fact]
    public void Scheduling_at_now_is_allowed()
    {
        var sim = new Simulation();
        var handler = new RecordingHandler(sim);
        sim.RunUntil(At(5));

        sim.Schedule(At(5), handler, arg: 1);
        sim.RunUntilEmpty();

        Assert.Equal([(1L, At(5))], handler.Runs);
    }

    private sealed class DelegateHandler(Action<object?, long> onEvent) : IEventHandler
    {
        public void OnEvent(object? state, long arg) => onEvent(state, arg);
    }
}
