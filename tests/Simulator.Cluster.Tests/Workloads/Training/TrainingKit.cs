using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Workloads.Training;

/// <summary>
/// Training jobs for tests: Gavel's ResNet-50 at batch size 16, whose rates are quoted here from
/// the table so that every expectation is a number a reader can check against the CSV.
/// </summary>
internal static class TrainingKit
{
    public const string Model = "ResNet-50 (batch size 16)";
    public const double V100x1 = 11.396129065315943;
    public const double K80x1 = 2.3005199880283542;
    public const double V100x2 = 13.859757680196113;
    public const double V100x4 = 23.195585654383645;
    public const double K80x4 = 7.704099165853955;

    public const string V100Label = "Tesla-V100-SXM2-16GB";
    public const string K80Label = "Tesla-K80";

    public static NodeBuilder GpuNode(string name, string product, int gpus) =>
        new NodeBuilder(name).Cpu("32").Memory("128Gi").Gpus(gpus).Label("nvidia.com/gpu.product", product);

    public static TrainingSpec Spec(long steps, int workers = 1, string? checkpointEvery = null, string restore = "0s", double? scatter = null) => new()
    {
        Model = Model,
        Steps = steps,
        Workers = workers,
        CheckpointEvery = checkpointEvery is null ? null : SimDuration.Parse(checkpointEvery),
        CheckpointRestore = SimDuration.Parse(restore),
        ScatterPenalty = scatter,
    };

    /// <summary>A bare training pod with <paramref name="gpus"/> GPUs.</summary>
    public static Pod Pod(TestCluster cluster, string name, TrainingSpec spec, int gpus = 1, string? product = null)
    {
        var builder = new PodBuilder(name).Cpu("1").Gpus(gpus);
        if (product is not null) builder.NodeSelector("nvidia.com/gpu.product", product);
        var built = builder.Build();
        var pod = new Pod { Metadata = built.Metadata, Spec = built.Spec, Workload = built.Workload with { Training = spec } };
        cluster.Store.CreatePod(pod);
        return pod;
    }

    /// <summary>A batch/v1 Job of spec.Workers training pods of <paramref name="gpus"/> GPUs each (completions = parallelism).</summary>
    public static Job Job(TestCluster cluster, string name, TrainingSpec spec, int gpus = 1, RestartPolicy restart = RestartPolicy.OnFailure)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = name };
        var requests = ResourceList.From(new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [ResourceNames.Cpu] = 1000,
            [ResourceNames.NvidiaGpu] = gpus,
        });
        var job = new Job
        {
            Metadata = new ObjectMeta { Name = name },
            Spec = new JobSpec
            {
                Parallelism = spec.Workers,
                Completions = spec.Workers,
                Selector = LabelSelector.FromLabels(labels),
                Template = new PodTemplate
                {
                    Labels = labels,
                    Spec = new PodSpec
                    {
                        Containers = [new Container("trainer", "registry.example/train:1", requests, requests)],
                        RestartPolicy = restart,
                    },
                    Workload = new Workload { Training = spec },
                },
            },
        };
        cluster.Store.Jobs.Create(job);
        return job;
    }

    public static TrainingRecord Record(TestCluster cluster, string name) =>
        cluster.Sim.Training.Records.Single(r => r.Name == name);

    /// <summary>Steps at a rate take this long, rounded up to the microsecond as the model schedules it.</summary>
    public static SimDuration TimeFor(double steps, double rate) =>
        SimDuration.FromMicroseconds((long)Math.Ceiling(steps / rate * 1e6));

    public static void RunToEnd(TestCluster cluster) => cluster.RunFor("30d");
}
