using Simulator.Cluster.Store;
using Simulator.Engine;

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

    /// <summary>
    /// events.log read back. The first four columns never hold spaces, so they are split on runs of
    /// spaces (a value longer than its width only pushed the rest right); the message is everything
    /// after the single space that follows OBJECT, still escaped as one line.
    /// </summary>
    public static IReadOnlyList<EventsLogEntry> Read(string path)
    {
        var entries = new List<EventsLogEntry>();
        int number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (number == 1 || line.Length == 0) continue;
            entries.Add(ParseLine(path, number, line));
        }
        return entries;
    }

    private static EventsLogEntry ParseLine(string path, int number, string line)
    {
        var tokens = new string[4];
        int i = 0;
        for (int t = 0; t < tokens.Length; t++)
        {
            while (i < line.Length && line[i] == ' ') i++;
            int start = i;
            while (i < line.Length && line[i] != ' ') i++;
            if (i == start) throw new ResultsFormatException($"{path}:{number}: expected TIME TYPE REASON OBJECT MESSAGE, got \"{line}\"");
            tokens[t] = line[start..i];
        }
        var message = i < line.Length ? line[(i + 1)..] : "";
        if (!Enum.TryParse<EventType>(tokens[1], out var type) || !Enum.IsDefined(type))
        {
            throw new ResultsFormatException($"{path}:{number}: TYPE: expected Normal or Warning, got \"{tokens[1]}\"");
        }
        if (!Csv.TryParseSeconds(tokens[0], out var time)) throw new ResultsFormatException($"{path}:{number}: TIME: expected seconds such as 12.500000, got \"{tokens[0]}\"");
        int slash = tokens[3].IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0) throw new ResultsFormatException($"{path}:{number}: OBJECT: expected kind/name, got \"{tokens[3]}\"");
        var kind = tokens[3][..slash];
        var key = tokens[3][(slash + 1)..];
        int nsSlash = key.IndexOf('/', StringComparison.Ordinal);
        var (ns, name) = nsSlash < 0 ? ("", key) : (key[..nsSlash], key[(nsSlash + 1)..]);
        return new EventsLogEntry(time, type, tokens[2], kind, ns, name, message);
    }
}

/// <summary>
/// One line of events.log: <see cref="Kind"/> in lower case as kubectl prints it, <see cref="Namespace"/>
/// empty for a cluster-scoped object (a Node).
/// </summary>
public sealed record EventsLogEntry(SimTime Time, EventType Type, string Reason, string Kind, string Namespace, string Name, string Message);
