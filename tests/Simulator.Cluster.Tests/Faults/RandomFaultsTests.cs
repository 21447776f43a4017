using MathNet.Numerics.Random;
using Simulator.Cluster.Api;
using Simulator.Cluster.Faults;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using Simulator.Cluster.Tests.Controllers;
using Simulator.Engine;
using static Simulator.Cluster.Tests.Controllers.NodeLifecycleTestKit;

namespace Simulator.Cluster.Tests.Faults;

/// <summary>
/// Random fault models: per node (or per value of the correlation label) a unit alternates time
/// to failure and time to repair, drawn from the model's own stream <c>failures/&lt;model&gt;</c>,
/// so the same seed gives the same failures.
/// </summary>
public class RandomFaultsTests
{
    private static readonly LabelSelector Everything = LabelSelector.FromLabels(ObjectMeta.EmptyMap);

    private static FaultModel Model(string name, DurationDistribution ttf, DurationDistribution ttr, LabelSelector? selector = null, string? correlatedBy = null) =>
        new(name, selector ?? Everything, ttf, ttr, correlatedBy);

    private static List<(SimTime Time, string Reason, string Node)> Faults(TestCluster cluster) =>
        [.. cluster.Sim.Metrics.Events
            .Where(e => e.Source == FaultInjector.ComponentName)
            .Select(e => (e.Time, e.Reason, e.ObjectName))];

    private static TestCluster RunModel(ulong seed, string until, params FaultModel[] models)
    {
        var cluster = new TestCluster(seed).Nodes(
            new NodeBuilder("a-0").Zone("a"), new NodeBuilder("a-1").Zone("a"), new NodeBuilder("a-2").Zone("a"),
            new NodeBuilder("b-0").Zone("b"), new NodeBuilder("b-1").Zone("b"));
        foreach (var m in models) cluster.Sim.Faults.AddModel(m);
        cluster.RunTo(until);
        return cluster;
    }

    [Fact]
    public void The_same_seed_gives_the_same_failures_and_another_seed_others()
    {
        var model = Model("flaky", DurationDistribution.Exponential(SimDuration.FromHours(6)), DurationDistribution.Constant(SimDuration.FromMinutes(10)));
        var first = Faults(RunModel(7, "48h", model));
        var again = Faults(RunModel(7, "48h", model));
        var other = Faults(RunModel(8, "48h", model));

        Assert.True(first.Count(f => f.Reason == "NodeFailed") >= 10);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        // Each failure is followed by its recovery exactly the repair time later.
        foreach (var failure in first.Where(f => f.Reason == "NodeFailed"))
        {
            var back = failure.Time + SimDuration.FromMinutes(10);
            if (back <= At("48h")) Assert.Contains((back, "NodeRecovered", failure.Node), first);
        }
    }

    /// <summary>The first failure of each node is the node's draw, taken in store order from the model's stream.</summary>
    [Fact]
    public void First_failures_are_the_draws_of_the_models_stream_in_node_order()
    {
        var ttf = DurationDistribution.Exponential(SimDuration.FromHours(6));
        var cluster = RunModel(7, "0s", Model("flaky", ttf, DurationDistribution.Constant(SimDuration.FromMinutes(10))));
        var stream = new RandomStreams(7).Get("failures/flaky");
        var expected = cluster.NodeNames().Select(n => (Node: n, At: SimTime.Zero + ttf.Sample(stream))).ToList();

        cluster.RunTo("200h");
        var firstFailures = Faults(cluster).Where(f => f.Reason == "NodeFailed").GroupBy(f => f.Node).ToDictionary(g => g.Key, g => g.First().Time);
        foreach (var (node, at) in expected)
            if (at <= At("200h")) Assert.Equal(at, firstFailures[node]);
    }

    /// <summary>Sample means against the distributions' means (fixed seed, 200,000 draws: within 1 %).</summary>
    [Theory]
    [InlineData("exponential", 1000.0, 0.0, 1000.0)]
    [InlineData("weibull", 1.5, 1000.0, 902.7453)]
    [InlineData("weibull", 0.7, 3600.0, 4556.9646)]
    [InlineData("lognormal", 600.0, 0.5, 679.8891)]
    public void Sample_means_are_close_to_the_distribution_means(string kind, double p1, double p2, double mean)
    {
        var distribution = kind switch
        {
            "exponential" => DurationDistribution.Exponential(SimDuration.FromSeconds(p1)),
            "weibull" => DurationDistribution.Weibull(p1, SimDuration.FromSeconds(p2)),
            _ => DurationDistribution.LogNormal(SimDuration.FromSeconds(p1), p2),
        };
        Assert.Equal(mean, distribution.MeanSeconds, mean * 1e-4);

        var random = new MersenneTwister(42, threadSafe: false);
        const int n = 200_000;
        double sum = 0;
        for (int i = 0; i < n; i++) sum += distribution.Sample(random).TotalSeconds;
        Assert.Equal(mean, sum / n, mean * 0.01);
    }

