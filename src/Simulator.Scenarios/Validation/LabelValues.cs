using System.Text.RegularExpressions;

namespace Simulator.Scenarios.Validation;

/// <summary>Kubernetes' IsValidLabelValue, for values ksim writes into labels itself (a trace's GPU models).</summary>
internal static partial class LabelValues
{
    /// <summary>Non-empty here: an empty model would match nothing useful.</summary>
    public static bool IsValid(string value) =>
        value.Length is > 0 and <= KubernetesNames.LabelMaxLength && Value().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Value();
}
