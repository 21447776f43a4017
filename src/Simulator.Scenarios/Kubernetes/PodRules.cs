using Simulator.Cluster.Api;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>Pod enum fields, with the API server's "Unsupported value" messages.</summary>
internal static class PodRules
{
    public static PreemptionPolicy? PreemptionPolicy(string? text, SourceField field, ScenarioErrors errors) => text switch
    {
        null or "" => null,
        "PreemptLowerPriority" => Cluster.Api.PreemptionPolicy.PreemptLowerPriority,
        "Never" => Cluster.Api.PreemptionPolicy.Never,
        _ => Unsupported<PreemptionPolicy>(text, field, errors, "\"Never\", \"PreemptLowerPriority\""),
    };

    public static RestartPolicy? RestartPolicy(string? text, SourceField field, ScenarioErrors errors) => text switch
    {
        null or "" => null,
        "Always" => Cluster.Api.RestartPolicy.Always,
        "OnFailure" => Cluster.Api.RestartPolicy.OnFailure,
        "Never" => Cluster.Api.RestartPolicy.Never,
        _ => Unsupported<RestartPolicy>(text, field, errors, "\"Always\", \"Never\", \"OnFailure\""),
    };

    public static T? Unsupported<T>(string text, SourceField field, ScenarioErrors errors, string supported)
        where T : struct
    {
        errors.At(field, $"Unsupported value: \"{text}\": supported values: {supported}");
        return null;
    }
}
