namespace Simulator.Cluster.Workloads.Traces;

/// <summary>
/// The order in which fill mode submits a trace's pods (Weng et al., ATC '23, §6.1): the pod list
/// shuffled, then pods drawn from it at random with replacement appended, until the GPU request
/// of the pods so far reaches <c>percent</c> of the cluster's GPUs. The pod that reaches it is the
/// last one: total x 100 &gt;= capacity x percent holds after it and not before. If the shuffled
/// list alone gets there, it is cut at that pod.
/// </summary>
/// <param name="Order">Indices into the pod list, in submission order.</param>
/// <param name="ShuffledCount">How many of them are the shuffled list; the rest are copies.</param>
/// <param name="TotalGpuMilli">The GPU request of all of them, in thousandths of a GPU.</param>
public sealed record FillPlan(IReadOnlyList<int> Order, int ShuffledCount, long TotalGpuMilli)
{
    /// <summary>Bounds the copies, so that a huge cluster and a list of tiny shares cannot exhaust memory.</summary>
    public const int MaxPods = 10_000_000;

    public static FillPlan Build(IReadOnlyList<TracePod> pods, long capacityGpuMilli, int percent, Random random)
    {
        int n = pods.Count;
        var shuffled = new int[n];
        for (int i = 0; i < n; i++) shuffled[i] = i;
        // Fisher-Yates, from the end: every order equally likely.
        for (int i = n - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }

        long target = capacityGpuMilli * percent;
        var order = new List<int>(n);
        long total = 0;
        foreach (int index in shuffled)
        {
            if (total * 100 >= target) break;
            order.Add(index);
            total += pods[index].TotalGpuMilli;
        }
        int shuffledCount = order.Count;
        bool anyGpu = false;
        foreach (var pod in pods) anyGpu |= pod.TotalGpuMilli > 0;
        while (anyGpu && total * 100 < target && order.Count < MaxPods)
        {
            int index = random.Next(n);
            order.Add(index);
            total += pods[index].TotalGpuMilli;
        }
        return new FillPlan(order, shuffledCount, total);
    }
}
