namespace Simulator.Reporting.Results;

/// <summary>
/// A results file that is not what ksim writes (edited by hand, truncated, another version): the
/// message names the file and line. Bad input, not a bug, so the CLI exits 2 on it.
/// </summary>
public sealed class ResultsFormatException(string message) : Exception(message);
