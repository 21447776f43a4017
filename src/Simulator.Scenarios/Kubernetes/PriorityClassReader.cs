using k8s.Models;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary><c>scheduling.k8s.io/v1 PriorityClass</c>, checked as ValidatePriorityClass and the admission plugin do.</summary>
internal static class PriorityClassReader
{
    public static void Read(SourceDocument document, LoadContext context)
    {
        var errors = context.Errors;
        var root = SourceField.Root(document.Root);
        var v1 = TypedManifest.Read<V1PriorityClass>(context.Text, document, [], errors);
        if (v1 is null) return;

        int before = errors.Count;
        var nameField = root.Child("metadata").Child("name");
        var name = v1.Metadata?.Name;
        KubernetesNames.Check(nameField, name, NameRule.Subdomain, errors, "Required value: name or generateName is required");
        int value = v1.Value ?? 0;
        if (name is not null && name.StartsWith(PriorityClassTable.SystemPrefix, StringComparison.Ordinal))
            errors.At(nameField, $"Forbidden: priority class names with '{PriorityClassTable.SystemPrefix}' prefix are reserved for system use only");
        else if (value > PriorityClassTable.HighestUserDefinablePriority)
            errors.At(root.Child("value"), $"Forbidden: maximum allowed value of a user defined priority is {PriorityClassTable.HighestUserDefinablePriority}");
        var policy = PodRules.PreemptionPolicy(v1.PreemptionPolicy, root.Child("preemptionPolicy"), errors);
        if (errors.Count > before || name is null) return;

        var info = new PriorityClassInfo(name, value, v1.GlobalDefault ?? false,
            policy ?? Cluster.Api.PreemptionPolicy.PreemptLowerPriority, errors.Here(nameField.Position.Line));
        var clashField = context.PriorityClasses.Find(name) is null ? root.Child("globalDefault") : nameField;
        if (context.PriorityClasses.TryAdd(info, errors) is { } clash) errors.At(clashField, clash);
    }
}
