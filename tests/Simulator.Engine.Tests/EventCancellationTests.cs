using Simulator.Engine;

namespace Simulator.Engine.Tests;

public class EventCancellationTests
{
    private static SimTime At(long seconds) => new(seconds * 1_000_000);

    [Fact]
    public void Cancelled_event_does_not_run()
    {
        var sim = new Simulation();
        var handler = new RecordingHandler(sim);
        sim.Schedule(At(1), handler, arg: 1);
        var cancelled = sim.Schedule(At(2), handler, arg: 2);
        sim.Schedule(At(3), handler, arg: 3);

        Assert.True(sim.Cancel(cancelled));
        sim.RunUntilEmpty();

        Assert.Equal([1L, 3L], handler.Args);
        Assert.Equal(2, sim.EventsProcessed);
    }

    [Fact]
    public void Cancel_returns_false_the_second_time()
    {
        var sim = new Simulation();
        var handle = sim.Schedule(At(1), new RecordingHandler(sim));

        Assert.True(sim.Cancel(handle));
        Assert.False(sim.Cancel(handle));
        Assert.Equal(0, sim.PendingEvents);
    }

    [Fact]
    public void Cancel_returns_false_after_the_event_ran()
    {
        var sim = new Simulation();
        var handler = new RecordingHandler(sim);
        var handle = sim.Schedule(At(1), handler);
        sim.RunUntilEmpty();

        Assert.False(sim.Cancel(handle));
        Assert.Single(handler.Runs);
    }

    [Fact]
    public void An_event_cannot_cancel_itself_while_running()
    {
        var sim = new Simulation();
        var handle = EventHandle.None;
        bool? cancelled = null;
        handle = sim.Schedule(At(1), () => cancelled = sim.Cancel(handle));

        sim.RunUntilEmpty();

        Assert.False(cancelled);
    }

    [Fact]
    public void Cancelling_the_default_handle_does_nothing()
    {
        var sim = new Simulation();
        sim.Schedule(At(1), new RecordingHandler(sim));

        Assert.False(EventHandle.None.IsSet);
        Assert.False(sim.Cancel(EventHandle.None));
        Assert.False(sim.Cancel(default));
        Assert.False(sim.IsPending(EventHandle.None));
        Assert.Equal(1, sim.PendingEvents);
    }

    [Fact]
    public void A_handle_from_another_simulation_does_not_match_an_unscheduled_slot()
    {
        var other = new Simulation();
        for (int i = 0; i < 10; i++) other.Schedule(At(1), new RecordingHandler(other));
        var foreign = other.Schedule(At(1), new RecordingHandler(other));

        var sim = new Simulation();
        Assert.False(sim.IsPending(foreign));
        Assert.False(sim.Cancel(foreign));
    }

    [Fact]
    public void IsPending_follows_the_events_life()
    {
        var sim = new Simulation();
        var ran = sim.Schedule(At(1), new RecordingHandler(sim));
        var cancelled = sim.Schedule(At(2), new RecordingHandler(sim));
        var waiting = sim.Schedule(At(3), new RecordingHandler(sim));

        Assert.True(ran.IsSet);
        Assert.True(sim.IsPending(ran));
        sim.Cancel(cancelled);
        sim.RunUntil(At(2));

        Assert.False(sim.IsPending(ran));
        Assert.False(sim.IsPending(cancelled));
        Assert.True(sim.IsPending(waiting));
        Assert.Equal(1, sim.PendingEvents);
    }

    [Fact]
    public void Reused_slots_never_run_or_cancel_a_cancelled_events_stale_entry()
    {
        // Cancelled events leave entries in the heap while their slots go to new events: the
        // stale entries must neither run the new tenants early nor be cancellable through them.
        var sim = new Simulation();
        var handler = new RecordingHandler(sim);
        var stale = new List<EventHandle>();
        for (int i = 0; i < 100; i++) stale.Add(sim.Schedule(At(1), handler, arg: -1));
        foreach (var h in stale) Assert.True(sim.Cancel(h));

        var live = new List<EventHandle>();
        for (int i = 0; i < 1_000; i++) live.Add(sim.Schedule(At(2 + i % 7), handler, arg: i));

        Assert.Contains(live, h => stale.Any(s => s.Slot == h.Slot)); // the slots really were reused
        Assert.All(stale, h => Assert.False(sim.Cancel(h)));
        Assert.All(stale, h => Assert.False(sim.IsPending(h)));
        Assert.All(live, h => Assert.True(sim.IsPending(h)));

        sim.RunUntilEmpty();

        long[] expected = [.. Enumerable.Range(0, 1_000).OrderBy(i => i % 7).Select(i => (long)i)];
        Assert.Equal(expected, handler.Args);
        Assert.All(handler.Runs, r => Assert.Equal(At(2 + r.Arg % 7), r.At));
    }

    [Fact]
    public void Cancelling_and_rescheduling_a_timeout_many_times_keeps_only_the_last()
    {
        var sim = new Simulation();
        var handler = new RecordingHandler(sim);
        var timeout = sim.Schedule(At(1_000), handler, arg: 0);
        for (int i = 1; i <= 10_000; i++)
        {
            Assert.True(sim.Cancel(timeout));
            timeout = sim.Schedule(At(1_000 + i), handler, arg: i);
        }

        Assert.Equal(1, sim.PendingEvents);
        sim.RunUntilEmpty();

        Assert.Equal([(10_000L, At(11_000))], handler.Runs);
    }
}
