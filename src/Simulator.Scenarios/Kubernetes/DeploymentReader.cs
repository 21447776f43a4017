using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary><c>apps/v1 Deployment</c>: replicas of a pod template, rolled out by a strategy.</summary>
internal static class DeploymentReader
{
    public static void Read(SourceDocument document, LoadContext context)
    {
        var errors = context.Errors;
        var root = SourceField.Root(document.Root);
        var spec = root.Child("spec");
        var templateField = spec.Child("template");
        var v1 = TypedManifest.Read<V1Deployment>(context.Text, document, PodTemplateReader.QuantityFields(templateField), errors);
        if (v1 is null) return;

        int before = errors.Count;
        var meta = WorkloadMetadata.Read(v1.Metadata, root.Child("metadata"), errors);
        if (v1.Spec is not { } s)
        {
            errors.At(spec, "Required value");
            return;
        }
        int replicas = WorkloadRules.NonNegative(s.Replicas, 1, spec.Child("replicas"), errors);
        var selector = WorkloadRules.RequiredSelector(spec.Child("selector"), errors);
        WorkloadRules.SelectorMatchesTemplate(selector, s.Template?.Metadata?.Labels, templateField, errors);
        var template = PodTemplateReader.Read(s.Template, templateField, context);
        if (template is not null) WorkloadRules.RestartPolicyIn(template, templateField, errors, RestartPolicy.Always);
        var strategy = DeploymentStrategyReader.Read(spec.Child("strategy"), errors);
        int minReadySeconds = WorkloadRules.NonNegative(s.MinReadySeconds, 0, spec.Child("minReadySeconds"), errors);
        int revisionHistoryLimit = WorkloadRules.NonNegative(s.RevisionHistoryLimit, 10, spec.Child("revisionHistoryLimit"), errors);
        int progressDeadline = WorkloadRules.NonNegative(s.ProgressDeadlineSeconds, 600, spec.Child("progressDeadlineSeconds"), errors);
        // ValidateDeploymentSpec: a deadline within minReadySeconds could never be met.
        if (s.ProgressDeadlineSeconds is { } deadline && deadline <= minReadySeconds)
            errors.At(spec.Child("progressDeadlineSeconds"), $"Invalid value: {deadline}: must be greater than minReadySeconds");
        if (errors.Count > before || meta is null || selector is null || template is null || strategy is null) return;

        var deployment = new Deployment
        {
            Metadata = meta.Metadata,
            Spec = new DeploymentSpec
            {
                Replicas = replicas,
                Selector = selector,
                Template = template,
                Strategy = strategy,
                MinReadySeconds = minReadySeconds,
                RevisionHistoryLimit = revisionHistoryLimit,
                ProgressDeadlineSeconds = progressDeadline,
            },
        };
        context.AddWorkload(new ObjectSubmission(meta.SubmitAt, deployment), meta.NameField, "deployments.apps");
    }
}
