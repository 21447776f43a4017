using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Scenarios.Tests.Kinds;

/// <summary>ksim.dev WorkloadGenerator documents become <see cref="WorkloadGenerator"/>s with Gavel's defaults where nothing is said.</summary>
public class WorkloadGeneratorTests
{
    private const string Header = "apiVersion: ksim.dev/v1alpha1\nkind: WorkloadGenerator\nmetadata: {name: gavel}\nspec:\n";

    private static WorkloadGenerator Single(string spec, string prefix = "") =>
        Assert.Single(ScenarioFiles.Valid(prefix + Header + spec).Generators);

    private static SimTime At(double hours) => SimTime.Zero + SimDuration.FromMicroseconds((long)(hours * 3_600_000_000));

    [Fact]
    public void A_rate_and_a_job_count_are_enough_and_the_rest_is_gavels()
    {
        var g = Single("  rate: 2.5\n  jobs: 100\n");
        Assert.Equal("gavel", g.Name);
        Assert.Equal("default", g.Namespace);
        Assert.Equal([new ArrivalRateStep(SimTime.Zero, 2.5)], g.RateSteps);
        Assert.Equal(100, g.Jobs);
        Assert.Null(g.Until);
        Assert.Empty(g.Models);
        Assert.Equal(WorkloadGenerator.DefaultGpuCounts, g.GpuCounts);
        Assert.Equal(WorkloadGenerator.DefaultDurations, g.Durations);
        Assert.Equal(new GeneratedPodTemplate(), g.Template);
        Assert.Null(g.Measure);
        // 10^1.5 minutes = 1897.4 s, 10^4 minutes = 600,000 s.
        Assert.Equal(1897.37, g.Durations[0].Value.MinSeconds, 2);
        Assert.Equal(600_000, g.Durations[1].Value.MaxSeconds, 6);
    }

    [Fact]
    public void Every_field()
    {
        const string PriorityClass = "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: batch}\nvalue: 100\n---\n";
        var g = Single("""
              start: 1h
              until: 100h
              steps: [{at: 0s, rate: 1}, {at: 10h, rate: 4.5}]
              models: {resnet50: 3, "Transformer (batch size 64)": 1}
              gpus: {1: 0.5, 4: 0.5}
              durations: [{weight: 1, min: 30m, max: 2h}]
              measure: {fromJob: 10, toJob: 20}
              template:
                labels: {team: vision}
                image: pytorch:2.4
                cpuPerGpu: 4
                memoryPerGpu: 16Gi
                nodeSelector: {pool: gpu}
                tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
                priorityClassName: batch
                checkpointEvery: 30m
                checkpointRestore: 2m
            """, PriorityClass);
        Assert.Equal(At(1), g.Start);
        Assert.Equal(At(100), g.Until);
        Assert.Null(g.Jobs);
        Assert.Equal([new ArrivalRateStep(At(0), 1), new ArrivalRateStep(At(10), 4.5)], g.RateSteps);
        Assert.Equal([new Weighted<string>("resnet50", 3), new Weighted<string>("Transformer (batch size 64)", 1)], g.Models);
        Assert.Equal([new Weighted<int>(1, 0.5), new Weighted<int>(4, 0.5)], g.GpuCounts);
        Assert.Equal([new Weighted<DurationBand>(new DurationBand(1800, 7200), 1)], g.Durations);
        Assert.Equal(new MeasureWindow(10, 20), g.Measure);
        var t = g.Template;
        Assert.Equal("pytorch:2.4", t.Image);
        Assert.Equal(4_000, t.CpuPerGpu);
        Assert.Equal(16L << 30, t.MemoryPerGpu);
        Assert.Equal("vision", t.Labels["team"]);
        Assert.Equal("gpu", t.NodeSelector["pool"]);
        Assert.Equal([new Toleration("nvidia.com/gpu", TolerationOperator.Exists, "", TaintEffect.NoSchedule)], t.Tolerations);
        Assert.Equal(("batch", 100), (t.PriorityClassName, t.Priority));
        Assert.Equal(SimDuration.FromMinutes(30), t.CheckpointEvery);
        Assert.Equal(SimDuration.FromMinutes(2), t.CheckpointRestore);
    }

    [Fact]
    public void A_model_the_scenarios_table_adds_is_known()
    {
        var scenario = ScenarioFiles.Valid(Header + "  rate: 1\n  jobs: 5\n  models: {llama-7b: 1}\n  gpus: {8: 1}\n---\n" + """
            apiVersion: ksim.dev/v1alpha1
            kind: Scenario
            metadata: {name: s}
            spec:
              throughputTable:
                rows:
                - {model: llama-7b, accelerators: 8, accelerator: v100, stepsPerSecond: 0.5}
            """);
        Assert.Single(scenario.Generators);
    }
}
