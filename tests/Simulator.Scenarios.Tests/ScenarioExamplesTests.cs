using Simulator.Cluster.Api;
using Simulator.Cluster.Faults;
using Simulator.Engine;

namespace Simulator.Scenarios.Tests;

/// <summary>The example scenarios in scenarios/ load cleanly and say what their README says.</summary>
public class ScenarioExamplesTests
{
    private static readonly string ScenariosDirectory = Path.Combine(RepositoryRoot(), "scenarios");

    public static TheoryData<string> ScenarioFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ScenariosDirectory, "*.yaml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Every_example_loads_without_errors(string file)
    {
        var result = ScenarioLoader.Load(Path.Combine(ScenariosDirectory, file));
        Assert.Empty(result.Errors.Select(e => e.ToString()));
        Assert.True(result.Succeeded);
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Every_example_is_listed_in_the_README(string file) =>
        Assert.Contains($"[{file}]({file})", File.ReadAllText(Path.Combine(ScenariosDirectory, "README.md")), StringComparison.Ordinal);

    [Fact]
    public void Quickstart_has_two_pools_and_exactly_one_pod_that_fits_nowhere()
    {
        var s = ScenarioLoader.Load(Path.Combine(ScenariosDirectory, "01-quickstart.yaml")).Scenario!;
        Assert.Equal("quickstart", s.Name);
        Assert.Equal(42UL, s.Seed);
        Assert.Equal(SimDuration.FromSeconds(10), s.MetricsInterval);
        Assert.Equal(["cpu-0", "cpu-1", "cpu-2", "gpu-0", "gpu-1"], s.Nodes.Select(n => n.Name));
        Assert.InRange(s.Pods.Count, 15, 25);

        var unfit = s.Pods.Where(p => !s.Nodes.Any(n => Fits(p.Pod.Requests, n.Status.Allocatable))).Select(p => p.Pod.Name);
        Assert.Equal(["train-huge"], unfit);
        Assert.Contains(s.Pods, p => p.SubmitAt > SimTime.Zero && p.Pod.Requests[ResourceNames.NvidiaGpu] > 0);
        Assert.Contains(s.Pods, p => p.Pod.Workload.Duration is null);
    }

    [Fact]
    public void Self_healing_fails_and_recovers_one_node_under_a_six_replica_Deployment()
    {
        var s = Load("02-self-healing.yaml");
        Assert.Equal(SimDuration.FromHours(3), s.Duration);
        Assert.Equal(["cpu-a-0", "cpu-a-1", "cpu-b-0", "cpu-b-1"], s.Nodes.Select(n => n.Name));
        Assert.Equal(["zone-a", "zone-a", "zone-b", "zone-b"], s.Nodes.Select(n => n.Metadata.Labels["topology.kubernetes.io/zone"]));
        var web = Assert.IsType<Deployment>(Assert.Single(s.Workloads).Object);
        Assert.Equal(6, web.Spec.Replicas);
        Assert.Null(web.Spec.Template.Workload.Duration);
        Assert.Equal(
            [new FailNode(SimTime.Zero + SimDuration.FromHours(1), "cpu-b-0"), new RecoverNode(SimTime.Zero + SimDuration.FromHours(2), "cpu-b-0")],
            s.Timeline);
        Assert.Empty(s.FaultModels);
    }

    [Fact]
    public void Job_retries_has_a_flaky_Job_and_one_that_always_fails()
    {
        var s = Load("03-job-retries.yaml");
        var jobs = s.Workloads.Select(w => Assert.IsType<Job>(w.Object)).ToDictionary(j => j.Name);
        Assert.Equal(["finetune", "broken-train"], jobs.Keys);
        Assert.Equal(0.5, jobs["finetune"].Spec.Template.Workload.FailureProbability);
        Assert.Equal(1.0, jobs["broken-train"].Spec.Template.Workload.FailureProbability);
        Assert.All(jobs.Values, j => Assert.Equal((6, RestartPolicy.Never), (j.Spec.BackoffLimit, j.Spec.Template.Spec.RestartPolicy)));
    }

    [Fact]
    public void Random_failures_has_a_week_of_jobs_on_two_zones_and_two_fault_models()
    {
        var s = Load("04-random-failures.yaml");
        Assert.Equal(SimDuration.FromHours(7 * 24), s.Duration);
        Assert.Equal(16, s.Nodes.Count);
        Assert.Equal(["gpu-a", "gpu-b"], s.NodePools.Select(p => p.Name));
        Assert.Equal(128, s.Nodes.Sum(n => n.Status.Allocatable[ResourceNames.NvidiaGpu]));

        var (node, zone) = (s.FaultModels[0], s.FaultModels[1]);
        Assert.Equal(new DurationDistribution(DistributionKind.Exponential, 264 * 86_400), node.TimeToFailure);
        Assert.Equal(new DurationDistribution(DistributionKind.LogNormal, Math.Log(7200), 1), node.TimeToRepair);
        Assert.Equal("topology.kubernetes.io/zone", zone.CorrelatedBy);
        Assert.All(s.Nodes, n => Assert.True(node.NodeSelector.Matches(n.Metadata.Labels) && zone.NodeSelector.Matches(n.Metadata.Labels)));

        Assert.IsType<Deployment>(s.Workloads[0].Object);
        var jobs = s.Workloads.Skip(1).ToList();
        Assert.Equal(12, jobs.Count);
        Assert.All(jobs, w => Assert.IsType<Job>(w.Object));
        Assert.Equal(SimTime.Zero + SimDuration.FromHours(154), jobs[^1].SubmitAt);
    }

    [Fact]
    public void Load_balancing_has_one_service_per_mode_each_over_a_fast_and_a_slow_deployment()
    {
        var s = Load("05-service-load-balancing.yaml");
        var services = s.Workloads.Select(w => w.Object).OfType<Service>().ToList();
        Assert.Equal([LoadBalancingMode.Random, LoadBalancingMode.RoundRobin, LoadBalancingMode.LeastConnections], services.Select(x => x.LoadBalancing));
        var costs = s.Workloads.Select(w => w.Object).OfType<Deployment>()
            .Select(d => d.Spec.Template.Workload.RequestCost!.Mean.TotalSeconds).Distinct().Order();
        Assert.Equal([0.02, 0.08], costs);
        Assert.Equal(services.Select(x => x.DnsName), s.Traffic.Select(t => t.Target));
        Assert.All(s.Traffic, t => Assert.Equal(40, t.Pattern.Rate));
    }

    [Fact]
    public void Hpa_diurnal_scales_the_classifier_on_cpu_under_a_two_day_sine()
    {
        var s = Load("06-hpa-diurnal.yaml");
        var hpa = Assert.Single(s.Workloads.Select(w => w.Object).OfType<HorizontalPodAutoscaler>());
        Assert.Equal(("Deployment", "classifier", 2, 20), (hpa.Spec.TargetKind, hpa.Spec.TargetName, hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas));
        Assert.Equal([new HpaMetric(HpaMetricType.ResourceCpuUtilization, "cpu", 60)], hpa.Spec.Metrics);
        var traffic = Assert.Single(s.Traffic);
        Assert.Equal(TrafficPatternKind.Diurnal, traffic.Pattern.Kind);
        Assert.Equal(SimDuration.FromHours(48), s.Duration);
    }

    private static ScenarioDefinition Load(string file)
    {
        var result = ScenarioLoader.Load(Path.Combine(ScenariosDirectory, file));
        Assert.Empty(result.Errors);
        return result.Scenario!;
    }

    private static bool Fits(ResourceList requests, ResourceList allocatable)
    {
        foreach (var (name, value) in requests)
            if (value > allocatable[name]) return false;
        return true;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Simulator.sln"))) return dir.FullName;
        throw new InvalidOperationException("Simulator.sln not found above " + AppContext.BaseDirectory);
    }
}
