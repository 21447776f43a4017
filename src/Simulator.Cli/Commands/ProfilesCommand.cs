using System.CommandLine;
using Simulator.Cli.Support;
using Simulator.Cluster.Scheduling.Profiles;
using Simulator.Scenarios.Kinds;
using Simulator.Scenarios.Kubernetes;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>ksim profiles [NAME]</c>: the built-in scheduler profiles, one line each; with a name, that
/// profile as the KubeSchedulerConfiguration that reproduces it (a starting point for one's own).
/// </summary>
internal sealed class ProfilesCommand : Command
{
    private const string Text = """
        List the built-in scheduler profiles. With NAME, print that profile as a
        KubeSchedulerConfiguration document: what it changes in kube-scheduler's defaults, ready to
        edit and put in a scenario.
        """;

    private readonly CliContext _context;
    private readonly Argument<string?> _name = new("NAME")
    {
        Description = "A built-in profile to print as a KubeSchedulerConfiguration.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public ProfilesCommand(CliContext context)
        : base("profiles", Text)
    {
        _context = context;
        Add(_name);
        SetAction(parseResult => Execute(parseResult));
    }

    private int Execute(ParseResult parseResult)
    {
        var name = parseResult.GetValue(_name);
        if (name is null)
        {
            int width = SchedulerProfiles.Known.Max(n => n.Length);
            foreach (var known in SchedulerProfiles.Known)
                _context.Out.WriteLine($"{known.PadRight(width)}  {ProfileCatalog.Description(known)}".TrimEnd());
            return ExitCodes.Ok;
        }
        if (!SchedulerProfiles.IsKnown(name))
        {
            _context.Error.WriteLine("ksim: " + SchedulerProfiles.UnknownMessage(name));
            return ExitCodes.BadInput;
        }
        _context.Out.Write(KubeSchedulerConfigurationWriter.Write([ProfileCatalog.Spec(name)]));
        return ExitCodes.Ok;
    }
}
