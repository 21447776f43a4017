using System.Globalization;
using System.Text.RegularExpressions;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// A Deployment's <c>spec.strategy</c>, checked as ValidateDeploymentStrategy and
/// ValidateRollingUpdateDeployment do. Read from the source tree because an IntOrString's
/// meaning depends on how it is written: <c>1</c> is a count, <c>"1"</c> an invalid percentage.
/// </summary>
internal static partial class DeploymentStrategyReader
{
    private const string PercentMessage =
        "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

    public static DeploymentStrategy? Read(SourceField strategy, ScenarioErrors errors)
    {
        if (strategy.IsMissing) return DeploymentStrategy.Default;
        int before = errors.Count;
        var typeField = strategy.Child("type");
        var rollingUpdate = strategy.Child("rollingUpdate");
        var type = FieldValues.String(typeField, errors) switch
        {
            null or "" or "RollingUpdate" => DeploymentStrategyType.RollingUpdate,
            "Recreate" => DeploymentStrategyType.Recreate,
            var other => PodRules.Unsupported<DeploymentStrategyType>(other, typeField, errors, "\"Recreate\", \"RollingUpdate\""),
        };
        if (type == DeploymentStrategyType.Recreate && !rollingUpdate.IsMissing)
            errors.AtKey(rollingUpdate, "Forbidden: may not be specified when strategy `type` is 'Recreate'");

        var surgeField = rollingUpdate.Child("maxSurge");
        var unavailableField = rollingUpdate.Child("maxUnavailable");
        var surge = IntOrPercent(surgeField, errors) ?? DeploymentStrategy.Default.MaxSurge;
        var unavailable = IntOrPercent(unavailableField, errors) ?? DeploymentStrategy.Default.MaxUnavailable;
        if (surge.Value == 0 && unavailable.Value == 0)
            errors.At(unavailableField, $"Invalid value: {Shown(unavailable)}: may not be 0 when `maxSurge` is 0");
        // A surge above 100 % is allowed (it only speeds the rollout up); an unavailability above 100 % means nothing.
        if (unavailable is { IsPercent: true, Value: > 100 })
            errors.At(unavailableField, $"Invalid value: {Shown(unavailable)}: must not be greater than 100%");

        return errors.Count > before || type is not { } t ? null : new DeploymentStrategy(t, surge, unavailable);
    }

    /// <summary>ValidatePositiveIntOrPercent: a non-negative integer, or a string such as "25%".</summary>
    internal static IntOrPercent? IntOrPercent(SourceField field, ScenarioErrors errors)
    {
        var text = FieldValues.String(field, errors);
        if (text is null) return null;
        bool isInteger = field.Scalar!.IsPlain && PlainInteger().IsMatch(text);
        if (isInteger && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int count))
        {
            if (count >= 0) return Cluster.Api.IntOrPercent.Absolute(count);
            errors.At(field, $"Invalid value: {count}: must be greater than or equal to 0");
            return null;
        }
        if (!isInteger && Percent().IsMatch(text) && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out int percent))
            return Cluster.Api.IntOrPercent.Percent(percent);
        errors.At(field, isInteger
            ? $"Invalid value: {text}: must be an integer or percentage (e.g '5%')"
            : $"Invalid value: \"{text}\": {PercentMessage}");
        return null;
    }

    private static string Shown(IntOrPercent value) => value.IsPercent ? $"\"{value}\"" : value.ToString();

    [GeneratedRegex("^[0-9]+%$", RegexOptions.CultureInvariant)]
    private static partial Regex Percent();

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainInteger();
}
