using System.Globalization;

namespace Simulator.Reporting.Views;

/// <summary>
/// <c>kubectl describe node</c> at a virtual time, limited to what a results folder holds: name,
/// roles, creation, cordon, the Ready condition (Unknown shows as False: nodes.csv does not tell
/// them apart), the pods on it that have not finished, with their age only (no requests are
/// recorded), then its events. Times are virtual time since the start of the run.
/// </summary>
public static class NodeDescription
{
    public static void Write(TextWriter writer, ResultsSnapshot snapshot, NodeView node)
    {
        var at = snapshot.At;
        var w = TabWriter.Describe();
        w.WriteLine("Name:\t" + node.Name);
        w.WriteLine("Roles:\t<none>");
        w.WriteLine("CreationTimestamp:\t" + node.Added);
        w.WriteLine("Unschedulable:\t" + (node.Unschedulable ? "true" : "false"));
        w.WriteLine("Conditions:");
        w.WriteLine("  Type\tStatus\tLastTransitionTime");
        w.WriteLine("  ----\t------\t------------------");
        w.WriteLine("  Ready\t" + (node.Ready ? "True" : "False") + "\t" + node.ReadySince);
        var pods = snapshot.PodsOn(node.Name);
        w.WriteLine("Non-terminated Pods:\t(" + pods.Count.ToString(CultureInfo.InvariantCulture) + " in total)");
        if (pods.Count > 0)
        {
            w.WriteLine("  Namespace\tName\tAge");
            w.WriteLine("  ---------\t----\t---");
            foreach (var pod in pods) w.WriteLine($"  {pod.Pod.Namespace}\t{pod.Pod.Name}\t{HumanDuration.Format(pod.Age)}");
        }
        DescribedEvents.Write(w, snapshot.EventsOfNode(node.Name), at, EventSource.OfNodeEvent);
        w.Flush(writer);
    }
}
