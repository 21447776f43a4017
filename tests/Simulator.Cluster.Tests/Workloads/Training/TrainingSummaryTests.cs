using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;
using static Simulator.Cluster.Tests.Workloads.Training.TrainingKit;

namespace Simulator.Cluster.Tests.Workloads.Training;

/// <summary>The run's training summary: completion times, makespan, lost GPU-hours.</summary>
public class TrainingSummaryTests
{
    [Fact]
    public void Three_jobs_queued_on_one_GPU_give_JCTs_of_one_two_and_three_run_times()
    {
        // One V100, three single-GPU jobs of 1000 s each (11,396.129 steps at 11.396 steps/s), all
        // submitted at 0: they run one after the other, each starting 1 s after the GPU frees up.
        var cluster = new TestCluster().Nodes(GpuNode("gpu-0", V100Label, 1));
        var steps = V100x1 * 1000;
        foreach (var name in (string[])["a", "b", "c"]) TrainingKit.Pod(cluster, name, Spec(steps: (long)Math.Round(steps)));
        cluster.RunFor("2h");

        var summary = cluster.Sim.Training.Summarize();
        var each = TimeFor(Math.Round(steps), V100x1).TotalSeconds;
        Assert.Equal(3, summary.Jobs);
        Assert.Equal(3, summary.Completed);
        var jcts = cluster.Sim.Training.Records.Select(r => r.CompletionTime!.Value.TotalSeconds).Order().ToArray();
        Assert.Equal(1 + each, jcts[0], 1e-6);
        Assert.Equal(2 + 2 * each, jcts[1], 1e-6);   // each job starts 1 s (the container start) after the one before ends
        Assert.Equal(3 + 3 * each, jcts[2], 1e-6);
        Assert.Equal(jcts.Average(), summary.CompletionTime.MeanSeconds, 1e-6);
        Assert.Equal(jcts[1], summary.CompletionTime.P50Seconds);
        Assert.Equal(jcts[2], summary.CompletionTime.P95Seconds);
        Assert.Equal(jcts[2], summary.MakespanSeconds, 1e-6);
        Assert.Equal(0, summary.LostGpuHours);
    }

    [Fact]
    public void The_run_result_carries_the_training_summary()
    {
        var cluster = new TestCluster().Nodes(GpuNode("gpu-0", V100Label, 1));
        TrainingKit.Pod(cluster, "a", Spec(steps: 1000));
        var result = cluster.Sim.Run(SimTime.Zero + SimDuration.FromHours(1));
        Assert.Equal(1, result.Summary.Training.Completed);
        Assert.Equal(1 + TimeFor(1000, V100x1).TotalSeconds, result.Summary.Training.CompletionTime.MeanSeconds, 1e-6);
    }
}
