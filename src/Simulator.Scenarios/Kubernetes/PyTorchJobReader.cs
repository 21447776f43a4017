using Simulator.Cluster.Api;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// <c>kubeflow.org/v1 PyTorchJob</c> (Kubeflow training-operator v1): Master and Worker replicas,
/// each a number of pods from a pod template, and a runPolicy. The job's own fields are read from
/// the source tree as strictly as the ksim kinds (an unknown field is an error); the metadata and
/// the templates go through the readers every workload uses, so their <c>ksim.dev/</c>
/// annotations, resources and rules apply. Checks are the operator's ValidateV1PyTorchJob and
/// defaults its SetDefaults_PyTorchJob.
/// </summary>
internal static class PyTorchJobReader
{
    /// <summary>The operator requires a container of this name in every replica: the one it configures.</summary>
    public const string DefaultContainerName = "pytorch";

    /// <summary>Pods per replica type at most; far beyond any real job, it bounds hostile input.</summary>
    public const int MaxReplicas = 100_000;

    private static readonly string[] SpecFields = ["pytorchReplicaSpecs", "runPolicy", "nprocPerNode"];
    private static readonly string[] ReplicaFields = ["replicas", "restartPolicy", "template"];

    /// <summary>One entry of pytorchReplicaSpecs: its type in the operator's spelling and the key as written.</summary>
    private sealed record ReplicaEntry(string Type, string Key, SourceField Field, int Replicas, RestartPolicy RestartPolicy);

    public static void Read(SourceDocument document, LoadContext context)
    {
        var errors = context.Errors;
        int before = errors.Count;
        var root = SourceField.Root(document.Root);
        FieldValues.CheckFields(root, errors, "apiVersion", "kind", "metadata", "spec");
        var spec = root.Child("spec");
        if (spec.IsMissing)
        {
            errors.At(spec, "Required value: pytorchReplicaSpecs with a Master and/or Workers");
            return;
        }
        FieldValues.CheckFields(spec, errors, SpecFields);
        var replicas = ReplicaEntries(spec.Child("pytorchReplicaSpecs"), errors);
        int total = replicas.Sum(r => r.Replicas);
        var runPolicy = RunPolicyReader.Read(spec.Child("runPolicy"), total, errors);
        // The typed read below would stop at the first of these errors with a vaguer message.
        if (errors.Count > before) return;

        var templates = replicas.Select(r => r.Field.Child("template")).ToList();
        if (WorkloadDocument.Read<PyTorchJobManifest, PyTorchJobManifestSpec>(document, context, templates) is not (var workload, var s)) return;
        if (workload.Metadata is { } meta)
            KubernetesNames.Check(meta.NameField, meta.Metadata.Name, NameRule.Dns1035Label, errors); // ValidateV1PyTorchJob

        var specs = new Dictionary<string, ReplicaSpec>(StringComparer.Ordinal);
        foreach (var entry in replicas)
        {
            PyTorchReplicaManifest? v1 = null;
            s.PytorchReplicaSpecs?.TryGetValue(entry.Key, out v1);
            if (Template(entry, v1, total, context) is { } template)
                specs[entry.Type] = new ReplicaSpec { Replicas = entry.Replicas, RestartPolicy = entry.RestartPolicy, Template = template };
        }
        TrainTogether(replicas, specs, total, context);
        workload.Submit("pytorchjobs.kubeflow.org", metadata => new PyTorchJob
        {
            Metadata = metadata,
            Spec = new PyTorchJobSpec { ReplicaSpecs = specs, RunPolicy = runPolicy },
        });
    }

    /// <summary>
    /// pytorchReplicaSpecs: Master and Worker in any letter case (the operator camel-cases the
    /// keys), at least one replica in all, at most one Master.
    /// </summary>
    private static List<ReplicaEntry> ReplicaEntries(SourceField field, ScenarioErrors errors)
    {
        var entries = new List<ReplicaEntry>();
        if (field.IsMissing)
        {
            errors.At(field, "Required value: a Master and/or Workers");
            return entries;
        }
        if (field.Node is not SourceMapping)
        {
            errors.At(field, $"expected a map of Master and Worker replicas, got {field.Node!.Describe()}");
            return entries;
        }
        int before = errors.Count;
        foreach (var (key, child) in field.Entries())
        {
            var type = PyTorchJob.ReplicaTypes.FirstOrDefault(t => string.Equals(t, key, StringComparison.OrdinalIgnoreCase));
            if (type is null)
            {
                errors.AtKey(child, $"Unsupported value: \"{key}\": supported values: \"Master\", \"Worker\" (a PyTorchJob's replica types)");
                continue;
            }
            if (entries.Exists(e => e.Type == type))
            {
                errors.AtKey(child, $"Duplicate value: \"{key}\": {type} is given twice");
                continue;
            }
            if (child.Node is not SourceMapping)
            {
                errors.At(child, $"expected a map with replicas, restartPolicy and template, got {child.Node?.Describe() ?? "null"}");
                continue;
            }
            FieldValues.CheckFields(child, errors, ReplicaFields);
            var replicasField = child.Child("replicas");
            var count = FieldValues.Integer(replicasField, errors, 0, MaxReplicas);
            if (type == PyTorchJob.Master && count is { } n && n != 1)
                errors.At(replicasField, $"Invalid value: {n}: there must be only 1 master replica");
            var template = child.Child("template");
            if (template.IsMissing) errors.At(template, "Required value");
            entries.Add(new ReplicaEntry(type, key, child, (int)(count ?? 1), RestartPolicyOf(child.Child("restartPolicy"), errors)));
        }
        if (errors.Count == before && entries.Sum(e => e.Replicas) == 0)
            errors.At(field, "Invalid value: the job has no replicas: give a Master or at least one Worker");
        return entries;
    }

