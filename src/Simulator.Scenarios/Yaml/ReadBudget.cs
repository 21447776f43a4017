namespace Simulator.Scenarios.Yaml;

/// <summary>
/// What the files read so far have used of <see cref="InputLimits"/>. A folder scenario shares
/// one budget across its files, so splitting a hostile input into many files gains nothing.
/// </summary>
internal sealed class ReadBudget
{
    public int Documents { get; set; }
    public int Aliases { get; set; }
    public long AliasExpansion { get; set; }
}
