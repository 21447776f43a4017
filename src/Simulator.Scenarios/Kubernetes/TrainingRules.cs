using System.Globalization;
using Simulator.Cluster.Api;
using Simulator.Cluster.Workloads.Training;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// What a training pod (<c>ksim.dev/model</c> + <c>ksim.dev/steps</c>) must be: it requests an
/// accelerator, and the throughput table has its model at the job's total accelerator count on
/// some accelerator type. The table check waits until every document is read, since the Scenario
/// document can add rows (<see cref="LoadContext.CheckWithThroughputTable"/>).
/// </summary>
internal static class TrainingRules
{
    private const int ModelsListed = 8;

    /// <summary>
    /// Checks a pod or template with <paramref name="workers"/> workers, each requesting what
    /// <paramref name="spec"/> requests; <paramref name="annotations"/> is where its annotations are written.
    /// </summary>
    public static void Check(Workload workload, PodSpec spec, int workers, SourceField annotations, LoadContext context)
    {
        if (workload.Training is not { } training) return;
        var modelField = annotations.Child(WorkloadAnnotations.Model);
        int perPod = AcceleratorsPerPod(spec);
        if (perPod == 0)
        {
            context.Errors.AtKey(modelField,
                $"a training pod must request an accelerator: {ResourceNames.NvidiaGpu}, {ResourceNames.GpuMilli} or {ResourceNames.GoogleTpu} in its containers' resources");
            return;
        }
        var errors = context.Errors;
        // The workers exit 0 when the steps are done; under Always the kubelet would start them again, forever.
        if (spec.RestartPolicy == RestartPolicy.Always)
        {
            errors.AtKey(modelField, "a training pod exits when its steps are done: set restartPolicy to Never or OnFailure (the default, Always, would restart it)");
            return;
        }
        context.CheckWithThroughputTable(table => CheckTable(table, training.Model, workers, perPod, modelField, errors));
    }

    /// <summary>
    /// A Deployment's or ReplicaSet's training template: its pods would be restarted after their
    /// last step (restartPolicy Always), so training belongs in a Job or PyTorchJob.
    /// </summary>
    public static void RunsToCompletion(PodTemplate template, SourceField templateField, ScenarioErrors errors)
    {
        if (template.Workload.Training is null || template.Spec.RestartPolicy != RestartPolicy.Always) return;
        errors.AtKey(templateField.Child("metadata").Child("annotations").Child(WorkloadAnnotations.Model),
            "a training pod exits when its steps are done: run it in a Job or PyTorchJob, not under restartPolicy Always");
    }

    /// <summary>Whole GPUs or TPU chips per pod; a fractional GPU counts as one accelerator, as in the training model.</summary>
    private static int AcceleratorsPerPod(PodSpec spec)
    {
        var requests = new Pod { Metadata = new ObjectMeta { Name = "" }, Spec = spec }.Requests;
        long gpus = requests.Get(ResourceNames.NvidiaGpu);
        if (gpus > 0) return (int)Math.Min(gpus, int.MaxValue);
        long tpus = requests.Get(ResourceNames.GoogleTpu);
        if (tpus > 0) return (int)Math.Min(tpus, int.MaxValue);
        return requests.Get(ResourceNames.GpuMilli) > 0 ? 1 : 0;
    }

    private static void CheckTable(ThroughputTable table, string model, int workers, int perPod, SourceField modelField, ScenarioErrors errors)
    {
        if (table.ResolveModel(model) is not { } known)
        {
            errors.At(modelField, UnknownModel(model, table));
            return;
        }
        long total = (long)workers * perPod;
        var counts = table.CountsFor(known);
        if (total <= int.MaxValue && counts.Contains((int)total)) return;
        var how = workers == 1 ? $"{perPod} per pod" : $"{workers} workers x {perPod} per pod";
        errors.At(modelField, $"the throughput table has no rate for {known} on {total} accelerators ({how}); "
            + $"it has {known} on {Counts(counts)} accelerators");
    }

    /// <summary>
    /// Why <paramref name="model"/> cannot be trained: the message for every place a model is named
    /// (training annotations, a WorkloadGenerator's mix), with a "did you mean" that compares names
    /// the way they are matched.
    /// </summary>
    public static string UnknownModel(string model, ThroughputTable table) =>
        $"unknown model \"{model}\" in the throughput table{Suggestions.Hint(model, Candidates(table), ThroughputTable.Normalize)} "
        + $"(known: {KnownModels(table)}; a Scenario's spec.throughputTable can add rows)";

    /// <summary>"1, 2, 4 or 8".</summary>
    private static string Counts(IReadOnlyList<int> counts) => counts.Count switch
    {
        0 => "no",
        1 => counts[0].ToString(CultureInfo.InvariantCulture),
        _ => string.Join(", ", counts.Take(counts.Count - 1)) + " or " + counts[^1].ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Full model names and their families ("ResNet-50"), for the "did you mean" hint.</summary>
    private static IEnumerable<string> Candidates(ThroughputTable table)
    {
        foreach (var model in table.Models)
        {
            yield return model;
            int paren = model.IndexOf(" (", StringComparison.Ordinal);
            if (paren > 0) yield return model[..paren];
        }
    }

    private static string KnownModels(ThroughputTable table)
    {
        var families = table.Models
            .Select(m => m.IndexOf(" (", StringComparison.Ordinal) is var p and > 0 ? m[..p] : m)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var listed = string.Join(", ", families.Take(ModelsListed));
        return families.Count > ModelsListed ? listed + ", ..." : listed;
    }
}
