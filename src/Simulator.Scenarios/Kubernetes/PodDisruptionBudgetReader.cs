using Simulator.Cluster.Api;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// <c>policy/v1 PodDisruptionBudget</c>: minAvailable or maxUnavailable (an integer or a
/// percentage, not both, as ValidatePodDisruptionBudgetSpec requires) and a selector. Read from
/// the source tree, strictly: an unknown field is an error at its position. A <c>status</c> copied
/// from a real cluster is accepted and ignored: ksim computes disruptionsAllowed itself.
/// <c>unhealthyPodEvictionPolicy</c> is not modelled and is rejected rather than ignored.
/// </summary>
internal static class PodDisruptionBudgetReader
{
    public const string Resource = "poddisruptionbudgets.policy";

    public static void Read(SourceDocument document, LoadContext context)
    {
        var errors = context.Errors;
        int before = errors.Count;
        var root = SourceField.Root(document.Root);
        FieldValues.CheckFields(root, errors, "apiVersion", "kind", "metadata", "spec", "status");
        var (meta, name, submitAt, nameField) = ManifestMetadata.ReadUntyped(root.Child("metadata"), errors);

        var spec = root.Child("spec");
        if (spec.IsMissing)
        {
            errors.At(spec, "Required value: minAvailable or maxUnavailable, and a selector");
            return;
        }
        FieldValues.CheckFields(spec, errors, "minAvailable", "maxUnavailable", "selector");
        var minField = spec.Child("minAvailable");
        var maxField = spec.Child("maxUnavailable");
        var minAvailable = DeploymentStrategyReader.IntOrPercent(minField, errors);
        var maxUnavailable = DeploymentStrategyReader.IntOrPercent(maxField, errors);
        if (!minField.IsMissing && !maxField.IsMissing)
            errors.At(maxField, "Invalid value: minAvailable and maxUnavailable cannot be both set");
        foreach (var (field, value) in new[] { (minField, minAvailable), (maxField, maxUnavailable) })
            if (value is { IsPercent: true, Value: > 100 })
                errors.At(field, $"Invalid value: \"{value}\": must not be greater than 100%");
        var selectorField = spec.Child("selector");
        var selector = LabelSelectorReader.Read(selectorField, errors);
        if (selectorField.IsMissing) errors.At(selectorField, "Required value: the pods the budget covers, e.g. {matchLabels: {app: web}}");
        if (errors.Count > before || name is null || selector is null) return;

        var pdb = new PodDisruptionBudget
        {
            Metadata = meta,
            Spec = new PodDisruptionBudgetSpec { MinAvailable = minAvailable, MaxUnavailable = maxUnavailable, Selector = selector },
        };
        context.AddWorkload(new ObjectSubmission(submitAt, pdb), nameField, Resource);
    }
}
