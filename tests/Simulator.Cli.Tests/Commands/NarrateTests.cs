using Simulator.Cli.Support;

namespace Simulator.Cli.Tests.Commands;

/// <summary>
/// <c>ksim run --narrate</c> on 02-self-healing: cpu-b-0 fails at 1h, is NotReady and tainted
/// unreachable at 1h0m50s (node-monitor-grace-period 50 s), its two pods are evicted 300 s later
/// and their replacements bound elsewhere.
/// </summary>
public sealed class NarrateTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Narration_tells_each_decision_in_virtual_time_on_stdout_before_the_summary()
    {
        var scenario = Path.Combine(RepositoryLocator.FindRootOfExecutable()!, "scenarios", "02-self-healing.yaml");
        var (outcome, _) = await _cli.RunToTempOutAsync(scenario, "--narrate");

        Assert.Equal(0, outcome.ExitCode);
        var lines = outcome.Out.Split('\n');
        // Bindings carry the chosen node's normalized scores from the scheduler's own decision.
        Assert.Matches(@"^00:00:00 scheduler {17}web-\w+-\w+ -> cpu-[ab]-[01] \(TaintToleration 100, NodeResourcesFit \d+, PodTopologySpread \d+, NodeResourcesBalancedAllocation \d+\)$",
            lines.First(l => l.Contains(" -> ", StringComparison.Ordinal)));
        Assert.Contains("01:00:00 fault-injector            cpu-b-0 NodeFailed: Node cpu-b-0 failed (timeline)", lines);
        Assert.Contains("01:00:50 node-lifecycle            cpu-b-0 tainted node.kubernetes.io/unreachable:NoExecute", lines);
        Assert.Contains("01:00:50 node-lifecycle            cpu-b-0 NodeNotReady: Node cpu-b-0 status is now: NodeNotReady", lines);
        Assert.Equal(2, lines.Count(l => l.StartsWith("01:05:50 taint-eviction-controller", StringComparison.Ordinal) && l.Contains("TaintManagerEviction", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Count(l => l.StartsWith("01:05:50 scheduler", StringComparison.Ordinal)));
        // The kubelet's per-container steps are left out as noise.
        Assert.DoesNotContain(lines, l => l.Contains(" Pulled:", StringComparison.Ordinal) || l.Contains(" Started:", StringComparison.Ordinal));
        // Narration first, then the usual summary; no progress bar or line on stderr.
        int summary = Array.FindIndex(lines, l => l.StartsWith("scenario self-healing", StringComparison.Ordinal));
        Assert.True(summary > 0 && lines.Take(summary).All(l => l.Length > 9 && l[2] == ':' && l[5] == ':'), outcome.ToString());
        Assert.DoesNotContain("[ksim] t=", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_preemption_names_the_preemptor_the_event_only_identifies_by_uid()
    {
        var scenario = Path.Combine(RepositoryLocator.FindRootOfExecutable()!, "scenarios", "12-priority-preemption.yaml");
        var (outcome, _) = await _cli.RunToTempOutAsync(scenario, "--narrate");

        Assert.Equal(0, outcome.ExitCode);
        var lines = outcome.Out.Split('\n').Where(l => l.Contains(" Preempted: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, lines.Count);
        Assert.All(lines.Take(4), l => Assert.Matches(@"^00:10:00 scheduler {17}train-[0-3] Preempted: Preempted by pod [0-9a-f-]{36} on node gpu-1 \(serve-0\)$", l));
    }

    [Fact]
    public async Task Without_narrate_nothing_is_narrated()
    {
        var scenario = Path.Combine(RepositoryLocator.FindRootOfExecutable()!, "scenarios", "02-self-healing.yaml");
        var (outcome, _) = await _cli.RunToTempOutAsync(scenario);

        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith("scenario self-healing", outcome.Out, StringComparison.Ordinal);
    }
}
