using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Fragmentation;
using Simulator.Cluster.Workloads.Traces;

namespace Simulator.Scenarios.Tests.Kinds;

/// <summary>
/// TraceReplay documents: the Alibaba GPU 2023 pod and node lists read by column name, and every
/// mistake in them reported as file:line: column X at the field that names the file.
/// </summary>
public sealed class TraceReplayTests : IDisposable
{
    private const string PodHeader = "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time";
    private const string NodeHeader = "sn,cpu_milli,memory_mib,gpu,model";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ksim-trace-" + Guid.NewGuid().ToString("N"));

    public TraceReplayTests() => Directory.CreateDirectory(Path.Combine(_dir, "data"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ScenarioLoadResult Load(string pods, string? nodes = null, string spec = "")
    {
        File.WriteAllText(Path.Combine(_dir, "data", "pods.csv"), pods);
        if (nodes is not null) File.WriteAllText(Path.Combine(_dir, "data", "nodes.csv"), nodes);
        var path = Path.Combine(_dir, "s.yaml");
        File.WriteAllText(path,
            "apiVersion: ksim.dev/v1alpha1\nkind: TraceReplay\nmetadata: {name: openb}\nspec:\n  format: alibaba-gpu-2023\n  pods: data/pods.csv\n"
            + (nodes is null ? "" : "  nodes: data/nodes.csv\n") + spec);
        return ScenarioLoader.Load(path);
    }

    private static string[] Messages(ScenarioLoadResult result) => [.. result.Errors.Select(e => $"{e.Line}:{e.Column}: {e.Field}: {e.Message}")];

    [Fact]
    public void Reads_pods_by_column_with_gpu_spec_split_and_nodes_with_their_gpu_model()
    {
        var result = Load(
            PodHeader + "\n" +
            "p-0,12000,16384,1,1000,,LS,Running,0,12537496,0\n" +
            "p-1,6000,12288,1,460,V100M16|V100M32,BE,Failed,427061,12902960,427061\n" +
            "p-2,88000,327680,8,1000,G2,LS,Running,5,9,5\n" +
            "p-3,4000,8192,0,0,,BE,Running,7,8,7\n",
            NodeHeader + "\nn-0,64000,262144,2,P100\nn-1,32000,131072,0,\n",
            "  mode: fill\n  fillTo: 130%\n");
        Assert.Empty(result.Errors);
        var scenario = result.Scenario!;
        var replay = scenario.TraceReplay!;
        Assert.Equal(("openb", ReplayMode.Fill, 130), (replay.Name, replay.Mode, replay.FillToPercent));
        Assert.Equal(4, replay.Pods.Count);
        Assert.Equal(new TracePod
        {
            Name = "p-1", CpuMilli = 6000, MemoryMib = 12288, GpuCount = 1, GpuMilli = 460,
            GpuModels = replay.Pods[1].GpuModels, CreationSeconds = 427061, DeletionSeconds = 12902960,
        }, replay.Pods[1]);
        Assert.Equal(["V100M16", "V100M32"], replay.Pods[1].GpuModels);
        Assert.Equal(8000, replay.Pods[2].TotalGpuMilli);
        Assert.Equal(0, replay.Pods[3].TotalGpuMilli);
        Assert.NotNull(scenario.TargetWorkload);

        Assert.Equal(["n-0", "n-1"], scenario.Nodes.Select(n => n.Name));
        var gpuNode = scenario.Nodes[0];
        Assert.Equal("P100", gpuNode.Metadata.Labels[AcceleratorLabels.GpuProduct]);
        Assert.Equal(2, gpuNode.Status.Allocatable.Get(ResourceNames.NvidiaGpu));
        Assert.Equal(64000, gpuNode.Status.Allocatable.Get(ResourceNames.Cpu));
        Assert.Equal(262144L * 1024 * 1024, gpuNode.Status.Allocatable.Get(ResourceNames.Memory));
        Assert.False(scenario.Nodes[1].Metadata.Labels.ContainsKey(AcceleratorLabels.GpuProduct));
        Assert.Equal(0, scenario.Nodes[1].Status.Allocatable.Get(ResourceNames.NvidiaGpu));
        Assert.Equal(
            [Path.Combine(_dir, "s.yaml"), Path.Combine(_dir, "data", "pods.csv"), Path.Combine(_dir, "data", "nodes.csv")],
            scenario.SourceFiles);
    }

    [Fact]
    public void The_target_workload_is_the_most_frequent_shapes_covering_the_given_share()
    {
        // Two pods of one shape (1 CPU, a whole GPU), one of another (2 CPU, a 0.5 share).
        const string pods = PodHeader + "\na,1000,1,1,1000,,LS,Running,0,1,0\nb,1000,1,1,1000,,LS,Running,0,1,0\nc,2000,1,1,500,,LS,Running,0,1,0\n";

        var all = Load(pods, spec: "").Scenario!.TargetWorkload!;
        var half = Load(pods, spec: "  targetWorkload: 50%\n").Scenario!.TargetWorkload!;

        Assert.Equal([(1000L, 1000, 2.0 / 3), (2000L, 500, 1.0 / 3)], all.Shapes.Select(w => (w.Shape.CpuMilli, w.Shape.GpuMilli, w.Weight)));
        Assert.Equal([(1000L, 1000, 1.0)], half.Shapes.Select(w => (w.Shape.CpuMilli, w.Shape.GpuMilli, w.Weight)));
    }

    [Fact]
    public void Limit_keeps_the_first_pods_and_replay_is_the_default_mode()
    {
        var result = Load(PodHeader + "\na,1,1,0,0,,LS,Running,0,1,0\nb,1,1,0,0,,LS,Running,0,1,0\nc,1,1,0,0,,LS,Running,0,1,0\n", spec: "  limit: 2\n");
        Assert.Empty(result.Errors);
        Assert.Equal(ReplayMode.Replay, result.Scenario!.TraceReplay!.Mode);
        Assert.Equal(["a", "b"], result.Scenario.TraceReplay.Pods.Select(p => p.Name));
    }

    [Fact]
    public void A_missing_column_is_reported_at_the_header_line()
    {
        var result = Load("name,cpu_milli,memory_mib,num_gpu,gpu_spec,creation_time,deletion_time\na,1,1,0,,0,1\n");
        Assert.Null(result.Scenario);
        Assert.Equal(["6:9: spec.pods: data/pods.csv:1: column gpu_milli: missing from the header (required: name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,creation_time,deletion_time)"],
            Messages(result));
    }

    [Fact]
    public void Bad_numbers_and_gpu_rules_are_reported_with_their_csv_line_and_column()
    {
        var result = Load(
            PodHeader + "\n" +
            "ok,1000,1024,1,500,,LS,Running,0,10,0\n" +
            "bad-cpu,lots,1024,1,500,,LS,Running,0,10,0\n" +
            "\n" +
            "bad-share,1000,1024,2,500,,LS,Running,0,10,0\n" +
            "cpu-with-milli,1000,1024,0,300,,LS,Running,0,10,0\n" +
            "big,1000,1024,1,1001,,LS,Running,-5,10,0\n" +
            "spec,1000,1024,1,1000,V100||T4,LS,Running,0,10,0\n" +
            "ok,1000,1024,1,500,,LS,Running,0,10,0\n");
        Assert.Null(result.Scenario);
        Assert.Equal(
            [
                "6:9: spec.pods: data/pods.csv:3: column cpu_milli: must be a whole number, got \"lots\"",
                "6:9: spec.pods: data/pods.csv:5: column gpu_milli: must be 1000 when num_gpu is more than 1 (a share is of one GPU), got \"500\"",
                "6:9: spec.pods: data/pods.csv:6: column gpu_milli: must be 0 when num_gpu is 0, got \"300\"",
                "6:9: spec.pods: data/pods.csv:7: column gpu_milli: must be between 0 and 1000, got \"1001\"",
                "6:9: spec.pods: data/pods.csv:7: column creation_time: must be between 0 and 40000000000, got \"-5\"",
                "6:9: spec.pods: data/pods.csv:8: column gpu_spec: each '|'-separated GPU model must be a valid label value (nvidia.com/gpu.product), got \"\"",
                "6:9: spec.pods: data/pods.csv:9: column name: pods \"ok\" already exists",
            ],
            Messages(result));
    }

    [Fact]
    public void Node_list_errors_name_the_nodes_field()
    {
        var result = Load(PodHeader + "\na,1,1,1,1000,,LS,Running,0,1,0\n", NodeHeader + "\nn-0,64000,262144,two,P100\nn-1,64000,262144,2,\n");
        Assert.Equal(
            [
                "7:10: spec.nodes: data/nodes.csv:2: column gpu: must be a whole number, got \"two\"",
                "7:10: spec.nodes: data/nodes.csv:3: column model: must be a GPU model that is a valid label value (nvidia.com/gpu.product) when gpu is more than 0, got \"\"",
            ],
            Messages(result));
    }

    [Fact]
    public void Spec_fields_are_checked()
    {
        Assert.Equal(["7:3: spec.fillTo: Forbidden: fillTo applies to mode: fill only"],
            Messages(Load(PodHeader + "\na,1,1,1,1000,,LS,Running,0,1,0\n", spec: "  fillTo: 130%\n")));
        Assert.Equal(["8:11: spec.fillTo: must be a whole percentage between 1% and 1000% of the cluster's GPUs, such as 130%, got \"1.3\""],
            Messages(Load(PodHeader + "\na,1,1,1,1000,,LS,Running,0,1,0\n", spec: "  mode: fill\n  fillTo: 1.3\n")));
        Assert.Equal(["7:9: spec.mode: Unsupported value: \"fil\": supported values: \"fill\", \"replay\""],
            Messages(Load(PodHeader + "\na,1,1,1,1000,,LS,Running,0,1,0\n", spec: "  mode: fil\n")));
        Assert.Equal(["6:9: spec.pods: fill mode needs pods with GPUs: the list's GPU request never reaches fillTo"],
            Messages(Load(PodHeader + "\na,1,1,0,0,,LS,Running,0,1,0\n", spec: "  mode: fill\n")));
        Assert.Equal(["7:19: spec.targetWorkload: must be a whole percentage of the pod list between 1% and 100%, such as 95%, got \"120%\""],
            Messages(Load(PodHeader + "\na,1,1,1,1000,,LS,Running,0,1,0\n", spec: "  targetWorkload: 120%\n")));
    }
}
