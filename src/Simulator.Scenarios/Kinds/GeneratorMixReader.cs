using System.Globalization;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// The mixes of a WorkloadGenerator, each a set of weights (relative, not necessarily summing to 1,
/// at least one positive):
/// <list type="bullet">
/// <item><c>models: {resnet50: 3, transformer: 1}</c>: model names as the throughput table knows them (checked once the table is complete).</item>
/// <item><c>gpus: {1: 0.7, 2: 0.1, 4: 0.15, 8: 0.05}</c>: GPUs per job.</item>
/// <item><c>durations: [{weight: 0.8, min: 31m37s, max: 16h40m}]</c>: length on a V100, log-uniform between min and max.</item>
/// </list>
/// </summary>
internal static class GeneratorMixReader
{
    /// <summary>The largest GPU count a generated job may ask for; Gavel's table stops at 8.</summary>
    public const int MaxGpus = 1024;

    /// <summary>The model weights with the field each is written in, or null after reporting errors.</summary>
    public static List<(Weighted<string> Model, SourceField Field)>? Models(SourceField field, ScenarioErrors errors)
    {
        var models = new List<(Weighted<string>, SourceField)>();
        if (field.IsMissing) return models;
        int before = errors.Count;
        foreach (var (key, value) in Weights(field, errors))
        {
            if (key.Length == 0) errors.AtKey(value, "a model name must not be empty");
            else if (Weight(value, errors) is { } weight) models.Add((new Weighted<string>(key, weight), value));
        }
        if (errors.Count > before) return null;
        return RequirePositive(field, models.Select(m => m.Item1.Weight), errors) ? models : null;
    }

    public static List<Weighted<int>>? GpuCounts(SourceField field, ScenarioErrors errors)
    {
        if (field.IsMissing) return [.. WorkloadGenerator.DefaultGpuCounts];
        var counts = new List<Weighted<int>>();
        int before = errors.Count;
        foreach (var (key, value) in Weights(field, errors))
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out int gpus) || gpus < 1 || gpus > MaxGpus)
                errors.AtKey(value, $"a GPU count must be an integer from 1 to {MaxGpus}, got \"{key}\"");
            else if (Weight(value, errors) is { } weight) counts.Add(new Weighted<int>(gpus, weight));
        }
        if (errors.Count > before) return null;
        return RequirePositive(field, counts.Select(c => c.Weight), errors) ? counts : null;
    }

    public static List<Weighted<DurationBand>>? Durations(SourceField field, ScenarioErrors errors)
    {
        if (field.IsMissing) return [.. WorkloadGenerator.DefaultDurations];
        if (field.Node is SourceSequence { Items.Count: 0 })
        {
            errors.At(field, "Required value: at least one band such as {weight: 1, min: 30m, max: 10h}");
            return null;
        }
        var bands = new List<Weighted<DurationBand>>();
        int before = errors.Count;
        foreach (var item in FieldValues.List(field, errors))
        {
            if (!FieldValues.CheckFields(item, errors, "weight", "min", "max")) continue;
            var weightField = item.Child("weight");
            var minField = item.Child("min");
            var maxField = item.Child("max");
            foreach (var required in new[] { weightField, minField, maxField })
                if (required.IsMissing) errors.At(required, "Required value");
            var weight = Weight(weightField, errors);
            var min = FieldValues.Duration(minField, errors, positive: true);
            var max = FieldValues.Duration(maxField, errors, positive: true);
            if (min is { } lo && max is { } hi && hi < lo)
                errors.At(maxField, $"must not be shorter than min ({lo}), got \"{maxField.Scalar!.Value}\"");
            if (weight is { } w && min is { } a && max is { } b)
                bands.Add(new Weighted<DurationBand>(new DurationBand(a.TotalSeconds, b.TotalSeconds), w));
        }
        if (errors.Count > before) return null;
        return RequirePositive(field, bands.Select(b => b.Weight), errors) ? bands : null;
    }

    private static IEnumerable<(string Key, SourceField Value)> Weights(SourceField field, ScenarioErrors errors)
    {
        if (field.Node is not SourceMapping)
        {
            errors.At(field, $"expected a map of weights such as {{a: 3, b: 1}}, got {field.Node!.Describe()}");
            return [];
        }
        if (field.Node is SourceMapping { Entries.Count: 0 }) errors.At(field, "Required value: at least one weight");
        return field.Entries();
    }

    private static double? Weight(SourceField field, ScenarioErrors errors) =>
        FieldValues.NonNegativeNumber(field, errors) is { } w ? (double)w : null;

    private static bool RequirePositive(SourceField field, IEnumerable<double> weights, ScenarioErrors errors)
    {
        if (weights.Sum() > 0) return true;
        errors.At(field, "the weights must add up to more than 0");
        return false;
    }
}
