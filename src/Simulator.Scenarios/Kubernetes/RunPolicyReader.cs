using Simulator.Cluster.Api;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// Kubeflow's <c>runPolicy</c> (kubeflow.org/v1 common_types.go): cleanPodPolicy, backoffLimit,
/// activeDeadlineSeconds and the gang the job asks for in schedulingPolicy.
/// </summary>
internal static class RunPolicyReader
{
    private static readonly string[] Fields = ["cleanPodPolicy", "backoffLimit", "activeDeadlineSeconds", "schedulingPolicy"];
    private static readonly string[] SchedulingFields = ["minAvailable", "queue", "scheduleTimeoutSeconds"];

    /// <summary>
    /// The run policy (defaults when absent), after reporting errors. <paramref name="totalReplicas"/>
    /// bounds minAvailable: a gang larger than the job could never start.
    /// </summary>
    public static RunPolicy Read(SourceField field, int totalReplicas, ScenarioErrors errors)
    {
        if (!FieldValues.CheckFields(field, errors, Fields) || field.IsMissing) return new RunPolicy();
        return new RunPolicy
        {
            CleanPodPolicy = CleanPodPolicyOf(field.Child("cleanPodPolicy"), errors),
            BackoffLimit = (int?)FieldValues.Integer(field.Child("backoffLimit"), errors, 0, int.MaxValue),
            ActiveDeadlineSeconds = FieldValues.Integer(field.Child("activeDeadlineSeconds"), errors, 1, long.MaxValue),
            SchedulingPolicy = SchedulingPolicyOf(field.Child("schedulingPolicy"), totalReplicas, errors),
        };
    }

    private static CleanPodPolicy CleanPodPolicyOf(SourceField field, ScenarioErrors errors)
    {
        switch (FieldValues.String(field, errors))
        {
            case null or "None": return CleanPodPolicy.None;
            case "Running": return CleanPodPolicy.Running;
            case "All": return CleanPodPolicy.All;
            case var other:
                errors.At(field, $"Unsupported value: \"{other}\": supported values: \"None\", \"Running\", \"All\"");
                return CleanPodPolicy.None;
        }
    }

    /// <summary>Null when absent: the job asks for no gang. <c>schedulingPolicy: {}</c> asks for one of every replica.</summary>
    private static SchedulingPolicy? SchedulingPolicyOf(SourceField field, int totalReplicas, ScenarioErrors errors)
    {
        if (field.Node is null || field.Node is SourceScalar { IsNull: true }) return null;
        if (!FieldValues.CheckFields(field, errors, SchedulingFields)) return null;
        return new SchedulingPolicy
        {
            MinAvailable = (int?)FieldValues.Integer(field.Child("minAvailable"), errors, 1, Math.Max(1, totalReplicas)),
            Queue = FieldValues.String(field.Child("queue"), errors) ?? "",
            ScheduleTimeoutSeconds = (int?)FieldValues.Integer(field.Child("scheduleTimeoutSeconds"), errors, 1, int.MaxValue),
        };
    }
}
