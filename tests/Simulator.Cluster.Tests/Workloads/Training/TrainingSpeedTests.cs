using Simulator.Cluster.Api;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;
using static Simulator.Cluster.Tests.Workloads.Training.TrainingKit;

namespace Simulator.Cluster.Tests.Workloads.Training;

/// <summary>
/// How fast training jobs run: steps / the throughput table's rate for the accelerators they hold,
/// the slowest worker's type for a mixed job, and the scatter penalty when spread over nodes.
/// Every pod takes 1 s from binding to running (the kubelet's container start).
/// </summary>
public class TrainingSpeedTests
{
    [Theory]
    [InlineData(V100Label, V100x1)]
    [InlineData(K80Label, K80x1)]
    public void A_ResNet50_pod_finishes_in_steps_over_the_table_rate_of_its_GPU(string product, double rate)
    {
        var cluster = new TestCluster().Nodes(GpuNode("gpu-0", product, 1));
        var pod = TrainingKit.Pod(cluster, "train", Spec(steps: 20_000));

        cluster.RunFor("3h");

        var record = Record(cluster, "train");
        Assert.Equal(TestCluster.At("1s"), record.AllWorkersUp);
        Assert.Equal(TestCluster.At("1s") + TimeFor(20_000, rate), record.Finished);
        Assert.Equal(PodPhase.Succeeded, pod.Status.Phase);
        Assert.Equal([product == V100Label ? "v100" : "k80"], record.AcceleratorTypes);
    }

    [Fact]
    public void A_job_counts_as_active_only_while_a_worker_is_up()
    {
        var cluster = new TestCluster().Nodes(GpuNode("gpu-0", V100Label, 1), GpuNode("gpu-1", V100Label, 1));
        var done = TrainingKit.Pod(cluster, "done", Spec(steps: 1_000));
        var gone = TrainingKit.Pod(cluster, "gone", Spec(steps: 1_000_000));
        cluster.RunFor("2s");
        Assert.Equal(2, cluster.Sim.Training.ActiveJobs);

        cluster.RunFor("10m");   // "done" has finished its steps
        Assert.Equal(PodPhase.Succeeded, done.Status.Phase);
        Assert.Equal(1, cluster.Sim.Training.ActiveJobs);

        cluster.Delete(gone);    // deleted part-way: nothing of it is left to stop
        cluster.RunFor("1m");
        Assert.Equal(0, cluster.Sim.Training.ActiveJobs);
    }

    [Fact]
    public void The_same_job_on_a_K80_takes_the_V100_to_K80_throughput_ratio_longer()
    {
        var v100 = new TestCluster().Nodes(GpuNode("gpu-0", V100Label, 1));
        var k80 = new TestCluster().Nodes(GpuNode("gpu-0", K80Label, 1));
        TrainingKit.Pod(v100, "train", Spec(steps: 20_000));
        TrainingKit.Pod(k80, "train", Spec(steps: 20_000));
        v100.RunFor("3h");
        k80.RunFor("3h");

        double onV100 = Record(v100, "train").RunTime!.Value.TotalSeconds;
        double onK80 = Record(k80, "train").RunTime!.Value.TotalSeconds;
        Assert.Equal(1755.0, onV100, 0.5);   // 20,000 / 11.396
        Assert.Equal(8693.7, onK80, 0.5);    // 20,000 / 2.3005
        Assert.Equal(V100x1 / K80x1, onK80 / onV100, 1e-6);
    }

    [Fact]
    public void A_four_worker_job_with_one_worker_on_a_K80_runs_at_the_K80_rate_for_four_GPUs()
    {
        var cluster = new TestCluster().Nodes(
            GpuNode("v100-0", V100Label, 1), GpuNode("v100-1", V100Label, 1), GpuNode("v100-2", V100Label, 1),
            GpuNode("k80-0", K80Label, 1));
        var job = TrainingKit.Job(cluster, "ddp", Spec(steps: 10_000, workers: 4, scatter: 1.0));

        cluster.RunFor("3h");

        var record = Record(cluster, "ddp");
        Assert.Equal(4, record.Accelerators);
        Assert.Equal(["k80", "v100"], record.AcceleratorTypes);
        // min(23.196 steps/s on 4 x V100, 7.704 on 4 x K80): the K80 worker holds every all-reduce back.
        Assert.Equal(TimeFor(10_000, K80x4), record.RunTime);
        Assert.Equal(Cluster.Metrics.JobOutcome.Complete, JobOutcome(cluster, job));
    }

