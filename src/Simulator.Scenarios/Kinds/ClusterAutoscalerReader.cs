using Simulator.Cluster.Controllers.ClusterAutoscaler;
using Simulator.Engine;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// <c>Scenario.spec.clusterAutoscaler</c>: the Cluster Autoscaler flags ksim models, named as the
/// flags are but in camelCase (<c>--scale-down-unneeded-time</c> is <c>scaleDownUnneededTime</c>),
/// each with CA's default when absent (<see cref="ClusterAutoscalerSettings"/>). Bounds are CA's
/// own: thresholds are fractions of allocatable, the scan interval and provision time must be
/// positive for the loop to mean anything, and parallelism below 1 would never remove a node.
/// </summary>
internal static class ClusterAutoscalerReader
{
    private static readonly string[] Fields =
    [
        "expander", "expendablePodsPriorityCutoff", "scanInterval", "scaleDownEnabled", "scaleDownUnneededTime", "scaleDownUnreadyTime",
        "scaleDownUtilizationThreshold", "scaleDownGpuUtilizationThreshold",
        "scaleDownDelayAfterAdd", "scaleDownDelayAfterDelete", "scaleDownDelayAfterFailure",
        "maxNodeProvisionTime", "maxGracefulTerminationSec", "maxScaleDownParallelism", "maxDrainParallelism",
    ];

    /// <summary>The settings with the scenario's values over CA's defaults; null when the field is absent or after reporting what is wrong.</summary>
    public static ClusterAutoscalerSettings? Read(SourceField field, ScenarioErrors errors)
    {
        if (field.IsMissing) return null;
        int before = errors.Count;
        if (!FieldValues.CheckFields(field, errors, Fields)) return null;
        var d = new ClusterAutoscalerSettings();
        var settings = new ClusterAutoscalerSettings
        {
            Expander = Expander(field.Child("expander"), errors) ?? d.Expander,
            ExpendablePodsPriorityCutoff = FieldValues.Integer(field.Child("expendablePodsPriorityCutoff"), errors, int.MinValue, int.MaxValue) is { } cutoff
                ? (int)cutoff : d.ExpendablePodsPriorityCutoff,
            ScanInterval = FieldValues.Duration(field.Child("scanInterval"), errors, positive: true) ?? d.ScanInterval,
            ScaleDownEnabled = FieldValues.Bool(field.Child("scaleDownEnabled"), errors) ?? d.ScaleDownEnabled,
            ScaleDownUnneededTime = FieldValues.Duration(field.Child("scaleDownUnneededTime"), errors, positive: false) ?? d.ScaleDownUnneededTime,
            ScaleDownUnreadyTime = FieldValues.Duration(field.Child("scaleDownUnreadyTime"), errors, positive: false) ?? d.ScaleDownUnreadyTime,
            ScaleDownUtilizationThreshold = Fraction(field.Child("scaleDownUtilizationThreshold"), errors) ?? d.ScaleDownUtilizationThreshold,
            ScaleDownGpuUtilizationThreshold = Fraction(field.Child("scaleDownGpuUtilizationThreshold"), errors) ?? d.ScaleDownGpuUtilizationThreshold,
            ScaleDownDelayAfterAdd = FieldValues.Duration(field.Child("scaleDownDelayAfterAdd"), errors, positive: false) ?? d.ScaleDownDelayAfterAdd,
            ScaleDownDelayAfterDelete = FieldValues.Duration(field.Child("scaleDownDelayAfterDelete"), errors, positive: false) ?? d.ScaleDownDelayAfterDelete,
            ScaleDownDelayAfterFailure = FieldValues.Duration(field.Child("scaleDownDelayAfterFailure"), errors, positive: false) ?? d.ScaleDownDelayAfterFailure,
            MaxNodeProvisionTime = FieldValues.Duration(field.Child("maxNodeProvisionTime"), errors, positive: true) ?? d.MaxNodeProvisionTime,
            // CA's flag is a whole number of seconds, so the field is too (not a duration string).
            MaxGracefulTermination = FieldValues.Integer(field.Child("maxGracefulTerminationSec"), errors, 0, int.MaxValue) is { } seconds
                ? SimDuration.FromSeconds(seconds) : d.MaxGracefulTermination,
            MaxScaleDownParallelism = Parallelism(field.Child("maxScaleDownParallelism"), errors) ?? d.MaxScaleDownParallelism,
            MaxDrainParallelism = Parallelism(field.Child("maxDrainParallelism"), errors) ?? d.MaxDrainParallelism,
        };
        return errors.Count > before ? null : settings;
    }

    private static string? Expander(SourceField field, ScenarioErrors errors)
    {
        var chain = FieldValues.String(field, errors);
        if (chain is null) return null;
        if (Expanders.Check(chain) is not { } error) return chain;
        errors.At(field, error);
        return null;
    }

    /// <summary>A utilization threshold: requests over allocatable, so a fraction in [0, 1].</summary>
    private static double? Fraction(SourceField field, ScenarioErrors errors)
    {
        if (FieldValues.NonNegativeNumber(field, errors) is not { } value) return null;
        if (value <= 1) return (double)value;
        errors.At(field, $"must be between 0 and 1, got \"{field.Scalar!.Value}\"");
        return null;
    }

    private static int? Parallelism(SourceField field, ScenarioErrors errors) =>
        FieldValues.Integer(field, errors, 1, int.MaxValue) is { } n ? (int)n : null;
}
