namespace Simulator.Cluster.Metrics;

/// <summary>
/// The reasons of a FailedScheduling message: "0/N nodes are available: 3 Insufficient
/// nvidia.com/gpu, 2 node(s) didn't match Pod's node affinity/selector. preemption: ..." lists
/// "Insufficient nvidia.com/gpu" and "node(s) didn't match Pod's node affinity/selector" (the
/// node counts and the preemption part left out).
/// </summary>
public static class FailureReasons
{
    private const string Available = "nodes are available: ";

    public static IEnumerable<string> Of(string message)
    {
        int start = message.IndexOf(Available, StringComparison.Ordinal);
        if (start < 0) yield break;
        start += Available.Length;
        // The histogram ends with ". " before the preemption part, or with "." at the end; a
        // reason itself holds dots only inside names (nvidia.com/gpu).
        int end = message.IndexOf(". ", start, StringComparison.Ordinal);
        if (end < 0) end = message.EndsWith('.') ? message.Length - 1 : message.Length;
        foreach (var part in message[start..end].Split(", "))
        {
            int space = part.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && part[..space].All(char.IsAsciiDigit)) yield return part[(space + 1)..];
        }
    }
}
