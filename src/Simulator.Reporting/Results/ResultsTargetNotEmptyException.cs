namespace Simulator.Reporting.Results;

/// <summary>The output folder already holds something: a run never overwrites or mixes results.</summary>
public sealed class ResultsTargetNotEmptyException(string directory)
    : IOException($"{directory} already exists and is not empty; choose another --out folder or remove it")
{
    public string TargetDirectory { get; } = directory;
}
