using Simulator.Cluster.Api;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;
using static Simulator.Cluster.Tests.Workloads.Training.TrainingKit;

namespace Simulator.Cluster.Tests.Workloads.Training;

/// <summary>
/// Checkpoints and lost work: a node failure at time t stops the worker at t, the progress since
/// the last checkpoint (every checkpoint-every of training time since the segment began) is lost,
/// and when the node is back the job reloads its checkpoint for checkpoint-restore before training
/// on. The pod restarts 1 s after its node recovers (the kubelet's container start).
/// </summary>
public class CheckpointTests
{
    private static (TestCluster Cluster, SimTime Up) Started(TrainingSpec spec, int gpus = 1)
    {
        var cluster = new TestCluster().Nodes(GpuNode("gpu-0", V100Label, gpus));
        TrainingKit.Pod(cluster, "train", spec, gpus);
        cluster.RunTo("10s");
        return (cluster, Record(cluster, "train").AllWorkersUp!.Value);
    }

    private static void FailAndRecover(TestCluster cluster, SimTime failAt, SimTime recoverAt)
    {
        cluster.Engine.RunUntil(failAt);
        cluster.Sim.Kubelets.FailNode("gpu-0");
        cluster.Engine.RunUntil(recoverAt);
        cluster.Sim.Kubelets.RecoverNode("gpu-0");
    }

    [Fact]
    public void A_failure_250s_into_training_with_checkpoints_every_100s_loses_exactly_50s_of_steps()
    {
        var (cluster, up) = Started(Spec(steps: 20_000, checkpointEvery: "100s", restore: "30s"));
        var recoverAt = up + SimDuration.FromSeconds(400);
        FailAndRecover(cluster, up + SimDuration.FromSeconds(250), recoverAt);
        cluster.RunFor("2h");

        var record = Record(cluster, "train");
        Assert.Equal(1, record.Interruptions);
        Assert.Equal(50 * V100x1, record.LostSteps, 1e-6);
        Assert.Equal(50.0 / 3600, record.LostGpuHours, 1e-12);
        // Back 1 s after the node, then 30 s of restore, then the steps the checkpoint at 200 s did not cover.
        var restored = cluster.EventsFor("Pod", "default/train", "CheckpointRestored").Single().Time;
        Assert.Equal(recoverAt + SimDuration.FromSeconds(1) + SimDuration.FromSeconds(30), restored);
        Assert.Equal(restored + TimeFor(20_000 - 200 * V100x1, V100x1), record.Finished);
    }

    [Fact]
    public void Without_checkpoints_a_failure_loses_everything_and_training_starts_over_without_a_restore()
    {
        var (cluster, up) = Started(Spec(steps: 20_000, restore: "30s"));
        var recoverAt = up + SimDuration.FromSeconds(400);
        FailAndRecover(cluster, up + SimDuration.FromSeconds(250), recoverAt);
        cluster.RunFor("2h");

        var record = Record(cluster, "train");
        Assert.Equal(250 * V100x1, record.LostSteps, 1e-6);
        Assert.Empty(cluster.EventsFor("Pod", "default/train", "CheckpointRestored"));
        Assert.Equal(recoverAt + SimDuration.FromSeconds(1) + TimeFor(20_000, V100x1), record.Finished);
    }

    [Fact]
    public void A_failure_exactly_on_a_checkpoint_loses_nothing()
    {
        var (cluster, up) = Started(Spec(steps: 20_000, checkpointEvery: "100s"));
        FailAndRecover(cluster, up + SimDuration.FromSeconds(300), up + SimDuration.FromSeconds(400));
        cluster.RunFor("2h");

        var record = Record(cluster, "train");
        Assert.Equal(1, record.Interruptions);
        Assert.Equal(0, record.LostSteps);
        Assert.Equal(0, record.LostGpuHours);
    }

    [Fact]
    public void Lost_GPU_hours_are_the_lost_training_time_times_the_GPUs_that_were_training()
    {
        // 4 GPUs, checkpoints every 10 min, failure at 1000 s: 400 s lost on 4 GPUs = 0.4444 GPU-hours.
        var (cluster, up) = Started(Spec(steps: 200_000, checkpointEvery: "10m"), gpus: 4);
        FailAndRecover(cluster, up + SimDuration.FromSeconds(1000), up + SimDuration.FromSeconds(1100));
        cluster.RunFor("1h");

        var record = Record(cluster, "train");
        Assert.Equal(400 * 4 / 3600.0, record.LostGpuHours, 1e-12);
        Assert.Equal(400 * V100x4, record.LostSteps, 1e-6);
        Assert.Equal(record.LostGpuHours, cluster.Sim.Training.Summarize().LostGpuHours);
    }

    [Fact]
    public void The_worker_stops_at_the_instant_of_the_node_failure_not_when_the_node_controller_notices()
    {
        var (cluster, up) = Started(Spec(steps: 20_000, checkpointEvery: "1h"));
        var failAt = up + SimDuration.FromSeconds(100);
        cluster.Engine.RunUntil(failAt);
        cluster.Sim.Kubelets.FailNode("gpu-0");
        cluster.RunFor("2m");

        var interrupted = cluster.EventsFor("Pod", "default/train", "TrainingInterrupted").Single();
        Assert.Equal(failAt, interrupted.Time);
        Assert.Equal(100 * V100x1, Record(cluster, "train").LostSteps, 1e-6);
    }

    [Fact]
    public void A_job_whose_worker_is_evicted_from_a_dead_node_resumes_on_a_new_pod_from_its_checkpoint()
    {
        // The default profile spreads the two workers (0.8 x the 2-GPU rate). One node never comes
        // back: the taint manager evicts its worker after 300 s of NotReady, the Job controller
        // creates a new one, and it lands next to the other worker (the full 2-GPU rate).
        var cluster = new TestCluster().Nodes(GpuNode("gpu-0", V100Label, 2), GpuNode("gpu-1", V100Label, 2));
        var job = TrainingKit.Job(cluster, "ddp", Spec(steps: 50_000, workers: 2, checkpointEvery: "5m", restore: "1m"));
        cluster.RunTo("10s");
        var first = cluster.PodsOf(job);
        Assert.NotEqual(first[0].Spec.NodeName, first[1].Spec.NodeName);
        var up = Record(cluster, "ddp").AllWorkersUp!.Value;
        cluster.Engine.RunUntil(up + SimDuration.FromSeconds(700));
        cluster.Sim.Kubelets.FailNode(first[0].Spec.NodeName);
        cluster.RunFor("3h");

        var record = Record(cluster, "ddp");
        double split = V100x2 * 0.8;
        Assert.Equal(100 * split, record.LostSteps, 1e-6);                    // 700 s - the checkpoint at 600 s
        Assert.Equal(100 * 2 / 3600.0, record.LostGpuHours, 1e-12);
        var restored = cluster.EventsFor(job, "CheckpointRestored").Single().Time;
        Assert.Equal(restored + TimeFor(50_000 - 600 * split, V100x2), record.Finished);
        Assert.Equal(Cluster.Metrics.JobOutcome.Complete, cluster.Sim.Metrics.Jobs.Single().Outcome);
    }
}
