using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary><c>apps/v1 ReplicaSet</c>: keeps a number of pods from one template running.</summary>
internal static class ReplicaSetReader
{
    public static void Read(SourceDocument document, LoadContext context)
    {
        if (WorkloadDocument.Read<V1ReplicaSet, V1ReplicaSetSpec>(document, context) is not (var workload, var s)) return;
        var pods = ReplicatedPods.Read(s.Replicas, s.Template, workload);
        int minReadySeconds = WorkloadRules.NonNegative(s.MinReadySeconds, 0, workload.Spec.Child("minReadySeconds"), workload.Errors);
        if (pods is null) return;

        workload.Submit("replicasets.apps", metadata => new ReplicaSet
        {
            Metadata = metadata,
            Spec = new ReplicaSetSpec
            {
                Replicas = pods.Replicas,
                Selector = pods.Selector,
                Template = pods.Template,
                MinReadySeconds = minReadySeconds,
            },
        });
    }
}
