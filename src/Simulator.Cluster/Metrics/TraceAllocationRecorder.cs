using Simulator.Cluster.Scheduling;
using Simulator.Cluster.Scheduling.Fragmentation;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// Counts a fill-mode trace's arrivals against the cluster's GPUs and takes an
/// <see cref="AllocationSample"/> each time the arrived GPU request passes a whole percent of
/// them. Per pod the work is O(1); only a sample sums FGD's fragmentation over the scheduler's
/// nodes, and samples happen at most once per percent.
/// </summary>
public sealed class TraceAllocationRecorder(long totalGpuMilli, SchedulerCache nodes, TargetWorkload? target)
{
    private readonly List<AllocationSample> _samples = [];
    private readonly Dictionary<string, int> _reasons = new(StringComparer.Ordinal);
    private long _arrivedMilli;
    private long _allocatedMilli;
    private int _lastPercent = -1;
    // Each node's fragmentation at the NodeInfo generation it was computed for (by position in
    // the cache's node order). About 80 pods arrive between two samples, so most of the 1,213
    // nodes are unchanged and their term of the sum is read back, not recomputed: the same
    // numbers added in the same order, so the same sum.
    private (NodeInfo? Node, long Generation, double Value)[] _fragmentation = [];

    public long TotalGpuMilli => totalGpuMilli;
    public int ArrivedPods { get; private set; }
    public int FailedPods { get; private set; }
    public IReadOnlyList<AllocationSample> Samples => _samples;

    /// <summary>A pod that got a node.</summary>
    public void Placed(long gpuMilli)
    {
        _allocatedMilli += gpuMilli;
        Arrived(gpuMilli);
    }

    /// <summary>A pod that did not fit; every reason its FailedScheduling message lists counts it once.</summary>
    public void Failed(long gpuMilli, string message)
    {
        FailedPods++;
        foreach (var reason in FailureReasons.Of(message)) _reasons[reason] = _reasons.GetValueOrDefault(reason) + 1;
        Arrived(gpuMilli);
    }

    private void Arrived(long gpuMilli)
    {
        ArrivedPods++;
        _arrivedMilli += gpuMilli;
        if (totalGpuMilli <= 0) return;
        int percent = (int)Math.Min(_arrivedMilli * 100 / totalGpuMilli, int.MaxValue);
        if (percent <= _lastPercent) return;
        _lastPercent = percent;
        _samples.Add(Sample(percent));
    }

    private AllocationSample Sample(int percent)
    {
        double? fragmentation = null;
        if (target is not null)
        {
            var all = nodes.Nodes;
            if (_fragmentation.Length < all.Count) Array.Resize(ref _fragmentation, all.Count);
            double sum = 0;
            for (int i = 0; i < all.Count; i++)
            {
                var node = all[i];
                ref var cached = ref _fragmentation[i];
                if (!ReferenceEquals(cached.Node, node) || cached.Generation != node.Generation)
                    cached = (node, node.Generation, NodeFragmentation.Of(node, target));
                sum += cached.Value;
            }
            long idle = totalGpuMilli - _allocatedMilli;
            fragmentation = idle > 0 ? sum / idle : 0;
        }
        return new AllocationSample(percent, (double)_allocatedMilli / totalGpuMilli,
            (totalGpuMilli - _allocatedMilli) / 1000.0, fragmentation, ArrivedPods, FailedPods);
    }

    /// <summary>
    /// The sample at each reported percent: the first taken at or above it (a pod may pass more
    /// than one percent at once), none if the arrived workload never got there.
    /// </summary>
    public TraceReplaySummary Summarize(string name, string mode, int submitted)
    {
        var at = new List<AllocationSample>();
        foreach (int percent in TraceReplaySummary.ReportedPercents)
        {
            foreach (var sample in _samples)
            {
                if (sample.ArrivedPercent < percent) continue;
                at.Add(sample with { ArrivedPercent = percent });
                break;
            }
        }
        var reasons = _reasons.Select(kv => new FailureReasonCount(kv.Key, kv.Value))
            .OrderBy(r => r.Reason, StringComparer.Ordinal).ToList();
        return new TraceReplaySummary(name, mode, totalGpuMilli, submitted, FailedPods, at, reasons);
    }
}
