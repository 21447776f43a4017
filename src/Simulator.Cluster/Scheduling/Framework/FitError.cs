using System.Text;

namespace Simulator.Cluster.Scheduling.Framework;

/// <summary>
/// The FailedScheduling message, exactly as kube-scheduler's FitError.Error() builds it:
/// "0/N nodes are available: " then each distinct reason with the number of nodes that gave it,
/// the strings sorted (so "10 ..." comes before "2 ..."), joined by ", ", closed by "."; then the
/// PostFilter (preemption) message.
/// </summary>
public static class FitError
{
    public static string Message(int numAllNodes, NodeStatusMap statuses, string postFilterMessage)
    {
        var sb = new StringBuilder();
        sb.Append("0/").Append(numAllNodes).Append(" nodes are available:");
        var histogram = Histogram(statuses);
        if (histogram.Length > 0) sb.Append(' ').Append(histogram).Append('.');
        if (postFilterMessage.Length > 0) sb.Append(' ').Append(postFilterMessage);
        return sb.ToString();
    }

    /// <summary>"2 node(s) didn't match ..., 3 Insufficient nvidia.com/gpu" (no trailing period).</summary>
    public static string Histogram(NodeStatusMap statuses)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        // Every node of a large cluster may be listed: read the reasons without allocating.
        var entries = statuses.Entries;
        for (int i = 0; i < entries.Count; i++)
        {
            var status = entries[i].Status;
            for (int r = 0; r < status.ReasonCount; r++)
            {
                string reason = status.ReasonAt(r);
                counts[reason] = counts.GetValueOrDefault(reason) + 1;
            }
        }
        var parts = counts.Select(kv => $"{kv.Value} {kv.Key}").ToList();
        // Go's sort.Strings compares bytes, which is what ordinal comparison does.
        parts.Sort(StringComparer.Ordinal);
        return string.Join(", ", parts);
    }
}
