using System.Globalization;
using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Engine;
using Simulator.Reporting.Results;

namespace Simulator.Reporting.Views;

/// <summary>
/// One pod as <c>kubectl get pods</c> shows it at a virtual time, derived from its pods.csv row and
/// its events up to then. ksim's pods have one container, so READY is n/1.
/// </summary>
public sealed record PodView(PodRecord Pod, string Status, bool Ready, int Restarts, SimTime? LastTermination, SimDuration Age)
{
    /// <summary>The kubelet's events that move the container: (re)start, exit, back-off.</summary>
    private const string Started = "Started", BackOff = "BackOff", Completed = "Completed", Failed = "Failed";

    /// <summary>READY: the container is running and its node Ready (the node controller marks a NotReady node's pods not Ready).</summary>
    public string ReadyText => Ready ? "1/1" : "0/1";

    /// <summary>kubectl's RESTARTS: the count, and since v1.22 how long ago the container last ended: "2 (5m ago)".</summary>
    public string RestartsText(SimTime at) =>
        Restarts > 0 && LastTermination is { } t
            ? Restarts.ToString(CultureInfo.InvariantCulture) + " (" + HumanDuration.Format(at - t) + " ago)"
            : Restarts.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// kubectl's printPod rules over the recorded times: Pending until bound, ContainerCreating
    /// until the container started (image pull included), Running (CrashLoopBackOff while the
    /// kubelet backs off a restart), then the terminated reason (Completed, Error, or the pod's own
    /// reason such as OutOfcpu or Evicted). A deletion timestamp overrides all: Terminating.
    /// </summary>
    public static PodView At(PodRecord pod, IReadOnlyList<EventsLogEntry> podEvents, bool nodeReady, SimTime at)
    {
        int starts = 0;
        SimTime? lastTermination = null;
        bool backingOff = false;
        foreach (var e in podEvents)
        {
            if (e.Time > at) break;
            switch (e.Reason)
            {
                case Started: starts++; backingOff = false; break;
                case BackOff: backingOff = true; break;
                case Completed or Failed: lastTermination = e.Time; break;
            }
        }
        // The final count bounds it: a Started the kubelet did not count as a restart stays uncounted.
        int restarts = Math.Min(Math.Max(starts - 1, 0), pod.Restarts);

        string status;
        bool running = false;
        if (pod.Finished is { } finished && finished <= at) status = Terminated(pod);
        else if (pod.Started is { } started && started <= at)
        {
            running = !backingOff;
            status = backingOff ? "CrashLoopBackOff" : "Running";
        }
        else if (pod.Scheduled is { } scheduled && scheduled <= at) status = "ContainerCreating";
        else status = "Pending";
        if (pod.Terminating is { } terminating && terminating <= at) status = "Terminating";

        return new PodView(pod, status, running && nodeReady, restarts, restarts > 0 ? lastTermination : null, at - pod.Created);
    }

    /// <summary>status.phase at the time, for <c>kubectl describe</c>'s Status line.</summary>
    public PodPhase PhaseAt(SimTime at) =>
        Pod.Finished is { } f && f <= at ? Pod.Phase
        : Pod.Started is { } s && s <= at ? PodPhase.Running
        : PodPhase.Pending;

    /// <summary>
    /// A finished pod: the container's terminated reason (Completed for exit 0, Error otherwise),
    /// or the pod's own status.reason when the kubelet ended it without running it to the end
    /// (OutOfcpu at admission, Evicted under node pressure).
    /// </summary>
    private static string Terminated(PodRecord pod) =>
        pod.Phase == PodPhase.Succeeded ? Completed
        : pod.Reason.Length > 0 ? pod.Reason
        : "Error";
}
