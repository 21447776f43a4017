using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary><c>v1 Node</c>: one node, written as <c>kubectl get node -o yaml</c> prints it.</summary>
internal static class NodeReader
{
    /// <summary>Set by the kubelet on every real node; selectors and topology spread rely on it.</summary>
    public const string HostnameLabel = "kubernetes.io/hostname";

    public static void Read(SourceDocument document, LoadContext context)
    {
        var errors = context.Errors;
        var root = SourceField.Root(document.Root);
        var status = root.Child("status");
        var capacityField = status.Child("capacity");
        var allocatableField = status.Child("allocatable");
        var quantities = capacityField.Entries().Concat(allocatableField.Entries()).Select(e => e.Field);
        var v1 = TypedManifest.Read<V1Node>(context.Text, document, quantities, errors);
        if (v1 is null) return;

        int before = errors.Count;
        var nameField = root.Child("metadata").Child("name");
        var name = v1.Metadata?.Name;
        KubernetesNames.Check(nameField, name, NameRule.Subdomain, errors, "Required value: name or generateName is required");

        var taints = new List<Taint>();
        var taintsField = root.Child("spec").Child("taints");
        var v1Taints = v1.Spec?.Taints ?? [];
        for (int i = 0; i < v1Taints.Count; i++)
        {
            var t = v1Taints[i];
            if (TaintRules.Build(t.Key, t.Value, t.Effect, taintsField.Item(i), errors) is { } taint) taints.Add(taint);
        }

        var resources = NodeCapacity.Read(capacityField, allocatableField, errors);
        if (errors.Count > before || resources is not { } r || name is null) return;

        var labels = new Dictionary<string, string>(v1.Metadata?.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        labels.TryAdd(HostnameLabel, name);
        var node = new Node
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = "",
                Labels = labels,
                Annotations = new Dictionary<string, string>(v1.Metadata?.Annotations ?? new Dictionary<string, string>(), StringComparer.Ordinal),
            },
            Spec = new NodeSpec { Unschedulable = v1.Spec?.Unschedulable ?? false, Taints = taints },
            Status = new NodeStatus { Capacity = r.Capacity, Allocatable = r.Allocatable },
        };
        foreach (var image in v1.Status?.Images ?? [])
            foreach (var imageName in image.Names ?? [])
                node.Status.Images.Add(imageName);

        if (context.HasRoomForNodes(1, nameField)) context.TryAddNode(node, nameField);
    }
}
