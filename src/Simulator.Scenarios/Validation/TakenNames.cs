using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Validation;

/// <summary>
/// The names one kind of object has taken in a file and the line each was first written on, so
/// that a duplicate is reported where it is written the second time, with kubectl's
/// AlreadyExists wording.
/// </summary>
internal sealed class TakenNames(ScenarioErrors errors)
{
    private readonly Dictionary<string, SourceLine> _firstLines = new(StringComparer.Ordinal);

    /// <summary>
    /// Takes <paramref name="key"/> (the name unless the kind is namespaced) for an object called
    /// <paramref name="name"/>; false after reporting it if <paramref name="resource"/> already has it.
    /// </summary>
    public bool TryTake(string resource, string name, SourceField nameField, string? key = null)
    {
        key ??= name;
        if (_firstLines.TryGetValue(key, out var first))
        {
            errors.At(nameField, $"{resource} \"{name}\" already exists (first defined at {errors.Describe(first)})");
            return false;
        }
        _firstLines.Add(key, errors.Here(nameField.Position.Line));
        return true;
    }
}
