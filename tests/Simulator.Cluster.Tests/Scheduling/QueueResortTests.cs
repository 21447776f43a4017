using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Queue;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Scheduling;

/// <summary>The active queue after the sort plugin's keys changed for pods already in it.</summary>
public class QueueResortTests
{
    /// <summary>Orders pods by a rank the test can change while they are queued (as a PodGroup's creation does).</summary>
    private sealed class RankSort : IQueueSortPlugin
    {
        public Dictionary<string, int> Rank { get; } = new(StringComparer.Ordinal);

        public string Name => "RankSort";

        public bool Less(QueuedPodInfo a, QueuedPodInfo b) => Rank[a.Pod.Name] < Rank[b.Pod.Name];
    }

    [Fact]
    public void After_a_resort_pods_leave_in_the_order_of_their_new_keys()
    {
        var sort = new RankSort();
        var queue = new SchedulingQueue(sort, new QueueSettings());
        var resources = new ResourceIndex();
        string[] names = ["a", "b", "c", "d", "e", "f"];
        for (int i = 0; i < names.Length; i++)
        {
            sort.Rank[names[i]] = i;
            queue.Add(new PodInfo(new PodBuilder(names[i]).Build(), resources), SimTime.Zero);
        }

        // Reverse every key while the pods sit in the heap, then resort.
        for (int i = 0; i < names.Length; i++) sort.Rank[names[i]] = names.Length - i;
        queue.ResortActive();

        var popped = new List<string>();
        while (queue.Pop(SimTime.Zero) is { } qpi) popped.Add(qpi.Pod.Name);
        Assert.Equal(["f", "e", "d", "c", "b", "a"], popped);
    }
}
