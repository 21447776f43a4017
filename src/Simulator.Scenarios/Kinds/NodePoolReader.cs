using Simulator.Cluster.Api;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// <c>ksim.dev/v1alpha1 NodePool</c>: <c>count</c> identical nodes named <c>&lt;pool&gt;-&lt;i&gt;</c>,
/// expanded in place so that file order is node order.
/// </summary>
internal static class NodePoolReader
{
    public static void Read(SourceDocument document, LoadContext context)
    {
        var errors = context.Errors;
        int before = errors.Count;
        var root = SourceField.Root(document.Root);
        var (pool, nameField) = KsimDocument.ReadName(root, errors);
        // A label, not a subdomain: the name is also the value of the ksim.dev/node-pool label.
        KubernetesNames.Check(nameField, pool, NameRule.Label, errors);

        var spec = root.Child("spec");
        FieldValues.CheckFields(spec, errors, "count", "template", "pricePerHour", "autoscaling");
        var countField = spec.Child("count");
        var count = FieldValues.Integer(countField, errors, 0, InputLimits.MaxNodes);
        if (countField.IsMissing) errors.At(countField, "Required value");

        var template = spec.Child("template");
        if (template.IsMissing) errors.At(template, "Required value");
        FieldValues.CheckFields(template, errors, "metadata", "spec", "capacity", "allocatable", "images");
        var templateMetadata = template.Child("metadata");
        FieldValues.CheckFields(templateMetadata, errors, "labels", "annotations");
        var labels = FieldValues.StringMap(templateMetadata.Child("labels"), errors);
        var annotations = FieldValues.StringMap(templateMetadata.Child("annotations"), errors);

        var templateSpec = template.Child("spec");
        FieldValues.CheckFields(templateSpec, errors, "taints", "unschedulable");
        var taints = ReadTaints(templateSpec.Child("taints"), errors);
        bool unschedulable = FieldValues.Bool(templateSpec.Child("unschedulable"), errors) ?? false;

        var resources = NodeCapacity.Read(template.Child("capacity"), template.Child("allocatable"), errors);
        var images = new List<string>();
        foreach (var image in FieldValues.List(template.Child("images"), errors))
            if (FieldValues.String(image, errors) is { Length: > 0 } name) images.Add(name);

        var price = FieldValues.NonNegativeNumber(spec.Child("pricePerHour"), errors);
        var autoscaling = NodePoolAutoscalingReader.Read(spec.Child("autoscaling"), countField, count, errors);
        if (errors.Count > before || resources is not { } r || count is not { } n || pool is null) return;
        var slice = TpuSliceRules.Read(labels, templateMetadata.Child("labels"), r.Capacity, n, countField, errors);
        // A multi-host slice exists only whole (its hosts share one ICI topology), so the Cluster
        // Autoscaler's unit of one node per step cannot add or remove part of it.
        if (slice is not null && autoscaling is not null)
            errors.At(spec.Child("autoscaling"), $"a multi-host TPU slice pool (topology \"{slice.Topology}\", {slice.Chips} chips on {n} hosts) is created and removed only as a whole slice, so it cannot be autoscaled node by node; remove spec.autoscaling");
        if (errors.Count > before) return;
        if (!context.HasRoomForNodes(n, countField)) return;

        var nodePool = new NodePool
        {
            Name = pool,
            Count = (int)n,
            Labels = labels,
            Annotations = annotations,
            Taints = taints,
            Unschedulable = unschedulable,
            Capacity = r.Capacity,
            Allocatable = r.Allocatable,
            Images = images,
            PricePerHour = (double)(price ?? 0),
            Slice = slice,
            Autoscaling = autoscaling,
        };
        if (!context.TryAddPool(nodePool, nameField)) return;
        for (int i = 0; i < n; i++)
        {
            // One report per pool is enough: the rest of its names collide the same way.
            if (!context.TryAddNode(nodePool.NewNode(i), nameField)) return;
        }
    }

    private static List<Taint> ReadTaints(SourceField taintsField, ScenarioErrors errors)
    {
        var taints = new List<Taint>();
        foreach (var item in FieldValues.List(taintsField, errors))
        {
            if (!FieldValues.CheckFields(item, errors, "key", "value", "effect")) continue;
            var taint = TaintRules.Build(
                FieldValues.String(item.Child("key"), errors),
                FieldValues.String(item.Child("value"), errors),
                FieldValues.String(item.Child("effect"), errors),
                item, errors);
            if (taint is not null) taints.Add(taint);
        }
        return taints;
    }
}
