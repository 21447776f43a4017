using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios;

/// <summary>A line in one of the scenario's files, for messages that point back at an earlier definition.</summary>
internal sealed record SourceLine(string File, int Line);

/// <summary>
/// The errors found so far; every reader adds to it and none throws. A folder scenario is read
/// file by file, so errors go to the file being read now (<see cref="File"/>), and are listed
/// file by file in reading order.
/// </summary>
internal sealed class ScenarioErrors(string file)
{
    private readonly List<(int FileIndex, ScenarioError Error)> _errors = [];
    private readonly List<string> _files = [file];
    private int _fileIndex;

    public string File { get; private set; } = file;

    public int Count => _errors.Count;

    /// <summary>Makes <paramref name="file"/> the file that positions from now on are in.</summary>
    public void Enter(string file)
    {
        _fileIndex = _files.IndexOf(file);
        if (_fileIndex < 0)
        {
            _fileIndex = _files.Count;
            _files.Add(file);
        }
        File = file;
    }

    /// <summary>Where <paramref name="line"/> of the current file is, for "first defined at" messages.</summary>
    public SourceLine Here(int line) => new(File, line);

    /// <summary>"line 3" in the current file, "other.yaml:3" in another one of the folder.</summary>
    public string Describe(SourceLine at) => at.File == File ? $"line {at.Line}" : $"{at.File}:{at.Line}";

    public void Add(Position at, string field, string message) =>
        _errors.Add((_fileIndex, new ScenarioError(File, Math.Max(at.Line, 1), Math.Max(at.Column, 1), field, message)));

    /// <summary>An error about the input as a whole, such as a folder with no scenario files: it has no position.</summary>
    public void AddUnplaced(string message) => _errors.Add((_fileIndex, new ScenarioError(File, 0, 0, "", message)));

    /// <summary>An error about a field's value (or, if it is missing, about its nearest parent).</summary>
    public void At(SourceField field, string message) => Add(field.Position, field.Path, message);

    /// <summary>An error about a field's name, such as an unknown field.</summary>
    public void AtKey(SourceField field, string message) => Add(field.KeyPosition, field.Path, message);

    /// <summary>Errors sorted by file, then position; errors at the same position keep the order they were found in.</summary>
    public IReadOnlyList<ScenarioError> InFileOrder() =>
        [.. _errors.OrderBy(e => e.FileIndex).ThenBy(e => e.Error.Line).ThenBy(e => e.Error.Column).Select(e => e.Error)];
}
