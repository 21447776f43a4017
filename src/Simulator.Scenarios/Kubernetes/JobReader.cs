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
        if (WorkloadDocument.Read<V1Job, V1JobSpec>(document, context) is not (var workload, var s)) return;
        var (spec, errors) = (workload.Spec, workload.Errors);
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

        var (selector, generatedLabels) = Selector(s, workload);
        var template = workload.PodTemplate(s.Template, [RestartPolicy.OnFailure, RestartPolicy.Never], generatedLabels);
        if (template is not null) template = Training(template, completions, parallelism, workload, context);
        if (selector is null || template is null || mode is null) return;

        workload.Submit("jobs.batch", metadata => new Job
        {
            Metadata = metadata,
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
        });
    }

    /// <summary>
    /// A training Job's template with every pod counted as one of <paramref name="parallelism"/>
    /// data-parallel workers; the job trains once, so completions must equal parallelism (or be
    /// unset). Null after reporting an error; the template unchanged if it does not train.
    /// </summary>
    private static PodTemplate? Training(PodTemplate template, int? completions, int parallelism, WorkloadDocument workload, LoadContext context)
    {
        if (template.Workload.Training is not { } training) return template;
        var errors = workload.Errors;
        if (parallelism == 0)
        {
            errors.At(workload.Spec.Child("parallelism"), $"Invalid value: 0: must be greater than 0 for a training Job ({WorkloadAnnotations.Model}): it is the number of workers");
            return null;
        }
        if (completions is { } c && c != parallelism)
        {
            errors.At(workload.Spec.Child("completions"),
                $"Invalid value: {c}: must equal parallelism ({parallelism}) for a training Job ({WorkloadAnnotations.Model}): its {parallelism} workers train together and all complete when the steps are done");
            return null;
        }
        TrainingRules.Check(template.Workload, template.Spec, parallelism, workload.Template.Child("metadata").Child("annotations"), context);
        return new PodTemplate
        {
            Labels = template.Labels,
            Annotations = template.Annotations,
            Spec = template.Spec,
            Workload = template.Workload with { Training = training with { Workers = parallelism } },
        };
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
    private static (LabelSelector? Selector, Dictionary<string, string>? Labels) Selector(V1JobSpec s, WorkloadDocument workload)
    {
        var errors = workload.Errors;
        var selectorField = workload.Spec.Child("selector");
        if (s.ManualSelector == true)
        {
            if (selectorField.IsMissing) errors.At(selectorField, "Required value");
            var manual = LabelSelectorReader.Read(selectorField, errors);
            WorkloadRules.SelectorMatchesTemplate(manual, s.Template?.Metadata?.Labels, workload.Template, errors);
            return (manual, null);
        }
        if (!selectorField.IsMissing)
        {
            errors.At(selectorField, $"`selector` not auto-generated: leave it out (the Job's pods are selected by {JobNameLabel}) or set spec.manualSelector: true");
            return (null, null);
        }
        if (workload.Metadata is not { } meta) return (null, null);
        string name = meta.Metadata.Name;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [JobNameLabel] = name, [LegacyJobNameLabel] = name };
        var selector = LabelSelector.FromLabels(new Dictionary<string, string>(StringComparer.Ordinal) { [JobNameLabel] = name });
        return (selector, labels);
    }
}
