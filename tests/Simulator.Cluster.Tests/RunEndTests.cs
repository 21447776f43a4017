using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests;

/// <summary>Where and why a run stops.</summary>
public class RunEndTests
{
    private static TestCluster Cluster() =>
        new(new ClusterOptions { MaxRunTimeWithoutDuration = SimDuration.FromHours(2) });

    [Fact]
    public void Without_a_duration_the_run_stops_when_nothing_is_left_to_happen()
    {
        var cluster = Cluster().Nodes(new NodeBuilder("a").Cpu("1"));
        cluster.Create(new PodBuilder("job").Cpu("500m").Runs("95s"));
        cluster.Create(new PodBuilder("too-big").Cpu("2"));

        var result = cluster.Sim.Run(end: null);

        Assert.Equal(RunEnd.Quiescent, result.EndReason);
        Assert.False(result.Partial);
        // The job finishes at 96 s; the next 10 s metrics tick sees only housekeeping timers.
        Assert.Equal(100, result.EndTime.TotalSeconds);
    }

    [Fact]
    public void A_cluster_that_never_goes_quiet_stops_at_the_safety_limit()
    {
        var cluster = Cluster().Nodes(new NodeBuilder("a").Cpu("1"));
        cluster.Create(new PodBuilder("crashy").Cpu("500m").Restart(RestartPolicy.Always).FailureRate(60));

        var result = cluster.Sim.Run(end: null);

        Assert.Equal(RunEnd.TimeLimit, result.EndReason);
        Assert.Equal(2 * 3600, result.EndTime.TotalSeconds);
        Assert.True(result.Summary.PodsRunningAtEnd + result.Summary.PodsPendingAtEnd == 1);
    }

    [Fact]
    public void With_a_duration_the_run_stops_there()
    {
        var cluster = Cluster().Nodes(new NodeBuilder("a").Cpu("1"));
        cluster.Create(new PodBuilder("web").Cpu("500m"));

        var result = cluster.Sim.Run(SimTime.Zero + SimDuration.FromMinutes(5));

        Assert.Equal(RunEnd.Duration, result.EndReason);
        Assert.Equal(300, result.EndTime.TotalSeconds);
    }

    [Fact]
    public void Cancellation_marks_the_result_partial()
    {
        var cluster = Cluster().Nodes(new NodeBuilder("a").Cpu("1"));
        cluster.Create(new PodBuilder("web").Cpu("500m"));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var result = cluster.Sim.Run(SimTime.Zero + SimDuration.FromMinutes(5), cancellationToken: cancel.Token);

        Assert.Equal(RunEnd.Interrupted, result.EndReason);
        Assert.True(result.Partial);
    }
}
