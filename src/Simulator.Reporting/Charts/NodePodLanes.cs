using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Engine;

namespace Simulator.Reporting.Charts;

/// <summary>One pod's bar on its node's row of the node timeline: where it sits in the row and for how long.</summary>
internal readonly record struct PodBar(PodRecord Pod, double Position, double Thickness, SimTime From, SimTime To, bool Failed);

/// <summary>
/// Where each pod goes on the node timeline: on its node's row, from when it was bound
/// (scheduled_s, else started_s) to when it finished, else was deleted, else the run ended.
/// Pods that overlap in time share the row in lanes: each takes the first lane free when it starts
/// (in order of start, then creation), so a row shows how many pods ran at once up to
/// <see cref="MaxLanes"/>; past that, a pod shares the lane that frees first. Lanes fill the top
/// <see cref="PodBand"/> of the row's 0.8 height; below them the node's state shows alone.
/// At most <see cref="MaxPodsPerNode"/> pods per node are drawn (the first to start): the time
/// axis is about 1100 pixels wide, so thousands of pods on a node would be a smear anyway, and
/// drawing them would cost more than the rest of the chart.
/// </summary>
internal static class NodePodLanes
{
    public const int MaxLanes = 8;
    public const int MaxPodsPerNode = 200;

    /// <summary>How much of the row's 0.8 height the lanes use, from its top (70 %).</summary>
    public const double PodBand = 0.56;

    /// <summary>The thickest a pod bar is drawn, so even a lone pod stays a thin bar over its node's state.</summary>
    public const double MaxThickness = 0.16;

    private const double RowHeight = 0.8;

    public static List<PodBar> Of(RunResult result, IReadOnlyDictionary<string, int> rowOf)
    {
        var byNode = new SortedDictionary<int, List<(PodRecord Pod, SimTime From, SimTime To, int Order)>>();
        for (int i = 0; i < result.Pods.Count; i++)
        {
            var pod = result.Pods[i];
            if (pod.Node.Length == 0 || !rowOf.TryGetValue(pod.Node, out int row) || (pod.Scheduled ?? pod.Started) is not { } from) continue;
            var to = pod.Finished ?? pod.Deleted ?? result.EndTime;
            if (to <= from) continue;
            if (!byNode.TryGetValue(row, out var list)) byNode[row] = list = [];
            list.Add((pod, from, to, i));
        }
        var bars = new List<PodBar>();
        foreach (var (row, all) in byNode)
        {
            var pods = all.OrderBy(p => p.From).ThenBy(p => p.Order).Take(MaxPodsPerNode).ToList();
            var laneEnds = new List<SimTime>();
            var lanes = new int[pods.Count];
            for (int p = 0; p < pods.Count; p++)
            {
                int lane = laneEnds.FindIndex(end => end <= pods[p].From);
                if (lane < 0 && laneEnds.Count < MaxLanes) { laneEnds.Add(default); lane = laneEnds.Count - 1; }
                if (lane < 0) lane = laneEnds.IndexOf(laneEnds.Min());
                laneEnds[lane] = SimTime.Max(laneEnds[lane], pods[p].To);
                lanes[p] = lane;
            }
            double laneHeight = PodBand / laneEnds.Count;
            double thickness = Math.Min(laneHeight * 0.7, MaxThickness);
            for (int p = 0; p < pods.Count; p++)
            {
                // The axis is inverted: row - 0.4 is the top edge of the row.
                double position = row - RowHeight / 2 + (lanes[p] + 0.5) * laneHeight;
                // Blue while the pod ran; orange only from when it was asked to go (evicted or
                // deleted while its node failed) until it went, so a pod that ran fine for hours
                // is not painted as failed from the start. A pod that failed on its own ends there.
                var pod = pods[p].Pod;
                var (from, to) = (pods[p].From, pods[p].To);
                bool troubled = pod.Phase == PodPhase.Failed || pod.Evicted;
                var split = troubled && pod.Terminating is { } asked && asked > from && asked < to ? asked : (SimTime?)null;
                if (split is { } at)
                {
                    bars.Add(new PodBar(pod, position, thickness, from, at, Failed: false));
                    bars.Add(new PodBar(pod, position, thickness, at, to, Failed: true));
                }
                else
                {
                    bars.Add(new PodBar(pod, position, thickness, from, to, troubled && pod.Terminating is not null && pod.Terminating <= from));
                }
                if (troubled && split is null && pod.Phase == PodPhase.Failed && pod.Terminating is null)
                {
                    // A pod that failed by itself: an orange cap on the last sliver of its bar, where it failed.
                    var cap = SimDuration.FromMicroseconds(Math.Max(1, (to - from).Microseconds / 20));
                    bars.Add(new PodBar(pod, position, thickness, to - cap, to, Failed: true));
                }
            }
        }
        return bars;
    }
}
