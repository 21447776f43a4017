using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Engine;
using Simulator.Scenarios.Kubernetes;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// A WorkloadGenerator's <c>template</c>: the few pod settings its jobs share, kept deliberately
/// small (a full pod template would invite settings the generator overrides anyway, such as the
/// GPU request):
/// <code>
/// template:
///   labels: {team: research}
///   image: nvcr.io/nvidia/pytorch:24.05-py3
///   cpuPerGpu: "4"                 # requests scale with the drawn GPU count
///   memoryPerGpu: 16Gi
///   nodeSelector: {...}
///   tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
///   priorityClassName: batch
///   checkpointEvery: 30m           # ksim.dev/checkpoint-every of every job
///   checkpointRestore: 2m          # ksim.dev/checkpoint-restore
/// </code>
/// </summary>
internal static class GeneratedPodTemplateReader
{
    private static readonly string[] Fields =
        ["labels", "image", "cpuPerGpu", "memoryPerGpu", "nodeSelector", "tolerations", "priorityClassName", "checkpointEvery", "checkpointRestore"];

    /// <summary>The template (the defaults if absent), or null after reporting errors.</summary>
    public static GeneratedPodTemplate? Read(SourceField field, LoadContext context)
    {
        var errors = context.Errors;
        if (field.IsMissing) return new GeneratedPodTemplate();
        if (!FieldValues.CheckFields(field, errors, Fields)) return null;
        int before = errors.Count;

        var labels = FieldValues.StringMap(field.Child("labels"), errors);
        var nodeSelector = FieldValues.StringMap(field.Child("nodeSelector"), errors);
        var imageField = field.Child("image");
        var image = FieldValues.String(imageField, errors);
        if (image is { Length: 0 }) errors.At(imageField, "Required value: a container image, or leave the field out for the default");
        var cpu = FieldValues.Quantity(field.Child("cpuPerGpu"), errors, ResourceNames.Cpu);
        var memory = FieldValues.Quantity(field.Child("memoryPerGpu"), errors, ResourceNames.Memory);
        var tolerations = Tolerations(field.Child("tolerations"), errors);
        var checkpointEvery = FieldValues.Duration(field.Child("checkpointEvery"), errors, positive: true);
        var checkpointRestore = FieldValues.Duration(field.Child("checkpointRestore"), errors, positive: false);
        var className = FieldValues.String(field.Child("priorityClassName"), errors);
        var priority = PodPriority.Resolve(new V1PodSpec { PriorityClassName = className }, field, context.PriorityClasses, errors);
        if (errors.Count > before || priority is not { } p) return null;

        return new GeneratedPodTemplate
        {
            Image = string.IsNullOrEmpty(image) ? GeneratedPodTemplate.DefaultImage : image,
            CpuPerGpu = cpu ?? 0,
            MemoryPerGpu = memory ?? 0,
            Labels = labels,
            NodeSelector = nodeSelector,
            Tolerations = tolerations,
            PriorityClassName = p.ClassName,
            Priority = p.Value,
            PreemptionPolicy = p.PreemptionPolicy,
            CheckpointEvery = checkpointEvery,
            CheckpointRestore = checkpointRestore ?? SimDuration.Zero,
        };
    }

    /// <summary>Tolerations written as in a pod spec, checked by the pod's own rules.</summary>
    private static List<Toleration> Tolerations(SourceField field, ScenarioErrors errors)
    {
        var written = new List<V1Toleration>();
        bool malformed = false;
        foreach (var item in FieldValues.List(field, errors))
        {
            if (!FieldValues.CheckFields(item, errors, "key", "operator", "value", "effect", "tolerationSeconds"))
            {
                malformed = true;
                continue;
            }
            written.Add(new V1Toleration
            {
                Key = FieldValues.String(item.Child("key"), errors),
                OperatorProperty = FieldValues.String(item.Child("operator"), errors),
                Value = FieldValues.String(item.Child("value"), errors),
                Effect = FieldValues.String(item.Child("effect"), errors),
                TolerationSeconds = FieldValues.Integer(item.Child("tolerationSeconds"), errors, long.MinValue, long.MaxValue),
            });
        }
        // The pod rules report by index, so they only run when every item could be read.
        return malformed ? [] : TolerationReader.Read(written, field, errors);
    }
}
