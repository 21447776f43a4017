using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Controllers;

namespace Simulator.Cluster.Tests.Metrics;

/// <summary>
/// hpa.csv rows: every HPA at every metrics sample (10 s here), with the controller's writes
/// done by hand so each row is hand-computable. Rows read: time, namespace/name, target, min,
/// max, current, desired, first metric.
/// </summary>
public class HpaRecorderTests
{
    private static string Row(HpaSample s) =>
        string.Join(",", s.Time.ToSecondsString(), s.Namespace + "/" + s.Name, s.TargetKind + "/" + s.TargetName,
            s.MinReplicas, s.MaxReplicas, s.CurrentReplicas, s.DesiredReplicas,
            s.MetricValue?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");

    private static HorizontalPodAutoscaler Hpa(string name, string kind, string target) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Spec = new HorizontalPodAutoscalerSpec { TargetKind = kind, TargetName = target, MinReplicas = 1, MaxReplicas = 5 },
    };

    [Fact]
    public void Each_sample_has_a_row_per_hpa_with_the_targets_replicas_and_the_last_decision()
    {
        var h = new RecorderHarness();
        var web = h.Deployment("web", 2);
        var hpa = Hpa("web", "Deployment", "web");
        h.Store.HorizontalPodAutoscalers.Create(hpa);
        h.Metrics.Start();
        h.At("15s", () =>
        {
            // What the HPA controller writes on a scale-up: the target, an event, then the status.
            web.Spec.Replicas = 4;
            h.Store.RecordEvent(EventType.Normal, "SuccessfulRescale", hpa.Kind, hpa.Metadata.Key, "New size: 4", "horizontal-pod-autoscaler");
            hpa.Status.CurrentReplicas = 2;
            hpa.Status.DesiredReplicas = 4;
            hpa.Status.CurrentMetrics.Add(120.5);
        });
        h.RunTo("25s");
        h.Metrics.Finish();

        // The status still says 2 current after the rescale; the target already has 4.
        Assert.Equal(
            [
                "0.000000,default/web,Deployment/web,1,5,2,0,",
                "10.000000,default/web,Deployment/web,1,5,2,0,",
                "20.000000,default/web,Deployment/web,1,5,4,4,120.5",
                "25.000000,default/web,Deployment/web,1,5,4,4,120.5",
            ],
            h.Metrics.Hpas.Select(Row));
        Assert.Equal(new HpaSummary(1, 4, 1), h.Metrics.Summarize().Hpa);
    }

    [Fact]
    public void A_missing_target_falls_back_to_the_status_and_hpas_keep_creation_order()
    {
        var h = new RecorderHarness();
        var orphan = Hpa("orphan", "ReplicaSet", "gone");
        orphan.Status.CurrentReplicas = 3;
        h.Store.HorizontalPodAutoscalers.Create(orphan);
        h.Deployment("api", 1);
        h.Store.HorizontalPodAutoscalers.Create(Hpa("api", "Deployment", "api"));
        h.Metrics.Start();
        h.RunTo("5s");
        h.Metrics.Finish();

        Assert.Equal(
            [
                "0.000000,default/orphan,ReplicaSet/gone,1,5,3,0,",
                "0.000000,default/api,Deployment/api,1,5,1,0,",
                "5.000000,default/orphan,ReplicaSet/gone,1,5,3,0,",
                "5.000000,default/api,Deployment/api,1,5,1,0,",
            ],
            h.Metrics.Hpas.Select(Row));
        Assert.Equal(new HpaSummary(2, 3, 0), h.Metrics.Summarize().Hpa);
    }

    [Fact]
    public void Without_hpas_there_are_no_rows_and_an_empty_summary()
    {
        var h = new RecorderHarness();
        h.Metrics.Start();
        h.RunTo("20s");
        h.Metrics.Finish();

        Assert.Empty(h.Metrics.Hpas);
        Assert.Equal(HpaSummary.None, h.Metrics.Summarize().Hpa);
    }

    [Fact]
    public void With_the_real_controller_the_row_after_a_scale_up_shows_the_new_size()
    {
        // 4 pods at 80 % against a 50 % target: the 15 s sync scales to 7 (HpaControllerTests).
        var kit = new HpaTestKit(replicas: 4, min: 1, max: 10);
        kit.PerPodCpu(80);
        var metrics = kit.Cluster.Sim.Metrics;
        metrics.Start();
        kit.RunTo("20s");

        var row = metrics.Hpas.Last();
        Assert.Equal("20.000000,default/web,Deployment/web,1,10,7,7,80", Row(row));
        Assert.All(metrics.Hpas.Where(r => r.Time.TotalSeconds < 15), r => Assert.Equal(4, r.CurrentReplicas));
        Assert.Equal(new HpaSummary(1, 7, 1), metrics.Summarize().Hpa);
    }
}
