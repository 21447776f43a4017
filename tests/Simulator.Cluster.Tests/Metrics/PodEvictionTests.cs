using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Metrics;

/// <summary>
/// The pods.csv columns about disruption: the controller owner, <c>evicted</c> with the eviction
/// in <c>reason</c>, restarts, and terminating pods in the time series.
/// Rows read: name, phase, deleted, reason, evicted.
/// </summary>
public class PodEvictionTests
{
    private static string Row(PodRecord r) => string.Join(",", r.Name, r.Phase, r.Deleted?.ToSecondsString() ?? "", r.Reason, r.Evicted);

    [Fact]
    public void A_taint_manager_eviction_keeps_its_reason_through_termination_and_removal()
    {
        var h = new RecorderHarness();
        h.Node("a");
        var pod = h.Pod("web-1");
        h.Run(pod, "a");
        h.At("10s", () => h.Evict(pod, "TaintManagerEviction"));
        h.At("40s", () => h.Store.RemovePod(pod));
        h.RunTo("15s");

        Assert.Equal("web-1,Running,,TaintManagerEviction,True", Row(h.Metrics.Pods.Single()));
        h.RunTo("1m");
        Assert.Equal("web-1,Running,40.000000,TaintManagerEviction,True", Row(h.Metrics.Pods.Single()));
    }

    [Fact]
    public void An_eviction_event_after_the_pod_is_already_gone_still_marks_it()
    {
        var h = new RecorderHarness();
        var pod = h.Pod("pending");
        h.At("5s", () =>
        {
            // A controller deleting an unbound pod inside a watch callback: the removal is delivered at once, the event after.
            h.Store.DeletePod(pod);
            h.Store.RecordEvent(Cluster.Store.EventType.Normal, "Evicted", "Pod", pod.Key, "drain", "test");
        });
        h.RunTo("10s");

        Assert.Equal("pending,Pending,5.000000,Evicted,True", Row(h.Metrics.Pods.Single()));
    }

    [Fact]
    public void A_finished_pod_that_is_cleaned_up_is_not_evicted()
    {
        var h = new RecorderHarness();
        h.Node("a");
        var pod = h.Pod("done");
        h.Run(pod, "a");
        h.At("5s", () => h.Finish(pod, PodPhase.Succeeded, "Completed"));
        h.At("9s", () => h.Evict(pod, "Evicted"));
        h.RunTo("10s");

        Assert.Equal("done,Succeeded,9.000000,Completed,False", Row(h.Metrics.Pods.Single()));
    }

    [Fact]
    public void A_node_pressure_eviction_by_the_kubelet_fails_the_pod_with_reason_Evicted()
    {
        var h = new RecorderHarness();
        h.Node("a");
        var pod = h.Pod("hog");
        h.Run(pod, "a");
        h.At("5s", () => h.Finish(pod, PodPhase.Failed, "Evicted"));
        h.RunTo("10s");

        Assert.Equal("hog,Failed,,Evicted,True", Row(h.Metrics.Pods.Single()));
    }

    [Fact]
    public void A_plain_delete_is_not_an_eviction()
    {
        var h = new RecorderHarness();
        h.Node("a");
        var pod = h.Pod("web");
        h.Run(pod, "a");
        h.At("5s", () => h.Store.DeletePod(pod));
        h.At("6s", () => h.Store.RemovePod(pod));
        h.RunTo("10s");

        Assert.Equal("web,Running,6.000000,Deleted,False", Row(h.Metrics.Pods.Single()));
    }

    [Fact]
    public void A_preempted_victim_in_a_whole_cluster_is_evicted_with_reason_Preempted()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a").Cpu("2"));
        var victim = cluster.Create(new PodBuilder("low").Cpu("2").Priority(1));
        cluster.RunFor("10s");
        cluster.Create(new PodBuilder("high").Cpu("2").Priority(1000));
        cluster.RunFor("1m");

        // Preempted at 10 s, removed after its 30 s grace period.
        Assert.Equal("low,Running,40.000000,Preempted,True", Row(cluster.RecordOf(victim)));
        Assert.Equal(new PodDisruptionSummary(1, 0), cluster.Sim.Metrics.Summarize().PodDisruptions);
    }

    [Fact]
    public void Owner_columns_name_the_controller()
    {
        var h = new RecorderHarness();
        var job = h.Job("train");
        h.Pod("train-1", job);
        h.Pod("web-1", h.ReplicaSet("web-5d8f", 1));
        h.Pod("bare");

        Assert.Equal(
            [("train-1", "Job", "train"), ("web-1", "ReplicaSet", "web-5d8f"), ("bare", "", "")],
            h.Metrics.Pods.Select(p => (p.Name, p.OwnerKind, p.OwnerName)));
    }

    [Fact]
    public void Restarts_are_summed_over_all_pods_and_evictions_counted()
    {
        var h = new RecorderHarness();
        h.Node("a");
        var a = h.Pod("a");
        var b = h.Pod("b");
        h.Run(a, "a");
        h.Run(b, "a");
        h.Restart(a);
        h.Restart(a);
        h.Restart(b);
        h.Evict(b, "TaintManagerEviction");

        Assert.Equal(new PodDisruptionSummary(1, 3), h.Metrics.Summarize().PodDisruptions);
    }

    [Fact]
    public void The_time_series_counts_pods_between_their_delete_request_and_their_removal()
    {
        var h = new RecorderHarness();
        h.Node("a");
        var pod = h.Pod("web");
        h.Run(pod, "a");
        h.At("5s", () => h.Store.DeletePod(pod));
        h.At("15s", () => h.Store.RemovePod(pod));
        h.Metrics.Start();
        h.RunTo("20s");

        Assert.Equal([(0, 1), (1, 1), (0, 0)], h.Metrics.TimeSeries.Select(r => (r.TerminatingPods, r.RunningPods)));
    }
}
