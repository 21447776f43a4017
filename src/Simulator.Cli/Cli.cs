using System.CommandLine;
using System.CommandLine.Invocation;
using Simulator.Cli.Commands;
using Simulator.Cli.Support;

namespace Simulator.Cli;

/// <summary>The <c>ksim</c> command line, callable in-process: parse, dispatch, map failures to exit codes.</summary>
internal static class Cli
{
    private const string Description = """
        ksim simulates a Kubernetes cluster running ML workloads on a virtual clock: hours of
        cluster time in seconds, and the same results for the same scenario and seed.

        A scenario is a YAML file or a folder of YAML files, of several documents: Kubernetes
        manifests (Node, Pod, PriorityClass) plus ksim objects (Scenario, NodePool), with ksim.dev/
        annotations that say when pods arrive, how long they run and how big their images are.
        scenarios/ has runnable examples.

        Results go to results/<scenario>/<run-id>/ under the current folder, or to --out DIR:
        summary.json, pods.csv, timeseries.csv, events.log, manifest.json and a copy of the scenario.
        ksim compare runs a scenario under several profiles and seeds and says which is better and how sure.
        ksim get and ksim describe show a results folder as kubectl would have shown the cluster at --at T.

        Exit codes: 0 ok; 1 internal error (a bug in ksim; rerun: results differ); 2 bad input
        (scenario errors, bad option values, output folder not empty); 130 interrupted by Ctrl+C
        (what was simulated so far is written, marked partial).
        """;

    public static Task<int> InvokeAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        InvokeAsync(args, new CliContext(stdout, stderr), cancellationToken);

    public static async Task<int> InvokeAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        var root = BuildRootCommand(context, args);
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors) context.Error.WriteLine("ksim: " + error.Message);
            var command = parseResult.CommandResult.Command;
            var helpFor = command == root ? "ksim --help" : $"ksim {command.Name} --help";
            context.Error.WriteLine($"See '{helpFor}' for usage.");
            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
            // Interrupts are handled by the caller's token: the library's own handler would end the
            // process after a timeout, before a long run has written its partial result.
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return InternalError.Report(context, e);
        }
    }

    internal static RootCommand BuildRootCommand(CliContext context, IReadOnlyList<string> args)
    {
        var logLevel = CommandOptions.LogLevel();
        var root = new RootCommand(Description)
        {
            logLevel,
            new RunCommand(context, logLevel, args),
            new ValidateCommand(context, logLevel),
            new RerunCommand(context, logLevel, args),
            new CompareCommand(context, logLevel, args),
            new ProfilesCommand(context),
            new ExplainCommand(context, logLevel),
            new GetCommand(context),
            new DescribeCommand(context),
        };
        foreach (var option in root.Options)
        {
            // The library's version action prints the entry assembly's version, which is the test
            // host under test; ksim's own assembly is the one to report.
            if (option is VersionOption) option.Action = new PrintVersionAction();
        }
        return root;
    }

    private sealed class PrintVersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(BuildInfo.KsimVersion);
            return ExitCodes.Ok;
        }
    }
}
