using k8s.Models;
using Simulator.Cluster.Api;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// What a Deployment and a ReplicaSet both hold: a number of replicas of a pod template, selected
/// by a selector that must match the template's labels. Their pods always restart.
/// </summary>
internal sealed record ReplicatedPods(int Replicas, LabelSelector Selector, PodTemplate Template)
{
    /// <summary>The replicas, selector and template, or null after reporting errors in the selector or template.</summary>
    public static ReplicatedPods? Read(int? replicas, V1PodTemplateSpec? template, WorkloadDocument workload)
    {
        var errors = workload.Errors;
        int count = WorkloadRules.NonNegative(replicas, 1, workload.Spec.Child("replicas"), errors);
        var selector = WorkloadRules.RequiredSelector(workload.Spec.Child("selector"), errors);
        WorkloadRules.SelectorMatchesTemplate(selector, template?.Metadata?.Labels, workload.Template, errors);
        var podTemplate = workload.PodTemplate(template, [RestartPolicy.Always]);
        return selector is null || podTemplate is null ? null : new ReplicatedPods(count, selector, podTemplate);
    }
}
