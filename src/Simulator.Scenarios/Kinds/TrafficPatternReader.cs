using Simulator.Cluster.Api;
using Simulator.Engine;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// The request rate of a Traffic object, in requests per second; exactly one of:
/// <list type="bullet">
/// <item><c>rate: 50</c>: constant.</item>
/// <item><c>steps: [{at: 0s, rate: 10}, {at: 1h, rate: 50}]</c>: piecewise constant, 0 before the first step.</item>
/// <item><c>diurnal: {base: 100, amplitude: 80, period: 24h, phase: 6h}</c>: base + amplitude·sin(2π(t − phase)/period), clamped at 0.</item>
/// <item><c>bursts: {base: 10, peak: 200, every: 1h, length: 5m}</c>: the peak rate for length at the start of every period.</item>
/// <item><c>replay: {file: rates.csv}</c>: (time_s, rate) rows, see <see cref="RateCsvReader"/>.</item>
/// </list>
/// </summary>
internal static class TrafficPatternReader
{
    /// <summary>Far above any real service; it keeps a typo such as 5e9 from running forever.</summary>
    public const decimal MaxRate = 1_000_000;

    public static readonly string[] PatternFields = ["rate", "steps", "diurnal", "bursts", "replay"];

    private static string Known => string.Join(", ", PatternFields);

    /// <summary>The pattern, or null after reporting errors.</summary>
    public static TrafficPattern? Read(SourceField spec, LoadContext context)
    {
        var errors = context.Errors;
        var written = PatternFields.Where(f => !spec.Child(f).IsMissing).ToList();
        if (written.Count == 0)
        {
            errors.At(spec, $"Required value: one rate pattern ({Known}), e.g. rate: 50");
            return null;
        }
        foreach (var extra in written.Skip(1))
            errors.AtKey(spec.Child(extra), $"Forbidden: only one rate pattern may be set, and {written[0]} already is");
        if (written.Count > 1) return null;

        int before = errors.Count;
        var field = spec.Child(written[0]);
        var pattern = written[0] switch
        {
            "rate" => Rate(field, errors) is { } r ? new TrafficPattern { Kind = TrafficPatternKind.Constant, Rate = r } : null,
            "steps" => Steps(field, errors),
            "diurnal" => Diurnal(field, errors),
            "bursts" => Bursts(field, errors),
            _ => RateCsvReader.Read(field, context),
        };
        return errors.Count > before ? null : pattern;
    }

    /// <summary>A rate in requests per second: not negative, not absurd.</summary>
    public static double? Rate(SourceField field, ScenarioErrors errors)
    {
        var value = FieldValues.NonNegativeNumber(field, errors);
        if (value is not { } v) return null;
        if (v <= MaxRate) return (double)v;
        errors.At(field, $"must be at most {MaxRate} requests per second, got \"{field.Scalar!.Value}\"");
        return null;
    }

    private static TrafficPattern? Steps(SourceField field, ScenarioErrors errors)
    {
        var points = new List<(SimTime, double)>();
        if (field.Node is SourceSequence { Items.Count: 0 })
            errors.At(field, "Required value: at least one step such as {at: 0s, rate: 10}");
        SimDuration? previous = null;
        foreach (var item in FieldValues.List(field, errors))
        {
            if (!FieldValues.CheckFields(item, errors, "at", "rate")) continue;
            var atField = item.Child("at");
            var rateField = item.Child("rate");
            if (atField.IsMissing) errors.At(atField, "Required value");
            if (rateField.IsMissing) errors.At(rateField, "Required value");
            var at = FieldValues.Duration(atField, errors, positive: false);
            var rate = Rate(rateField, errors);
            if (at is not { } a) continue;
            if (previous is { } p && a <= p)
                errors.At(atField, $"must be later than the previous step ({p}), got \"{atField.Scalar!.Value}\"");
            previous = a;
            if (rate is { } r) points.Add((SimTime.Zero + a, r));
        }
        return new TrafficPattern { Kind = TrafficPatternKind.Steps, Points = points };
    }

    private static TrafficPattern? Diurnal(SourceField field, ScenarioErrors errors)
    {
        if (!FieldValues.CheckFields(field, errors, "base", "amplitude", "period", "phase")) return null;
        var baseRate = Required(field.Child("base"), errors);
        var amplitude = Required(field.Child("amplitude"), errors);
        var period = FieldValues.Duration(field.Child("period"), errors, positive: true) ?? SimDuration.FromHours(24);
        var phase = FieldValues.Duration(field.Child("phase"), errors, positive: false) ?? SimDuration.Zero;
        // base − amplitude may be negative: the rate is then 0 around the trough, a quiet night.
        return new TrafficPattern
        {
            Kind = TrafficPatternKind.Diurnal,
            Rate = baseRate ?? 0,
            Amplitude = amplitude ?? 0,
            Period = period,
            Phase = phase,
        };
    }

    private static TrafficPattern? Bursts(SourceField field, ScenarioErrors errors)
    {
        if (!FieldValues.CheckFields(field, errors, "base", "peak", "every", "length")) return null;
        var baseRate = Required(field.Child("base"), errors);
        var peak = Required(field.Child("peak"), errors);
        var everyField = field.Child("every");
        var lengthField = field.Child("length");
        if (everyField.IsMissing) errors.At(everyField, "Required value");
        if (lengthField.IsMissing) errors.At(lengthField, "Required value");
        var every = FieldValues.Duration(everyField, errors, positive: true);
        var length = FieldValues.Duration(lengthField, errors, positive: true);
        if (every is { } e && length is { } l && l > e)
            errors.At(lengthField, $"must not be longer than every ({e}), got \"{lengthField.Scalar!.Value}\"");
        return new TrafficPattern
        {
            Kind = TrafficPatternKind.Bursts,
            Rate = baseRate ?? 0,
            PeakRate = peak ?? 0,
            BurstEvery = every ?? SimDuration.Zero,
            BurstLength = length ?? SimDuration.Zero,
        };
    }

    private static double? Required(SourceField field, ScenarioErrors errors)
    {
        if (!field.IsMissing) return Rate(field, errors);
        errors.At(field, "Required value");
        return null;
    }
}
