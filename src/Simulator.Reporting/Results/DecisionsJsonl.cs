using System.Text.Encodings.Web;
using System.Text.Json;
using Simulator.Cluster.Scheduling.Decisions;

namespace Simulator.Reporting.Results;

/// <summary>
/// decisions.jsonl (ksim run --record-decisions): one JSON object per scheduling attempt, one per
/// line, in the order the attempts ran. Keys in a fixed order:
/// <code>
/// { "time_s", "pod", "attempt", "num_nodes",
///   "prefilter_rejection",                       // only when a PreFilter plugin rejected the pod
///   "score_plugins": [ { "name", "weight", "skipped" } ],
///   "nodes": [ { "node", "filter": "passed" | { "plugin", "reasons": [..] },
///                "scores": [ { "raw", "normalized", "weight", "weighted" } ], "total" } ],
///   "not_examined": [ node, ... ],
///   "chosen_node", "failure_message",
///   "preemption": { "nominated_node", "victims": [ "namespace/name" ], "message" } }   // only when PostFilter ran
/// </code>
/// <c>nodes</c> are the examined nodes in the order the cycle examined them; <c>scores</c> (in
/// <c>score_plugins</c> order) and <c>total</c> are present only for scored feasible nodes (a
/// single feasible node is taken unscored, as kube-scheduler does). <c>not_examined</c> are the
/// nodes percentageOfNodesToScore left out. <c>chosen_node</c> is "" when the attempt failed and
/// <c>failure_message</c> is then the FailedScheduling message.
/// </summary>
public static class DecisionsJsonl
{
    public const string FileName = "decisions.jsonl";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(string path, IReadOnlyList<SchedulingDecision> decisions)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        foreach (var decision in decisions)
        {
            using (var writer = new Utf8JsonWriter(stream, Options)) WriteOne(writer, decision);
            stream.WriteByte((byte)'\n');
        }
    }

    /// <summary>One decision as its JSON line (without the newline).</summary>
    public static string ToLine(SchedulingDecision decision)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options)) WriteOne(writer, decision);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteOne(Utf8JsonWriter w, SchedulingDecision d)
    {
        w.WriteStartObject();
        w.WritePropertyName("time_s");
        w.WriteRawValue(d.Time.ToSecondsString());
        w.WriteString("pod", d.Pod);
        w.WriteNumber("attempt", d.Attempt);
        w.WriteNumber("num_nodes", d.NumNodes);
        if (d.PreFilterRejection.Length > 0) w.WriteString("prefilter_rejection", d.PreFilterRejection);
        w.WriteStartArray("score_plugins");
        foreach (var column in d.ScorePlugins)
        {
            w.WriteStartObject();
            w.WriteString("name", column.Plugin);
            w.WriteNumber("weight", column.Weight);
            w.WriteBoolean("skipped", column.Skipped);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("nodes");
        foreach (var node in d.Nodes) WriteNode(w, node);
        w.WriteEndArray();
        w.WriteStartArray("not_examined");
        foreach (var name in d.NotExamined) w.WriteStringValue(name);
        w.WriteEndArray();
        w.WriteString("chosen_node", d.ChosenNode);
        w.WriteString("failure_message", d.FailureMessage);
        if (d.Preemption is { } p)
        {
            w.WriteStartObject("preemption");
            w.WriteString("nominated_node", p.NominatedNode);
            w.WriteStartArray("victims");
            foreach (var v in p.Victims) w.WriteStringValue(v);
            w.WriteEndArray();
            w.WriteString("message", p.Message);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter w, NodeVerdict node)
    {
        w.WriteStartObject();
        w.WriteString("node", node.Node);
        if (node.Passed) w.WriteString("filter", "passed");
        else
        {
            w.WriteStartObject("filter");
            w.WriteString("plugin", node.FailedPlugin);
            w.WriteStartArray("reasons");
            foreach (var r in node.Reasons) w.WriteStringValue(r);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        if (node.Scores.Count > 0)
        {
            w.WriteStartArray("scores");
            foreach (var s in node.Scores)
            {
                w.WriteStartObject();
                w.WriteNumber("raw", s.Raw);
                w.WriteNumber("normalized", s.Normalized);
                w.WriteNumber("weight", s.Weight);
                w.WriteNumber("weighted", s.Weighted);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("total", node.Total);
        }
        w.WriteEndObject();
    }
}
