using Simulator.Scenarios.Kinds;
using Simulator.Scenarios.Kubernetes;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Loading;

/// <summary>Reads one document of a known kind into the load context, reporting errors there.</summary>
internal delegate void DocumentReader(SourceDocument document, LoadContext context);

/// <summary>
/// When a kind is read. Definitions other documents refer to by name (PriorityClass) are read
/// first, so a Pod may come before the class it names, as kubectl apply allows for a file.
/// Objects that point at other objects (an HPA at its Deployment, Traffic at its Service) come
/// after those. The Scenario document comes last: its timeline names nodes and pools defined
/// anywhere in the file.
/// </summary>
internal enum ReadPhase
{
    Definitions,
    Objects,
    References,
    Scenario,
}

internal sealed record KindEntry(string ApiVersion, string Kind, ReadPhase Phase, DocumentReader Read)
{
    public override string ToString() => $"{ApiVersion} {Kind}";
}

/// <summary>Every kind a scenario may contain: adding a kind is one reader and one line here.</summary>
internal static class KindRegistry
{
    public const string KsimApiVersion = "ksim.dev/v1alpha1";

    private static readonly KindEntry[] Entries =
    [
        new("v1", "Node", ReadPhase.Objects, NodeReader.Read),
        new("v1", "Pod", ReadPhase.Objects, PodReader.Read),
        new("apps/v1", "Deployment", ReadPhase.Objects, DeploymentReader.Read),
        new("apps/v1", "ReplicaSet", ReadPhase.Objects, ReplicaSetReader.Read),
        new("batch/v1", "Job", ReadPhase.Objects, JobReader.Read),
        new("v1", "Service", ReadPhase.Objects, ServiceReader.Read),
        new("autoscaling/v2", "HorizontalPodAutoscaler", ReadPhase.References, HorizontalPodAutoscalerReader.Read),
        new("scheduling.k8s.io/v1", "PriorityClass", ReadPhase.Definitions, PriorityClassReader.Read),
        new(KubeSchedulerConfigurationReader.ApiVersion, "KubeSchedulerConfiguration", ReadPhase.Definitions, KubeSchedulerConfigurationReader.Read),
        new("scheduling.x-k8s.io/v1alpha1", "PodGroup", ReadPhase.Objects, PodGroupReader.Read),
        new("kubeflow.org/v1", "PyTorchJob", ReadPhase.Objects, PyTorchJobReader.Read),
        new("policy/v1", "PodDisruptionBudget", ReadPhase.Objects, PodDisruptionBudgetReader.Read),
        new(KsimApiVersion, "NodePool", ReadPhase.Objects, NodePoolReader.Read),
        new(KsimApiVersion, "WorkloadGenerator", ReadPhase.Objects, WorkloadGeneratorReader.Read),
        new(KsimApiVersion, "TraceReplay", ReadPhase.Objects, TraceReplayReader.Read),
        new(KsimApiVersion, "Traffic", ReadPhase.References, TrafficReader.Read),
        new(KsimApiVersion, "Scenario", ReadPhase.Scenario, ScenarioSettingsReader.Read),
    ];

    /// <summary>The entry for a document's apiVersion and kind, or null after reporting why there is none.</summary>
    public static KindEntry? Identify(SourceDocument document, ScenarioErrors errors)
    {
        var root = SourceField.Root(document.Root);
        if (document.Root is not SourceMapping)
        {
            errors.At(root, $"expected a map with apiVersion and kind, got {document.Root.Describe()}");
            return null;
        }

        var apiVersionField = root.Child("apiVersion");
        var kindField = root.Child("kind");
        var apiVersion = FieldValues.String(apiVersionField, errors);
        var kind = FieldValues.String(kindField, errors);
        if (apiVersion is null && apiVersionField.IsMissing)
            errors.At(apiVersionField, "Required value: every document needs an apiVersion and a kind");
        if (kind is null && kindField.IsMissing)
            errors.At(kindField, "Required value: every document needs an apiVersion and a kind");
        if (apiVersion is null || kind is null) return null;

        foreach (var entry in Entries)
            if (entry.ApiVersion == apiVersion && entry.Kind == kind) return entry;

        foreach (var entry in Entries)
        {
            if (entry.Kind != kind) continue;
            errors.At(apiVersionField, $"kind \"{kind}\" has apiVersion \"{entry.ApiVersion}\", not \"{apiVersion}\"");
            return null;
        }
        string hint = Suggestions.Hint(kind, Entries.Select(e => e.Kind));
        errors.At(kindField, $"unknown kind \"{kind}\" for apiVersion \"{apiVersion}\"{hint} (known: {string.Join(", ", Entries.Select(e => e.ToString()))})");
        return null;
    }
}
