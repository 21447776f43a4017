using Simulator.Cluster.Api;
using Simulator.Engine;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// <c>ksim.dev/request-cost</c>: the service time of one request, written as a duration
/// (<c>20ms</c>, every request takes exactly that) or as <c>distribution:mean</c>
/// (<c>exponential:20ms</c>, an M/M/c server). An annotation value is one string, hence the colon.
/// </summary>
internal static class RequestCostReader
{
    private static readonly (string Name, RequestCostDistribution Distribution)[] Distributions =
    [
        ("constant", RequestCostDistribution.Constant),
        ("exponential", RequestCostDistribution.Exponential),
    ];

    private static string KnownNames => string.Join(", ", Distributions.Select(d => d.Name));

    /// <summary>The cost, or null after reporting what is wrong (or when the field is absent).</summary>
    public static RequestCost? Read(SourceField field, ScenarioErrors errors)
    {
        var text = FieldValues.String(field, errors);
        if (text is null) return null;
        var distribution = RequestCostDistribution.Constant;
        var durationText = text;
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            string name = text[..colon];
            durationText = text[(colon + 1)..];
            int index = Array.FindIndex(Distributions, d => d.Name == name);
            if (index < 0)
            {
                errors.At(field, $"unknown distribution \"{name}\"{Suggestions.Hint(name, Distributions.Select(d => d.Name))} (known: {KnownNames}); write e.g. \"20ms\" or \"exponential:20ms\"");
                return null;
            }
            distribution = Distributions[index].Distribution;
        }
        if (!SimDuration.TryParse(durationText, out var mean, out var error))
        {
            errors.At(field, error);
            return null;
        }
        if (mean <= SimDuration.Zero)
        {
            errors.At(field, $"must be greater than 0, got \"{text}\"");
            return null;
        }
        return new RequestCost(mean, distribution);
    }
}
