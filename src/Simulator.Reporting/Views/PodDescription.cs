using System.Globalization;
using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Reporting.Views;

/// <summary>
/// <c>kubectl describe pod</c> at a virtual time, limited to what a results folder holds: the
/// identity, node, status and IP lines in kubectl's order, the controller, then the pod's events
/// up to that time. Laid out by <see cref="TabWriter.Describe"/>, so "IPs:" breaks the alignment of
/// the lines around it exactly as it does in kubectl. Start Time is virtual time since the start
/// of the run, in place of kubectl's wall-clock date.
/// </summary>
public static class PodDescription
{
    public static void Write(TextWriter writer, ResultsSnapshot snapshot, PodView view)
    {
        var pod = view.Pod;
        var at = snapshot.At;
        var w = TabWriter.Describe();
        bool bound = pod.Scheduled is { } s && s <= at;
        w.WriteLine("Name:\t" + pod.Name);
        w.WriteLine("Namespace:\t" + pod.Namespace);
        w.WriteLine("Priority:\t" + pod.Priority.ToString(CultureInfo.InvariantCulture));
        w.WriteLine("Node:\t" + (bound ? pod.Node : "<none>"));
        // status.startTime: set when the kubelet first acknowledges the pod, at binding in ksim.
        if (bound) w.WriteLine("Start Time:\t" + pod.Scheduled!.Value);
        w.WriteLine("Status:\t" + (pod.Terminating is { } t && t <= at
            ? "Terminating (lasts " + HumanDuration.Format(at - t) + ")"
            : view.PhaseAt(at).ToString()));
        if (IsTerminal(view, at) && pod.Reason.Length > 0 && pod.Reason is not ("Completed" or "Error")) w.WriteLine("Reason:\t" + pod.Reason);
        if (IsTerminal(view, at) && pod.Message.Length > 0) w.WriteLine("Message:\t" + pod.Message);
        var ip = bound ? pod.PodIP : "";
        w.WriteLine("IP:\t" + ip);
        if (ip.Length > 0)
        {
            w.WriteLine("IPs:");
            w.WriteLine("  IP:\t" + ip);
        }
        else
        {
            w.WriteLine("IPs:\t<none>");
        }
        if (pod.OwnerKind.Length > 0) w.WriteLine("Controlled By:\t" + pod.OwnerKind + "/" + pod.OwnerName);

        DescribedEvents.Write(w, snapshot.EventsOf(pod), at, EventSource.OfPodEvent);
        w.Flush(writer);
    }

    private static bool IsTerminal(PodView view, SimTime at) => view.PhaseAt(at) is PodPhase.Succeeded or PodPhase.Failed;
}
