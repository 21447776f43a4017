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
        if (WorkloadDocument.Read<V1Deployment, V1DeploymentSpec>(document, context) is not (var workload, var s)) return;
        var (spec, errors) = (workload.Spec, workload.Errors);
        var pods = ReplicatedPods.Read(s.Replicas, s.Template, workload);
        var strategy = DeploymentStrategyReader.Read(spec.Child("strategy"), errors);
        int minReadySeconds = WorkloadRules.NonNegative(s.MinReadySeconds, 0, spec.Child("minReadySeconds"), errors);
        int revisionHistoryLimit = WorkloadRules.NonNegative(s.RevisionHistoryLimit, 10, spec.Child("revisionHistoryLimit"), errors);
        int progressDeadline = WorkloadRules.NonNegative(s.ProgressDeadlineSeconds, 600, spec.Child("progressDeadlineSeconds"), errors);
        // ValidateDeploymentSpec: a deadline within minReadySeconds could never be met.
        if (s.ProgressDeadlineSeconds is { } deadline && deadline <= minReadySeconds)
            errors.At(spec.Child("progressDeadlineSeconds"), $"Invalid value: {deadline}: must be greater than minReadySeconds");
        if (pods is null || strategy is null) return;

        workload.Submit("deployments.apps", metadata => new Deployment
        {
            Metadata = metadata,
            Spec = new DeploymentSpec
            {
                Replicas = pods.Replicas,
                Selector = pods.Selector,
                Template = pods.Template,
                Strategy = strategy,
                MinReadySeconds = minReadySeconds,
                RevisionHistoryLimit = revisionHistoryLimit,
                ProgressDeadlineSeconds = progressDeadline,
            },
        });
    }
}
