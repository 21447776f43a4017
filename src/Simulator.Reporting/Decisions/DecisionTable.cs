using System.Globalization;
using System.Text;
using Simulator.Cluster.Scheduling.Decisions;

namespace Simulator.Reporting.Decisions;

/// <summary>
/// One scheduling attempt as a kubectl-like table (ksim explain): a row per node with the filter
/// verdict, each score plugin's "raw/normalized x weight" and the weighted total, "*" on the chosen
/// node; then the FailedScheduling message and what preemption did. Feasible nodes come first,
/// best total first (ties in examination order). Unless every node is asked for, at most
/// <see cref="MaxRows"/> nodes are listed one by one: beyond that, the feasible list is cut and
/// rejected nodes are counted by reason.
/// </summary>
public static class DecisionTable
{
    public const int MaxRows = 20;

    public static void Write(TextWriter w, SchedulingDecision d, bool allNodes)
    {
        w.WriteLine($"{d.Pod}: attempt {d.Attempt} at {d.Time}");
        int examined = d.Nodes.Count;
        var header = new StringBuilder($"{d.NumNodes} node(s), {examined} examined");
        if (d.NotExamined.Count > 0) header.Append($", {d.NotExamined.Count} not examined (percentageOfNodesToScore: enough feasible nodes were found first)");
        w.WriteLine(header.ToString());
        if (d.PreFilterRejection.Length > 0) w.WriteLine($"PreFilter rejected the pod: {d.PreFilterRejection}");

        // Score columns only when some node was scored: a failed attempt or a lone feasible node has none.
        bool anyScored = d.Nodes.Any(n => n.Scores.Count > 0);
        var columns = new List<int>();
        for (int p = 0; p < d.ScorePlugins.Count && anyScored; p++)
            if (!d.ScorePlugins[p].Skipped) columns.Add(p);
        var skipped = d.ScorePlugins.Where(c => c.Skipped).Select(c => c.Plugin).ToList();

        var feasible = d.Nodes.Where(n => n.Passed)
            .Select((n, i) => (Node: n, Order: i))
            .OrderByDescending(x => x.Node.Total).ThenBy(x => x.Order)
            .Select(x => x.Node).ToList();
        var rejected = d.Nodes.Where(n => !n.Passed).ToList();
        bool oneByOne = allNodes || feasible.Count + rejected.Count <= MaxRows;
        int feasibleShown = allNodes ? feasible.Count : Math.Min(feasible.Count, MaxRows);

        if (feasibleShown > 0 || (oneByOne && rejected.Count > 0))
        {
            var rows = new List<string[]>();
            var head = new List<string> { "", "NODE", "FILTER" };
            head.AddRange(columns.Select(p => d.ScorePlugins[p].Plugin));
            if (anyScored) head.Add("TOTAL");
            rows.Add([.. head]);
            foreach (var node in feasible.Take(feasibleShown))
            {
                var row = new List<string> { node.Node == d.ChosenNode ? "*" : "", node.Node, node.FilterText };
                bool scored = node.Scores.Count > 0;
                foreach (var p in columns)
                    row.Add(scored ? Cell(node.Scores[p]) : "-");
                if (anyScored) row.Add(scored ? node.Total.ToString(CultureInfo.InvariantCulture) : "-");
                rows.Add([.. row]);
            }
            if (oneByOne)
            {
                foreach (var node in rejected)
                {
                    var row = new List<string> { "", node.Node, node.FilterText };
                    foreach (var _ in columns) row.Add("");
                    if (anyScored) row.Add("");
                    rows.Add([.. row]);
                }
            }
            WriteAligned(w, rows, rightAlignLast: anyScored);
        }
        if (feasibleShown < feasible.Count)
            w.WriteLine($"... and {feasible.Count - feasibleShown} more feasible node(s) (--all-nodes lists them)");
        if (!oneByOne && rejected.Count > 0)
        {
            w.WriteLine($"rejected: {rejected.Count} node(s)");
            var groups = rejected.GroupBy(n => n.FilterText, StringComparer.Ordinal)
                .Select(g => (Text: g.Key, Count: g.Count()))
                .OrderByDescending(g => g.Count).ThenBy(g => g.Text, StringComparer.Ordinal).ToList();
            int width = groups.Max(g => g.Count.ToString(CultureInfo.InvariantCulture).Length);
            foreach (var (text, count) in groups)
                w.WriteLine($"  {count.ToString(CultureInfo.InvariantCulture).PadLeft(width)}  {text}");
        }
        if (allNodes && d.NotExamined.Count > 0) w.WriteLine("not examined: " + string.Join(", ", d.NotExamined));
        if (skipped.Count > 0 && anyScored) w.WriteLine("skipped by PreScore (nothing to score): " + string.Join(", ", skipped));
        if (anyScored) w.WriteLine("score cells: raw/normalized x weight; TOTAL = sum of normalized x weight");
        if (feasible.Count == 1) w.WriteLine("only one feasible node: taken without scoring");

        if (d.ChosenNode.Length > 0) w.WriteLine($"chosen: {d.ChosenNode}");
        else w.WriteLine($"FailedScheduling: {d.FailureMessage}");
        // A preemption that failed already speaks in the FailedScheduling message; one that found room does not.
        if (d.Preemption is { Victims.Count: > 0 } pre)
            w.WriteLine($"preemption: nominated node {pre.NominatedNode}; victims: {string.Join(", ", pre.Victims)}");
    }

    private static string Cell(PluginScore s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Raw}/{s.Normalized} x{s.Weight}");

    /// <summary>Left-aligned columns two spaces apart, TOTAL (the last, when there) right-aligned; no trailing spaces.</summary>
    private static void WriteAligned(TextWriter w, List<string[]> rows, bool rightAlignLast)
    {
        int cols = rows[0].Length;
        var widths = new int[cols];
        foreach (var row in rows)
            for (int c = 0; c < cols; c++) widths[c] = Math.Max(widths[c], row[c].Length);
        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            sb.Clear();
            sb.Append(row[0].PadRight(widths[0]));
            for (int c = 1; c < cols; c++)
            {
                sb.Append("  ");
                sb.Append(rightAlignLast && c == cols - 1 ? row[c].PadLeft(widths[c]) : row[c].PadRight(widths[c]));
            }
            w.WriteLine(sb.ToString().TrimEnd());
        }
    }
}