    /// <summary>
    /// The replica's restartPolicy; OnFailure by default. ExitCode (re-create the pod when its exit
    /// code says the failure is retryable) is read as OnFailure: ksim has no exit codes, so every
    /// failure is retryable, and the container restarts in place.
    /// </summary>
    private static RestartPolicy RestartPolicyOf(SourceField field, ScenarioErrors errors)
    {
        switch (FieldValues.String(field, errors))
        {
            case null or "OnFailure" or "ExitCode": return RestartPolicy.OnFailure;
            case "Always": return RestartPolicy.Always;
            case "Never": return RestartPolicy.Never;
            case var other:
                errors.At(field, $"Unsupported value: \"{other}\": supported values: \"Always\", \"OnFailure\", \"Never\", \"ExitCode\"");
                return RestartPolicy.OnFailure;
        }
    }

    /// <summary>
    /// The replica's pod template with the replica's restartPolicy (the operator overwrites the
    /// template's) and, for a training job, every replica counted as a worker.
    /// </summary>
    private static PodTemplate? Template(ReplicaEntry entry, PyTorchReplicaManifest? v1, int total, LoadContext context)
    {
        var field = entry.Field.Child("template");
        if (v1?.Template?.Spec is { } podSpec) podSpec.RestartPolicy = entry.RestartPolicy.ToString();
        var template = PodTemplateReader.Read(v1?.Template, field, context);
        if (template is null) return null;
        if (!template.Spec.Containers.Any(c => c.Name == DefaultContainerName))
        {
            context.Errors.At(field.Child("spec").Child("containers"),
                $"Invalid value: there is no container named \"{DefaultContainerName}\" in {entry.Type} (training-operator requires one)");
            return null;
        }
        if (template.Workload.Training is not { } training) return template;
        return new PodTemplate
        {
            Labels = template.Labels,
            Annotations = template.Annotations,
            Spec = template.Spec,
            Workload = template.Workload with { Training = training with { Workers = total } },
        };
    }

    /// <summary>
    /// A training PyTorchJob trains as one data-parallel group (the Master is rank 0), so either
    /// every replica is a training pod of the same model and steps, or none is. The throughput
    /// table must then have the model on all the job's accelerators (checked once, on the first
    /// replica's template).
    /// </summary>
    private static void TrainTogether(List<ReplicaEntry> replicas, Dictionary<string, ReplicaSpec> specs, int total, LoadContext context)
    {
        if (replicas.Count == 0 || !specs.TryGetValue(replicas[0].Type, out var first)) return;
        var training = first.Template.Workload.Training;
        foreach (var entry in replicas.Skip(1))
        {
            if (!specs.TryGetValue(entry.Type, out var spec)) return; // its template's errors are reported
            var other = spec.Template.Workload.Training;
            if (other?.Model == training?.Model && other?.Steps == training?.Steps) continue;
            context.Errors.At(Annotations(entry), $"Invalid value: {Describe(entry.Type, other)} but {Describe(replicas[0].Type, training)}: "
                + $"a PyTorchJob's replicas train together, so every replica needs the same {WorkloadAnnotations.Model} and {WorkloadAnnotations.Steps}");
            return;
        }
        TrainingRules.Check(first.Template.Workload, first.Template.Spec, total, Annotations(replicas[0]), context);
    }

    private static SourceField Annotations(ReplicaEntry entry) => entry.Field.Child("template").Child("metadata").Child("annotations");

    private static string Describe(string type, TrainingSpec? training) =>
        training is null ? $"{type} is not a training pod" : $"{type} trains {training.Model} for {training.Steps} steps";
}
