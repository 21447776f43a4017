using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;

namespace Simulator.Cluster.Tests.Metrics;

/// <summary>
/// recoveries.csv rows: outages of a Deployment (or a bare ReplicaSet) from ready replicas
/// falling below the desired count, after having reached it, until they are back.
/// Rows read: kind, namespace, name, from, to.
/// </summary>
public class RecoveryRecorderTests
{
    private static string Row(RecoveryInterval r) =>
        string.Join(",", r.Kind, r.Namespace, r.Name, r.From.ToSecondsString(), r.To?.ToSecondsString() ?? "");

    private static string[] Rows(RecorderHarness h) => [.. h.Metrics.Recoveries().Select(Row)];

    /// <summary>A Deployment "web" with 2 replicas in ReplicaSet "web-1", both Ready at 5 s.</summary>
    private static (RecorderHarness H, Deployment Web, ReplicaSet Rs, Pod[] Pods) TwoReadyReplicas()
    {
        var h = new RecorderHarness();
        h.Node("a");
        var web = h.Deployment("web", 2);
        var rs = h.ReplicaSet("web-1", 2, web);
        var pods = new[] { h.Pod("web-1-a", rs), h.Pod("web-1-b", rs) };
        h.At("5s", () =>
        {
            h.Run(pods[0], "a");
            h.Run(pods[1], "a");
        });
        return (h, web, rs, pods);
    }

    [Fact]
    public void A_lost_replica_replaced_later_is_one_outage_of_the_deployment()
    {
        var (h, _, rs, pods) = TwoReadyReplicas();
        Pod replacement = null!;
        h.At("20s", () => h.Evict(pods[0], "TaintManagerEviction"));
        h.At("21s", () => replacement = h.Pod("web-1-c", rs));
        h.At("35s", () => h.Run(replacement, "a"));
        h.RunTo("1m");

        Assert.Equal(["Deployment,default,web,20.000000,35.000000"], Rows(h));
        Assert.Equal(new RecoverySummary(1, 15, 15), h.Metrics.Summarize().TimeToRecover);
    }

    [Fact]
    public void Replicas_still_starting_are_no_outage_even_when_one_is_lost_before_all_were_ready()
    {
        var h = new RecorderHarness();
        h.Node("a");
        var rs = h.ReplicaSet("web-1", 2, h.Deployment("web", 2));
        var a = h.Pod("a", rs);
        var b = h.Pod("b", rs);
        h.At("5s", () => h.Run(a, "a"));
        h.At("10s", () => h.Restart(a));
        h.At("15s", () => h.Run(a, "a"));
        h.At("20s", () => h.Run(b, "a"));
        h.RunTo("1m");

        Assert.Empty(Rows(h));
    }

    [Fact]
    public void A_scale_up_is_not_an_outage_but_losing_a_ready_replica_during_it_is()
    {
        var (h, web, rs, pods) = TwoReadyReplicas();
        h.At("20s", () =>
        {
            web.Spec.Replicas = 3;
            h.Store.Deployments.Update(web);
        });
        h.At("30s", () => h.Restart(pods[1]));
        h.At("40s", () => h.Run(pods[1], "a"));
        h.At("45s", () => h.Run(h.Pod("web-1-c", rs), "a"));
        h.RunTo("1m");

        Assert.Equal(["Deployment,default,web,30.000000,45.000000"], Rows(h));
    }

    [Fact]
    public void Scaling_down_to_what_is_ready_ends_an_outage()
    {
        var (h, web, _, pods) = TwoReadyReplicas();
        h.At("20s", () => h.Restart(pods[0]));
        h.At("50s", () =>
        {
            web.Spec.Replicas = 1;
            h.Store.Deployments.Update(web);
        });
        h.RunTo("1m");

        Assert.Equal(["Deployment,default,web,20.000000,50.000000"], Rows(h));
    }

    [Fact]
    public void A_bare_replica_set_is_its_own_workload_and_an_unrecovered_outage_stays_open()
    {
        var h = new RecorderHarness();
        h.Node("a");
        var cache = h.ReplicaSet("cache", 1);
        var pod = h.Pod("cache-a", cache);
        h.Run(pod, "a");
        h.At("10s", () => h.Store.DeletePod(pod));
        h.RunTo("1m");

        Assert.Equal(["ReplicaSet,default,cache,10.000000,"], Rows(h));
        // Time to recover is over recovered outages only.
        Assert.Equal(RecoverySummary.None, h.Metrics.Summarize().TimeToRecover);
    }

    [Fact]
    public void A_pod_replaced_in_the_same_instant_is_no_outage()
    {
        var (h, _, rs, pods) = TwoReadyReplicas();
        h.At("20s", () =>
        {
            h.Restart(pods[0]);
            h.Run(h.Pod("web-1-c", rs), "a");
        });
        h.RunTo("1m");

        Assert.Empty(Rows(h));
    }

    [Fact]
    public void Outages_are_listed_by_start_and_summarized_by_nearest_rank()
    {
        var (h, _, _, pods) = TwoReadyReplicas();
        var cache = h.ReplicaSet("cache", 1);
        var cachePod = h.Pod("cache-a", cache);
        h.Run(cachePod, "a");
        h.At("10s", () => h.Restart(cachePod));
        h.At("25s", () => h.Run(cachePod, "a"));
        h.At("20s", () => h.Restart(pods[0]));
        h.At("25s", () => h.Run(pods[0], "a"));
        h.RunTo("1m");

        Assert.Equal(["ReplicaSet,default,cache,10.000000,25.000000", "Deployment,default,web,20.000000,25.000000"], Rows(h));
        Assert.Equal(new RecoverySummary(2, 5, 15), h.Metrics.Summarize().TimeToRecover);
    }
}