    [Fact]
    public void A_constant_draws_nothing_from_the_stream()
    {
        var used = new MersenneTwister(1, threadSafe: false);
        var fresh = new MersenneTwister(1, threadSafe: false);
        Assert.Equal(SimDuration.FromMinutes(10), DurationDistribution.Constant(SimDuration.FromMinutes(10)).Sample(used));
        Assert.Equal(fresh.NextDouble(), used.NextDouble());
    }

    [Fact]
    public void A_correlated_model_fails_and_recovers_all_nodes_of_a_zone_together()
    {
        var model = Model("zone-outage", DurationDistribution.Exponential(SimDuration.FromHours(12)),
            DurationDistribution.Exponential(SimDuration.FromHours(1)), correlatedBy: "topology.kubernetes.io/zone");
        var faults = Faults(RunModel(3, "96h", model));

        var failures = faults.Where(f => f.Reason == "NodeFailed").GroupBy(f => f.Time).ToList();
        Assert.NotEmpty(failures);
        foreach (var instant in failures)
        {
            var nodes = instant.Select(f => f.Node).ToList();
            Assert.True(nodes.SequenceEqual(["a-0", "a-1", "a-2"]) || nodes.SequenceEqual(["b-0", "b-1"]), string.Join(",", nodes));
        }
        foreach (var instant in faults.Where(f => f.Reason == "NodeRecovered").GroupBy(f => f.Time))
            Assert.Contains(instant.Count(), new[] { 3, 2 });
    }

    [Fact]
    public void A_selector_limits_the_model_to_matching_nodes()
    {
        var selector = LabelSelector.FromLabels(new Dictionary<string, string> { ["topology.kubernetes.io/zone"] = "b" });
        var model = Model("b-only", DurationDistribution.Exponential(SimDuration.FromHours(2)), DurationDistribution.Constant(SimDuration.FromMinutes(5)), selector);
        var faults = Faults(RunModel(5, "48h", model));

        Assert.NotEmpty(faults);
        Assert.All(faults, f => Assert.StartsWith("b-", f.Node, StringComparison.Ordinal));
    }

    /// <summary>A node that registers in a zone that is down goes down with it, and comes back with it.</summary>
    [Fact]
    public void A_node_added_to_a_failed_unit_joins_the_outage()
    {
        var model = Model("zone-outage", DurationDistribution.Constant(SimDuration.FromMinutes(10)),
            DurationDistribution.Constant(SimDuration.FromMinutes(30)), correlatedBy: "topology.kubernetes.io/zone");
        var cluster = RunModel(1, "15m", model);
        cluster.Store.AddNode(new NodeBuilder("a-9").Zone("a").Build());
        cluster.Store.AddNode(new NodeBuilder("c-0").Zone("c").Build());
        cluster.RunTo("40m");

        var faults = Faults(cluster);
        Assert.Contains((At("15m"), "NodeFailed", "a-9"), faults);
        Assert.Contains((At("40m"), "NodeRecovered", "a-9"), faults);
        // Zone c starts its own clock when its first node registers.
        Assert.Contains((At("25m"), "NodeFailed", "c-0"), faults);
    }

    /// <summary>Fault clocks run forever, so they are housekeeping: a finished workload ends the run.</summary>
    [Fact]
    public void Random_faults_do_not_keep_a_finished_run_alive()
    {
        var cluster = NewCluster(new NodeBuilder("n1"), new NodeBuilder("n2"));
        cluster.Sim.Faults.AddModel(Model("flaky", DurationDistribution.Exponential(SimDuration.FromHours(1)), DurationDistribution.Constant(SimDuration.FromMinutes(5))));
        cluster.Create(new PodBuilder("job").Runs("10m"));

        var result = cluster.Sim.Run(null);
        Assert.InRange(result.EndTime.Microseconds, At("10m").Microseconds, At("2h").Microseconds);
    }

    /// <summary>A failed node holds the run until its pods are evicted; then only housekeeping is left.</summary>
    [Fact]
    public void A_run_without_a_duration_waits_for_the_eviction_of_a_failed_nodes_pods()
    {
        var cluster = NewCluster(new NodeBuilder("n1"), new NodeBuilder("n2"));
        var pod = cluster.Create(new PodBuilder("p").OnNode("n1"));
        cluster.FailAt("10s", "n1");

        var result = cluster.Sim.Run(null);
        Assert.True(pod.IsTerminating);
        Assert.InRange(result.EndTime.Microseconds, At("360s").Microseconds, At("380s").Microseconds);
    }

    /// <summary>Llama 3 405B: 2,048 nodes of 8 H100 for 54 days, 419 unexpected interruptions.</summary>
    [Fact]
    public void The_8_gpu_node_default_is_264_node_days_between_failures()
    {
        Assert.Equal(22_804_651_073_985L, FaultModelDefaults.EightGpuNodeMeanTimeBetweenFailures.Microseconds);
        Assert.Equal(263.94, FaultModelDefaults.EightGpuNodeMeanTimeBetweenFailures.TotalSeconds / 86_400, 0.01);
        Assert.Equal(new DurationDistribution(DistributionKind.Exponential, 22_804_651.073985), FaultModelDefaults.EightGpuNodeTimeToFailure);
    }
}
