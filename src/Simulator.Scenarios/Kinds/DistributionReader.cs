using Simulator.Cluster.Faults;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// A distribution of durations in a fault model, written by its usual parameters and stored as
/// <see cref="DurationDistribution"/> in seconds:
/// <list type="bullet">
/// <item><c>{distribution: constant, value: 1h}</c>: P1 = value.</item>
/// <item><c>{distribution: exponential, mean: 264d}</c>: P1 = mean.</item>
/// <item><c>{distribution: weibull, shape: 0.8, scale: 30d}</c>: P1 = shape k, P2 = scale λ.</item>
/// <item><c>{distribution: lognormal, median: 2h, sigma: 1}</c>: P1 = μ = ln(median), P2 = σ; the
/// median is what people estimate (half of repairs take less), μ is what samplers take.</item>
/// </list>
/// </summary>
internal static class DistributionReader
{
    private enum Parameter
    {
        Duration,
        Number,
    }

    private sealed record Shape(string Name, DistributionKind Kind, (string Name, Parameter Type)[] Parameters);

    private static readonly Shape[] Shapes =
    [
        new("constant", DistributionKind.Constant, [("value", Parameter.Duration)]),
        new("exponential", DistributionKind.Exponential, [("mean", Parameter.Duration)]),
        new("lognormal", DistributionKind.LogNormal, [("median", Parameter.Duration), ("sigma", Parameter.Number)]),
        new("weibull", DistributionKind.Weibull, [("shape", Parameter.Number), ("scale", Parameter.Duration)]),
    ];

    private static string KnownNames => string.Join(", ", Shapes.Select(s => s.Name));

    /// <summary>The distribution, or null after reporting what is missing or wrong.</summary>
    public static DurationDistribution? Read(SourceField field, ScenarioErrors errors)
    {
        if (field.IsMissing)
        {
            errors.At(field, $"Required value: a distribution such as {{distribution: exponential, mean: 30d}} ({KnownNames})");
            return null;
        }
        if (!FieldValues.CheckFields(field, errors, [.. AllFieldNames()])) return null;
        var nameField = field.Child("distribution");
        var name = FieldValues.String(nameField, errors);
        if (string.IsNullOrEmpty(name))
        {
            errors.At(nameField, $"Required value: one of {KnownNames}");
            return null;
        }
        var shape = Shapes.FirstOrDefault(s => s.Name == name);
        if (shape is null)
        {
            errors.At(nameField, $"unknown distribution \"{name}\"{Suggestions.Hint(name, Shapes.Select(s => s.Name))} (known: {KnownNames})");
            return null;
        }

        int before = errors.Count;
        foreach (var (key, child) in field.Entries())
            if (key != "distribution" && !shape.Parameters.Any(p => p.Name == key))
                errors.AtKey(child, $"field \"{key}\" does not apply to a {name} distribution (its parameters: {string.Join(", ", shape.Parameters.Select(p => p.Name))})");
        var values = new double[2];
        for (int i = 0; i < shape.Parameters.Length; i++)
        {
            var (parameter, type) = shape.Parameters[i];
            var parameterField = field.Child(parameter);
            if (parameterField.IsMissing)
            {
                errors.At(parameterField, "Required value");
                continue;
            }
            values[i] = type == Parameter.Duration
                ? FieldValues.Duration(parameterField, errors, positive: true)?.TotalSeconds ?? 0
                : (double)(FieldValues.PositiveNumber(parameterField, errors) ?? 0);
        }
        if (errors.Count > before) return null;
        // Samplers take the log-normal's μ; people think in medians, and the median of a log-normal is e^μ.
        if (shape.Kind == DistributionKind.LogNormal) values[0] = Math.Log(values[0]);
        return new DurationDistribution(shape.Kind, values[0], values[1]);
    }

    private static IEnumerable<string> AllFieldNames() =>
        Shapes.SelectMany(s => s.Parameters.Select(p => p.Name)).Prepend("distribution").Distinct();
}
