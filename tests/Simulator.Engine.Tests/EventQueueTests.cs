using Simulator.Engine;

namespace Simulator.Engine.Tests;

public class EventQueueTests
{
    private sealed class NoOp : IEventHandler
    {
        public void OnEvent(object? state, long arg) { }
    }

    [Theory]
    [InlineData(10_000, 9_000)]
    [InlineData(10_000, 10_000)]
    [InlineData(100_000, 99_999)]
    public void Cancelled_entries_are_dropped_once_they_outnumber_live_ones(int scheduled, int cancelled)
    {
        var queue = new EventQueue();
        var handler = new NoOp();
        var handles = new EventHandle[scheduled];
        for (int i = 0; i < scheduled; i++) handles[i] = queue.Push(1_000_000 + i, handler, null, i);

        for (int i = 0; i < cancelled; i++) Assert.True(queue.Cancel(handles[i]));

        int live = scheduled - cancelled;
        Assert.Equal(live, queue.Count);
        Assert.InRange(queue.StoredEntries, live, Math.Max(2 * live + 1, 1_024));
        for (int i = cancelled; i < scheduled; i++)
        {
            Assert.True(queue.TryPop(out long time, out _, out _, out long arg));
            Assert.Equal(i, arg);
            Assert.Equal(1_000_000 + i, time);
        }
        Assert.False(queue.TryPop(out _, out _, out _, out _));
    }
}
