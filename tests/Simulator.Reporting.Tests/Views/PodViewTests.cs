using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Store;
using Simulator.Engine;
using Simulator.Reporting.Results;
using Simulator.Reporting.Views;

namespace Simulator.Reporting.Tests.Views;

/// <summary>STATUS and RESTARTS of a crashing pod and of pods the kubelet ended, from its events.</summary>
public sealed class PodViewTests
{
    private static SimTime S(double seconds) => SimTime.FromSeconds(seconds);

    private static PodRecord Pod(PodPhase phase = PodPhase.Running, string reason = "", double? finished = null, int restarts = 2) => new()
    {
        Namespace = "default", Name = "crashy", Uid = "u", Created = S(0), Scheduled = S(0), Started = S(1),
        Finished = finished is { } f ? S(f) : null, Phase = phase, Reason = reason, Restarts = restarts, Node = "n",
    };

    private static EventsLogEntry Event(double at, string reason) => new(S(at), EventType.Normal, reason, "pod", "default", "crashy", "");

    // Runs 10 s, exits with an error, backs off 10 s, runs again: restarts at 21 s and 41 s.
    private static readonly EventsLogEntry[] Crashing =
    [
        Event(1, "Started"), Event(11, "Failed"), Event(11, "BackOff"),
        Event(21, "Started"), Event(31, "Failed"), Event(31, "BackOff"),
        Event(41, "Started"),
    ];

    [Theory]
    [InlineData(5, "Running", "1/1", "0")]
    [InlineData(15, "CrashLoopBackOff", "0/1", "0")]
    [InlineData(25, "Running", "1/1", "1 (14s ago)")]   // last termination at 11 s
    [InlineData(35, "CrashLoopBackOff", "0/1", "1 (4s ago)")]
    [InlineData(200, "Running", "1/1", "2 (2m49s ago)")] // 200 - 31 = 169 s
    public void A_crashing_container_alternates_between_running_and_back_off(double at, string status, string ready, string restarts)
    {
        var view = PodView.At(Pod(), Crashing, nodeReady: true, S(at));
        Assert.Equal((status, ready, restarts), (view.Status, view.ReadyText, view.RestartsText(S(at))));
    }

    [Theory]
    [InlineData(PodPhase.Succeeded, "Completed", "Completed")]
    [InlineData(PodPhase.Failed, "Error", "Error")]
    [InlineData(PodPhase.Failed, "OutOfcpu", "OutOfcpu")]  // rejected at admission: the pod's own reason
    [InlineData(PodPhase.Failed, "", "Error")]
    public void A_finished_pod_shows_its_terminated_reason(PodPhase phase, string reason, string status)
    {
        var view = PodView.At(Pod(phase, reason, finished: 50, restarts: 0), [], nodeReady: true, S(60));
        Assert.Equal((status, "0/1"), (view.Status, view.ReadyText));
        Assert.Equal(phase, view.PhaseAt(S(60)));
        Assert.Equal(PodPhase.Running, view.PhaseAt(S(49)));
    }
}