    [Fact]
    public void A_job_split_over_two_nodes_runs_at_the_table_rate_times_the_default_scatter_penalty_of_0_8()
    {
        var split = new TestCluster().Nodes(GpuNode("a", V100Label, 1), GpuNode("b", V100Label, 1));
        var packed = new TestCluster().Nodes(GpuNode("a", V100Label, 2));
        TrainingKit.Job(split, "ddp", Spec(steps: 10_000, workers: 2));
        TrainingKit.Job(packed, "ddp", Spec(steps: 10_000, workers: 2));
        split.RunFor("2h");
        packed.RunFor("2h");

        Assert.Equal(TimeFor(10_000, V100x2), Record(packed, "ddp").RunTime);
        Assert.Equal(TimeFor(10_000, V100x2 * 0.8), Record(split, "ddp").RunTime);
    }

    [Fact]
    public void A_scatter_penalty_annotation_replaces_the_default()
    {
        var cluster = new TestCluster().Nodes(GpuNode("a", V100Label, 1), GpuNode("b", V100Label, 1));
        TrainingKit.Job(cluster, "ddp", Spec(steps: 10_000, workers: 2, scatter: 0.5));
        cluster.RunFor("2h");
        Assert.Equal(TimeFor(10_000, V100x2 * 0.5), Record(cluster, "ddp").RunTime);
    }

    [Fact]
    public void A_job_waits_without_progress_until_all_its_workers_run()
    {
        // Two workers, room for one: the placed worker holds its GPU and the job makes no progress.
        var cluster = new TestCluster().Nodes(GpuNode("a", V100Label, 1));
        var job = TrainingKit.Job(cluster, "ddp", Spec(steps: 100, workers: 2));
        cluster.RunFor("1h");

        var record = Record(cluster, "ddp");
        Assert.Null(record.AllWorkersUp);
        Assert.Null(record.Finished);
        Assert.Equal(0, cluster.Sim.Training.StepsDone(cluster.PodsOf(job)[0]));
    }

    [Fact]
    public void The_finished_job_completes_through_the_job_controller_with_its_training_columns()
    {
        var cluster = new TestCluster().Nodes(GpuNode("a", V100Label, 4));
        var job = TrainingKit.Job(cluster, "ddp", Spec(steps: 23_196, workers: 4));
        cluster.RunFor("2h");

        var jobRecord = cluster.Sim.Metrics.Jobs.Single();
        Assert.Equal(Cluster.Metrics.JobOutcome.Complete, jobRecord.Outcome);
        Assert.Same(Record(cluster, "ddp"), jobRecord.Training);
        Assert.Equal(SimDuration.FromSeconds(1), jobRecord.Training!.QueueingDelay);
        Assert.Equal(TimeFor(23_196, V100x4), jobRecord.Training.RunTime);   // 1000.0 s
        Assert.All(cluster.PodsOf(job), p => Assert.Equal(PodPhase.Succeeded, p.Status.Phase));
        Assert.Single(cluster.EventsFor(job, "TrainingCompleted"));
    }

    [Fact]
    public void A_half_GPU_trains_at_half_the_single_GPU_rate()
    {
        var cluster = new TestCluster().Nodes(GpuNode("gpu-0", V100Label, 1));
        var built = new PodBuilder("half").Cpu("1").Resource(ResourceNames.GpuMilli, 500).Build();
        cluster.Store.CreatePod(new Pod { Metadata = built.Metadata, Spec = built.Spec, Workload = built.Workload with { Training = Spec(steps: 10_000) } });
        cluster.RunFor("2h");

        var record = Record(cluster, "half");
        Assert.Equal(1, record.Accelerators);
        Assert.Equal(TimeFor(10_000, V100x1 * 0.5), record.RunTime);
    }

    [Fact]
    public void On_an_accelerator_the_table_does_not_know_the_job_stalls_with_a_warning()
    {
        var cluster = new TestCluster().Nodes(GpuNode("gpu-0", "NVIDIA-L4", 1));
        TrainingKit.Pod(cluster, "train", Spec(steps: 100));
        cluster.RunFor("1h");

        Assert.Null(Record(cluster, "train").Finished);
        var stalled = cluster.EventsFor("Pod", "default/train", "TrainingStalled").Single();
        Assert.Equal(
            "Its 1 worker(s) are running but the job cannot train: node gpu-0 has no accelerator the throughput table knows (label \"NVIDIA-L4\")",
            stalled.Message);
    }

    private static Cluster.Metrics.JobOutcome JobOutcome(TestCluster cluster, Job job) =>
        cluster.Sim.Metrics.Jobs.Single(j => j.Uid == job.Metadata.Uid).Outcome;
}
