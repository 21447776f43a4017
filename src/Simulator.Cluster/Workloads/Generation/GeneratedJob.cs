using System.Globalization;
using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers;

namespace Simulator.Cluster.Workloads.Generation;

/// <summary>
/// The batch/v1 Job a generator submits for one draw: <c>&lt;generator&gt;-&lt;index&gt;</c>, one pod
/// (parallelism and completions 1, restartPolicy Never, the default backoffLimit) asking for the
/// drawn GPUs, and a training workload of the drawn model and steps. Labels and the selector are
/// what the API server would generate for a Job without manualSelector.
/// </summary>
public static class GeneratedJob
{
    /// <summary>On the Job and its pods: the generator that made them.</summary>
    public const string GeneratorLabel = "ksim.dev/generator";

    /// <summary>On the Job: its 0-based arrival index within the generator (the index <c>measure</c> counts).</summary>
    public const string IndexAnnotation = "ksim.dev/generator-index";

    public const string ContainerName = "trainer";

    /// <summary>The Job's name: the generator's name and the index.</summary>
    public static string NameOf(WorkloadGenerator generator, long index) =>
        generator.Name + "-" + index.ToString(CultureInfo.InvariantCulture);

    public static Job Create(WorkloadGenerator generator, long index, JobDraw draw)
    {
        string name = NameOf(generator, index);
        var t = generator.Template;
        var podLabels = new Dictionary<string, string>(t.Labels, StringComparer.Ordinal)
        {
            [GeneratorLabel] = generator.Name,
            [JobController.JobNameLabel] = name,
            ["job-name"] = name,
        };
        var requests = new List<KeyValuePair<string, long>> { new(ResourceNames.NvidiaGpu, draw.Gpus) };
        if (t.CpuPerGpu > 0) requests.Add(new(ResourceNames.Cpu, t.CpuPerGpu * draw.Gpus));
        if (t.MemoryPerGpu > 0) requests.Add(new(ResourceNames.Memory, t.MemoryPerGpu * draw.Gpus));
        var resources = ResourceList.From(requests);
        return new Job
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = generator.Namespace,
                Labels = new Dictionary<string, string>(StringComparer.Ordinal) { [GeneratorLabel] = generator.Name },
                Annotations = new Dictionary<string, string>(StringComparer.Ordinal) { [IndexAnnotation] = index.ToString(CultureInfo.InvariantCulture) },
            },
            Spec = new JobSpec
            {
                Selector = LabelSelector.FromLabels(new Dictionary<string, string>(StringComparer.Ordinal) { [JobController.JobNameLabel] = name }),
                Template = new PodTemplate
                {
                    Labels = podLabels,
                    Spec = new PodSpec
                    {
                        // Limits equal requests: extended resources such as GPUs must have both.
                        Containers = [new Container(ContainerName, t.Image, resources, resources)],
                        NodeSelector = t.NodeSelector,
                        Tolerations = t.Tolerations,
                        PriorityClassName = t.PriorityClassName,
                        Priority = t.Priority,
                        PreemptionPolicy = t.PreemptionPolicy,
                        RestartPolicy = RestartPolicy.Never,
                    },
                    Workload = new Workload
                    {
                        Training = new TrainingSpec
                        {
                            Model = draw.Model,
                            Steps = draw.Steps,
                            Workers = 1,
                            CheckpointEvery = t.CheckpointEvery,
                            CheckpointRestore = t.CheckpointRestore,
                        },
                    },
                },
            },
        };
    }
}
