using Simulator.Engine;

namespace Simulator.Reporting.Views;

/// <summary>
/// <c>kubectl get</c>'s tables of a <see cref="ResultsSnapshot"/>: kubectl's columns in kubectl's
/// order, "&lt;none&gt;" where kubectl prints it for an unset value, NAMESPACE first with
/// --all-namespaces, aligned by <see cref="TabWriter.Get"/>. A column ksim has no data for is
/// printed as kubectl would print it for an object without that field. Each method returns false,
/// writing nothing, when there is nothing to list.
/// </summary>
public static class KubectlTable
{
    private const string None = "<none>";

    /// <summary>NAME READY STATUS RESTARTS AGE, and with -o wide IP NODE NOMINATED NODE READINESS GATES.</summary>
    public static bool Pods(TextWriter writer, ResultsSnapshot snapshot, string? ns, bool wide)
    {
        var pods = snapshot.Pods(ns);
        if (pods.Count == 0) return false;
        var table = TabWriter.Get();
        string[] header = ["NAME", "READY", "STATUS", "RESTARTS", "AGE"];
        if (wide) header = [.. header, "IP", "NODE", "NOMINATED NODE", "READINESS GATES"];
        table.WriteLine(WithNamespace(ns, "NAMESPACE", header));
        foreach (var pod in pods)
        {
            string[] row = [pod.Pod.Name, pod.ReadyText, pod.Status, pod.RestartsText(snapshot.At), HumanDuration.Format(pod.Age)];
            if (wide) row = [.. row, OrNone(pod.Pod.Scheduled is { } s && s <= snapshot.At ? pod.Pod.PodIP : ""), OrNone(Bound(pod, snapshot.At)), None, None];
            table.WriteLine(WithNamespace(ns, pod.Pod.Namespace, row));
        }
        table.Flush(writer);
        return true;
    }

    /// <summary>
    /// NAME STATUS ROLES AGE VERSION. ksim's nodes carry no node-role label nor kubelet version, so
    /// ROLES is "&lt;none&gt;" (a worker) and VERSION empty; -o wide adds nothing ksim knows.
    /// </summary>
    public static bool Nodes(TextWriter writer, ResultsSnapshot snapshot)
    {
        var nodes = snapshot.Nodes();
        if (nodes.Count == 0) return false;
        var table = TabWriter.Get();
        table.WriteLine(["NAME", "STATUS", "ROLES", "AGE", "VERSION"]);
        foreach (var node in nodes) table.WriteLine([node.Name, node.Status, None, HumanDuration.Format(node.Age), ""]);
        table.Flush(writer);
        return true;
    }

    /// <summary>NAME STATUS COMPLETIONS DURATION AGE (STATUS since kubectl 1.30), batch/v1 Jobs only.</summary>
    public static bool Jobs(TextWriter writer, ResultsSnapshot snapshot, string? ns)
    {
        var jobs = snapshot.Jobs(ns);
        if (jobs.Count == 0) return false;
        var table = TabWriter.Get();
        table.WriteLine(WithNamespace(ns, "NAMESPACE", ["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"]));
        foreach (var job in jobs) table.WriteLine(WithNamespace(ns, job.Job.Namespace, [job.Job.Name, job.Status, job.Completions, job.Duration, job.Age]));
        table.Flush(writer);
        return true;
    }

    /// <summary>LAST SEEN TYPE REASON OBJECT MESSAGE, oldest first; OBJECT is kind/name without the namespace.</summary>
    public static bool Events(TextWriter writer, ResultsSnapshot snapshot, string? ns)
    {
        var events = snapshot.Events(ns);
        if (events.Count == 0) return false;
        var table = TabWriter.Get();
        table.WriteLine(WithNamespace(ns, "NAMESPACE", ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]));
        foreach (var e in events)
        {
            table.WriteLine(WithNamespace(ns, ResultsSnapshot.NamespaceOf(e),
                [HumanDuration.Format(snapshot.At - e.Time), e.Type.ToString(), e.Reason, e.Kind + "/" + e.Name, e.Message]));
        }
        table.Flush(writer);
        return true;
    }

    /// <summary>kubectl's message for an empty list (on stderr) when a table method returned false.</summary>
    public static string NoResourcesMessage(string? ns) => ns is null ? "No resources found" : $"No resources found in {ns} namespace.";

    private static string[] WithNamespace(string? ns, string value, string[] cells) => ns is null ? [value, .. cells] : cells;

    private static string Bound(PodView pod, SimTime at) => pod.Pod.Scheduled is { } s && s <= at ? pod.Pod.Node : "";

    private static string OrNone(string value) => value.Length == 0 ? None : value;
}
