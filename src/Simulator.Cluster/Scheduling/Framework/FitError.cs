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
    public static string Message(int numAllNodes, NodeStatusMap statuses, string postFilterMessage) =>
        Message(numAllNodes, Histogram(statuses), postFilterMessage);

    /// <summary>The message from reasons already counted (see <see cref="ReasonHistogram"/>).</summary>
    public static string Message(int numAllNodes, ReasonHistogram reasons, string postFilterMessage) =>
        Message(numAllNodes, reasons.Format(), postFilterMessage);

    private static string Message(int numAllNodes, string histogram, string postFilterMessage)
    {
        var sb = new StringBuilder();
        sb.Append("0/").Append(numAllNodes).Append(" nodes are available:");
        if (histogram.Length > 0) sb.Append(' ').Append(histogram).Append('.');
        if (postFilterMessage.Length > 0) sb.Append(' ').Append(postFilterMessage);
        return sb.ToString();
    }

    /// <summary>"2 node(s) didn't match ..., 3 Insufficient nvidia.com/gpu" (no trailing period).</summary>
    public static string Histogram(NodeStatusMap statuses)
    {
        // Every node of a large cluster may be listed: counted without hashing or allocating per node.
        var counts = new ReasonHistogram();
        var entries = statuses.Entries;
        for (int i = 0; i < entries.Count; i++) counts.Add(entries[i].Status);
        return counts.Format();
    }
}
