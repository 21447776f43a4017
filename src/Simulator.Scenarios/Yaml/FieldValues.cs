using System.Globalization;
using Simulator.Cluster.Api;
using Simulator.Engine;
using Simulator.Scenarios.Validation;

namespace Simulator.Scenarios.Yaml;

/// <summary>
/// Typed reads of single fields from the source tree. Each returns null both when the field is
/// absent (no error) and when it is wrong (the error is reported at the value).
/// </summary>
internal static class FieldValues
{
    /// <summary>
    /// Checks that <paramref name="field"/> is a map whose keys are all in <paramref name="known"/>,
    /// reporting each unknown key. True if the field is a map or absent.
    /// </summary>
    public static bool CheckFields(SourceField field, ScenarioErrors errors, params string[] known)
    {
        if (field.IsMissing) return true;
        if (field.Node is not SourceMapping)
        {
            errors.At(field, $"expected a map, got {field.Node!.Describe()}");
            return false;
        }
        foreach (var (key, child) in field.Entries())
        {
            if (Array.IndexOf(known, key) >= 0) continue;
            string hint = Suggestions.Closest(key, known) is { } s
                ? $"; did you mean \"{s}\"?"
                : $" (known: {string.Join(", ", known)})";
            errors.AtKey(child, $"unknown field \"{key}\"{hint}");
        }
        return true;
    }

    public static string? String(SourceField field, ScenarioErrors errors)
    {
        if (field.IsMissing) return null;
        if (field.Node is SourceScalar scalar) return scalar.Value;
        errors.At(field, $"expected a string, got {field.Node!.Describe()}");
        return null;
    }

    public static bool? Bool(SourceField field, ScenarioErrors errors)
    {
        var text = Text(field, errors, "true or false");
        switch (text)
        {
            case null: return null;
            case "true" or "True" or "TRUE": return true;
            case "false" or "False" or "FALSE": return false;
            default:
                errors.At(field, $"must be true or false, got \"{text}\"");
                return null;
        }
    }

    public static long? Integer(SourceField field, ScenarioErrors errors, long min, long max)
    {
        var text = Text(field, errors, "an integer");
        if (text is null) return null;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            errors.At(field, $"must be an integer, got \"{text}\"");
            return null;
        }
        if (value < min || value > max)
        {
            errors.At(field, max == long.MaxValue
                ? $"must be greater than or equal to {min}, got \"{text}\""
                : $"must be between {min} and {max}, got \"{text}\"");
            return null;
        }
        return value;
    }

    public static ulong? UnsignedInteger(SourceField field, ScenarioErrors errors)
    {
        var text = Text(field, errors, "an unsigned integer");
        if (text is null) return null;
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        errors.At(field, $"must be an integer from 0 to {ulong.MaxValue}, got \"{text}\"");
        return null;
    }

    public static decimal? NonNegativeNumber(SourceField field, ScenarioErrors errors)
    {
        var value = Number(field, errors);
        if (value is not < 0) return value;
        errors.At(field, $"must not be negative, got \"{field.Scalar!.Value}\"");
        return null;
    }

    /// <summary>A number greater than zero, such as a distribution's shape.</summary>
    public static decimal? PositiveNumber(SourceField field, ScenarioErrors errors)
    {
        var value = Number(field, errors);
        if (value is not <= 0) return value;
        errors.At(field, $"must be greater than 0, got \"{field.Scalar!.Value}\"");
        return null;
    }

    private static decimal? Number(SourceField field, ScenarioErrors errors)
    {
        var text = Text(field, errors, "a number");
        if (text is null) return null;
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var value))
            return value;
        errors.At(field, $"must be a number, got \"{text}\"");
        return null;
    }

    /// <summary>A Go-style duration ("90s", "1h30m"); <paramref name="positive"/> also rejects zero.</summary>
    public static SimDuration? Duration(SourceField field, ScenarioErrors errors, bool positive)
    {
        var text = Text(field, errors, "a duration such as \"90s\" or \"1h30m\"");
        if (text is null) return null;
        if (!SimDuration.TryParse(text, out var duration, out var error))
        {
            errors.At(field, error);
            return null;
        }
        if (positive && duration <= SimDuration.Zero)
        {
            errors.At(field, $"must be greater than 0, got \"{text}\"");
            return null;
        }
        return duration;
    }

    /// <summary>A quantity converted to <paramref name="resourceName"/>'s base unit (bytes for memory).</summary>
    public static long? Quantity(SourceField field, ScenarioErrors errors, string resourceName)
    {
        var text = Text(field, errors, "a quantity such as \"100Mi\"");
        if (text is null) return null;
        if (Cluster.Api.Quantity.TryParseFor(resourceName, text, out long value, out var error)) return value;
        errors.At(field, error);
        return null;
    }

    public static Dictionary<string, string> StringMap(SourceField field, ScenarioErrors errors)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (field.IsMissing) return map;
        if (field.Node is not SourceMapping)
        {
            errors.At(field, $"expected a map, got {field.Node!.Describe()}");
            return map;
        }
        foreach (var (key, value) in field.Entries())
        {
            if (value.Node is SourceScalar scalar) map[key] = scalar.IsNull ? "" : scalar.Value;
            else errors.At(value, $"expected a string, got {value.Node!.Describe()}");
        }
        return map;
    }

    /// <summary>The items of a list field; reports anything else that is not absent.</summary>
    public static IEnumerable<SourceField> List(SourceField field, ScenarioErrors errors)
    {
        if (!field.IsMissing && field.Node is not SourceSequence)
            errors.At(field, $"expected a list, got {field.Node!.Describe()}");
        return field.Items();
    }

    private static string? Text(SourceField field, ScenarioErrors errors, string expected)
    {
        if (field.IsMissing) return null;
        if (field.Node is SourceScalar scalar) return scalar.Value;
        errors.At(field, $"expected {expected}, got {field.Node!.Describe()}");
        return null;
    }
}
