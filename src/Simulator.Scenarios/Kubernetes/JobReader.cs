using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary><c>batch/v1 Job</c>: runs pods until enough succeed, retrying failures up to backoffLimit.</summary>
internal static class JobReader
{
    /// <summary>The label the API server puts on a Job's pods and selects them by (with controller-uid, which ksim omits).</summary>
    public const string JobNameLabel = "batch.kubernetes.io/job-name";

    /// <summary>The older spelling, still set by Kubernetes for compatibility.</summary>
    public const string LegacyJobNameLabel = "job-name";

    /// <summary>ValidateJobSpec's bound on completions and parallelism in Indexed mode.</summary>
    private const int MaxIndexedCompletions = 100_000;

    public static void Read(SourceDocument document, LoadContext context)
    {
        var errors = context.Errors;
        var root = SourceField.Root(document.Root);
        var spec = root.Child("spec");
        var templateField = spec.Child("template");
        var v1 = TypedManifest.Read<V1Job>(context.Text, document, PodTemplateReader.QuantityFields(templateField), errors);
        if (v1 is null) return;

        int before = errors.Count;
        var meta = WorkloadMetadata.Read(v1.Metadata, root.Child("metadata"), errors);
        if (v1.Spec is not { } s)
        {
            errors.At(spec, "Required value");
            return;
        }
        int parallelism = WorkloadRules.NonNegative(s.Parallelism, 1, spec.Child("parallelism"), errors);
        // SetDefaults_Job: completions default to 1 only when parallelism is unset too; parallelism
        // alone means a work queue that is done when any pod succeeds.
        int? completions = s.Completions is null
            ? s.Parallelism is null ? 1 : null
            : WorkloadRules.NonNegative(s.Completions, 1, spec.Child("completions"), errors);
        int backoffLimit = WorkloadRules.NonNegative(s.BackoffLimit, 6, spec.Child("backoffLimit"), errors);
        if (s.ActiveDeadlineSeconds is <= 0)
            errors.At(spec.Child("activeDeadlineSeconds"), $"Invalid value: {s.ActiveDeadlineSeconds}: must be greater than 0");
        var mode = CompletionModeOf(s, spec, completions, parallelism, errors);

        var (selector, generatedLabels) = Selector(s, spec, meta, templateField, errors);
        var template = PodTemplateReader.Read(s.Template, templateField, context, generatedLabels);
        if (template is not null)
            WorkloadRules.RestartPolicyIn(template, templateField, errors, RestartPolicy.OnFailure, RestartPolicy.Never);
        if (errors.Count > before || meta is null || selector is null || template is null || mode is null) return;

        var job = new Job
        {
            Metadata = meta.Metadata,
            Spec = new JobSpec
            {
                Parallelism = parallelism,
                Completions = completions,
                BackoffLimit = backoffLimit,
                ActiveDeadlineSeconds = s.ActiveDeadlineSeconds,
                CompletionMode = mode.Value,
                Selector = selector,
                Template = template,
            },
        };
        context.AddWorkload(new ObjectSubmission(meta.SubmitAt, job), meta.NameField, "jobs.batch");
    }

    private static CompletionMode? CompletionModeOf(V1JobSpec s, SourceField spec, int? completions, int parallelism, ScenarioErrors errors)
    {
        var field = spec.Child("completionMode");
        switch (s.CompletionMode)
        {
            case null or "" or "NonIndexed":
                return CompletionMode.NonIndexed;
            case "Indexed":
                // Every index must exist up front: a work queue (no completions) has none.
                if (completions is null)
                    errors.At(spec.Child("completions"), "Required value: when completion mode is Indexed");
                else if (completions > MaxIndexedCompletions)
                    errors.At(spec.Child("completions"), $"Invalid value: {completions}: must be less than or equal to {MaxIndexedCompletions} when completion mode is Indexed");
                if (parallelism > MaxIndexedCompletions)
                    errors.At(spec.Child("parallelism"), $"Invalid value: {parallelism}: must be less than or equal to {MaxIndexedCompletions} when completion mode is Indexed");
                return CompletionMode.Indexed;
            default:
                return PodRules.Unsupported<CompletionMode>(s.CompletionMode, field, errors, "\"NonIndexed\", \"Indexed\"");
        }
    }

    /// <summary>
    /// The Job's selector and the labels the API server adds to its template. Kubernetes
    /// generates both unless <c>manualSelector</c> is true; then the written selector must match
    /// the template like a ReplicaSet's.
    /// </summary>
    private static (LabelSelector? Selector, Dictionary<string, string>? Labels) Selector(
        V1JobSpec s, SourceField spec, WorkloadMetadata? meta, SourceField template, ScenarioErrors errors)
    {
        var selectorField = spec.Child("selector");
        if (s.ManualSelector == true)
        {
            if (selectorField.IsMissing) errors.At(selectorField, "Required value");
            var manual = LabelSelectorReader.Read(selectorField, errors);
            WorkloadRules.SelectorMatchesTemplate(manual, s.Template?.Metadata?.Labels, template, errors);
            return (manual, null);
        }
        if (!selectorField.IsMissing)
        {
            errors.At(selectorField, $"`selector` not auto-generated: leave it out (the Job's pods are selected by {JobNameLabel}) or set spec.manualSelector: true");
            return (null, null);
        }
        if (meta is null) return (null, null);
        string name = meta.Metadata.Name;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [JobNameLabel] = name, [LegacyJobNameLabel] = name };
        var selector = LabelSelector.FromLabels(new Dictionary<string, string>(StringComparer.Ordinal) { [JobNameLabel] = name });
        return (selector, labels);
    }
}
