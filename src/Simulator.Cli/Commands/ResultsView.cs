using System.CommandLine;
using Simulator.Engine;
using Simulator.Reporting.Results;
using Simulator.Reporting.Views;

namespace Simulator.Cli.Commands;

/// <summary>
/// What <c>ksim get</c> and <c>ksim describe</c> share: the RESULTS folder argument, <c>--at</c>
/// and <c>--namespace</c>, and opening the folder as a <see cref="ResultsSnapshot"/> at that time
/// (a folder that is not ksim's, or a time outside the run, is bad input: exit 2).
/// </summary>
internal sealed class ResultsView
{
    public Argument<string> Directory { get; } = new("RESULTS") { Description = "A results folder written by 'ksim run'." };

    public Option<SimDuration?> At { get; } = CommandOptions.VirtualTime(
        "--at", "T", "Show the cluster at this virtual time since the start of the run (Go syntax: 90s, 5m, 1h30m; default: the end of the run).");

    public Option<string> Namespace { get; } = new("--namespace", "-n")
    {
        Description = "The namespace to show.",
        HelpName = "NS",
        DefaultValueFactory = _ => ResultsSnapshot.DefaultNamespace,
    };

    /// <summary>The snapshot, or null after writing the reason to stderr.</summary>
    public ResultsSnapshot? Open(CliContext context, ParseResult parseResult)
    {
        var directory = context.FullPath(parseResult.GetRequiredValue(Directory));
        ResultsFolder results;
        try
        {
            results = ResultsFolder.Read(directory);
        }
        catch (ResultsFormatException e)
        {
            context.Error.WriteLine("ksim: " + e.Message);
            return null;
        }
        var at = results.End;
        if (parseResult.GetValue(At) is { } given)
        {
            at = SimTime.Zero + given;
            if (at > results.End)
            {
                context.Error.WriteLine($"ksim: --at {given} is after the end of the run ({results.End}); the latest time is --at {results.End}");
                return null;
            }
        }
        return new ResultsSnapshot(results, at);
    }
}
