using Simulator.Cluster.Metrics;
using Simulator.Engine;

namespace Simulator.Reporting.Results;

/// <summary>
/// nodes.csv: one row per stretch of time a node was Ready or NotReady (Unknown counts as
/// NotReady), nodes in the order they were added, each node's rows in time order. An interval
/// still open at the end has an empty <c>to_s</c> and its <c>duration_s</c> counts up to the end
/// of the run. Every row repeats its node's <c>added_s</c> and <c>removed_s</c> (empty while it exists).
/// </summary>
internal static class NodesCsv
{
    public const string FileName = "nodes.csv";

    public const string Header = "node,pool,state,from_s,to_s,duration_s,added_s,removed_s";

    public static void Write(TextWriter writer, IReadOnlyList<NodeInterval> intervals, SimTime end)
    {
        writer.WriteLine(Header);
        var fields = new string[8];
        foreach (var interval in intervals)
        {
            fields[0] = interval.Node;
            fields[1] = interval.Pool;
            fields[2] = interval.State.ToString();
            fields[3] = interval.From.ToSecondsString();
            fields[4] = Csv.Seconds(interval.To);
            fields[5] = Csv.Seconds(interval.DurationUntil(end));
            fields[6] = interval.Added.ToSecondsString();
            fields[7] = Csv.Seconds(interval.Removed);
            Csv.WriteRow(writer, fields);
        }
    }

    public static IReadOnlyList<NodeInterval> Read(string path)
    {
        var table = CsvTable.Read(path);
        var intervals = new List<NodeInterval>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            intervals.Add(new NodeInterval(
                row.Text("node"), row.Text("pool"), row.Enum<NodeState>("state"), row.Time("from_s"), row.OptionalTime("to_s"),
                row.Time("added_s"), row.OptionalTime("removed_s")));
        }
        return intervals;
    }
}
