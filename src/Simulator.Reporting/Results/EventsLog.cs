using Simulator.Cluster.Store;

namespace Simulator.Reporting.Results;

/// <summary>
/// events.log: the columns of <c>kubectl get events</c> (TYPE, REASON, OBJECT, MESSAGE) with the
/// virtual time instead of LAST SEEN. Fixed widths keep the columns aligned for the common case
/// and never truncate: TIME is right-aligned in 14 characters (up to 9999999.999999 s, about
/// 115 days), TYPE is padded to 7 ("Warning"), REASON to 20 ("TaintManagerEviction"); a longer
/// value just pushes the rest of its line right. OBJECT is <c>kind/name</c> with the kind in
/// lower case, as kubectl prints it.
/// </summary>
internal static class EventsLog
{
    public const string FileName = "events.log";

    internal const int TimeWidth = 14;
    internal const int TypeWidth = 7;
    internal const int ReasonWidth = 20;

    public static void Write(TextWriter writer, IReadOnlyList<ClusterEvent> events)
    {
        writer.WriteLine(Line("TIME", "TYPE", "REASON", "OBJECT", "MESSAGE"));
        foreach (var e in events)
        {
            var obj = e.ObjectKind.ToLowerInvariant() + "/" + e.ObjectName;
            writer.WriteLine(Line(e.Time.ToSecondsString(), e.Type.ToString(), e.Reason, obj, OneLine(e.Message)));
        }
    }

    private static string Line(string time, string type, string reason, string obj, string message) =>
        time.PadLeft(TimeWidth) + " " + type.PadRight(TypeWidth) + " " + reason.PadRight(ReasonWidth) + " " + obj + " " + message;

    /// <summary>One event per line, so a multi-line message (a termination log) is escaped, not split.</summary>
    private static string OneLine(string message) =>
        message.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
