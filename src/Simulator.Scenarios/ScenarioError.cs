namespace Simulator.Scenarios;

/// <summary>
/// One mistake in a scenario, with its position: printed as
/// <c>file:line:col: field.path: message</c>. Errors are values collected and reported all at
/// once, never exceptions thrown through the loader. Line 0 means the error is about the input
/// as a whole (an empty folder) and has no position: <c>folder/: message</c>.
/// </summary>
public sealed record ScenarioError(string File, int Line, int Column, string Field, string Message)
{
    public override string ToString() =>
        Line == 0 ? $"{File}: {Message}" :
        Field.Length == 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}:{Line}:{Column}: {Field}: {Message}";
}
