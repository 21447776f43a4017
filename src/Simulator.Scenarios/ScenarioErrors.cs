using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios;

/// <summary>The errors found so far in one file; every reader adds to it and none throws.</summary>
internal sealed class ScenarioErrors(string file)
{
    private readonly List<ScenarioError> _errors = [];

    public string File { get; } = file;

    public int Count => _errors.Count;

    public void Add(Position at, string field, string message) =>
        _errors.Add(new ScenarioError(File, Math.Max(at.Line, 1), Math.Max(at.Column, 1), field, message));

    /// <summary>An error about a field's value (or, if it is missing, about its nearest parent).</summary>
    public void At(SourceField field, string message) => Add(field.Position, field.Path, message);

    /// <summary>An error about a field's name, such as an unknown field.</summary>
    public void AtKey(SourceField field, string message) => Add(field.KeyPosition, field.Path, message);

    /// <summary>Errors sorted by position; errors at the same position keep the order they were found in.</summary>
    public IReadOnlyList<ScenarioError> InFileOrder() =>
        [.. _errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];
}
