namespace Simulator.Cli.Tests.Commands;

/// <summary>ksim explain and ksim run --record-decisions on a three-node scenario whose scores are worked out by hand.</summary>
[Collection(RerunCollection.Name)]
public sealed class ExplainCommandTests : IDisposable
{
    // web (2 cpu, 4Gi) fits a (4 cpu) and b (8 cpu) but not c (1 cpu). Default weights:
    // TaintToleration 3 (no taints: raw 0, reversed to 100), NodeAffinity 2 (skipped: no
    // preferred terms; PodTopologySpread 2 and InterPodAffinity 2 too: no constraints, no Service),
    // NodeResourcesFit 1 (LeastAllocated: a = (50 + 75) / 2 = 62, b = 75),
    // BalancedAllocation 1 (a: 1 - |0.5 - 0.25| / 2 = 0.875 -> 87, b: 100).
    // a = 300 + 62 + 87 = 449, b = 300 + 75 + 100 = 475: b wins. big (16 cpu) fits nowhere.
    private const string Scenario = """
        apiVersion: ksim.dev/v1alpha1
        kind: Scenario
        metadata: {name: tiny}
        spec:
          duration: 10m
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: a}
        status:
          capacity: {cpu: 4, memory: 16Gi}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: b}
        status:
          capacity: {cpu: 8, memory: 16Gi}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: c}
        status:
          capacity: {cpu: 1, memory: 16Gi}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations: {ksim.dev/duration: 30m}
        spec:
          containers: [{name: c, image: busybox, resources: {requests: {cpu: 2, memory: 4Gi}}}]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: big
          annotations: {ksim.dev/submit-at: 1m}
        spec:
          containers: [{name: c, image: busybox, resources: {requests: {cpu: 16}}}]

        """;

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_pod_that_schedules_shows_its_scores_and_the_chosen_node()
    {
        var file = _cli.WriteFile("tiny.yaml", Scenario);

        var outcome = await _cli.RunAsync("explain", file, "--pod", "web");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("""
            default/web: attempt 1 at 0s
            3 node(s), 3 examined
               NODE  FILTER                              TaintToleration  NodeResourcesFit  NodeResourcesBalancedAllocation  TOTAL
            *  b     passed                              0/100 x3         75/75 x1          100/100 x1                         475
               a     passed                              0/100 x3         62/62 x1          87/87 x1                           449
               c     NodeResourcesFit: Insufficient cpu
            skipped by PreScore (nothing to score): NodeAffinity, PodTopologySpread, InterPodAffinity
            score cells: raw/normalized x weight; TOTAL = sum of normalized x weight
            chosen: b

            """, outcome.Out);
        Assert.False(Directory.Exists(_cli.PathTo("results")));
    }

    [Fact]
    public async Task A_pod_that_fails_shows_each_node_verdict_and_the_failed_scheduling_message()
    {
        var file = _cli.WriteFile("tiny.yaml", Scenario);

        var all = await _cli.RunAsync("explain", file, "--pod", "default/big");
        var at = await _cli.RunAsync("explain", file, "--pod", "default/big", "--at", "5m");

        Assert.True(at.ExitCode == 0, at.ToString());
        const string first = """
            default/big: attempt 1 at 1m0s
            3 node(s), 3 examined
              NODE  FILTER
              a     NodeResourcesFit: Insufficient cpu
              b     NodeResourcesFit: Insufficient cpu
              c     NodeResourcesFit: Insufficient cpu
            FailedScheduling: 0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.

            """;
        Assert.Equal(first, at.Out);
        // Retried when the unschedulable pool is flushed, 5 minutes later (podMaxInUnschedulablePodsDuration).
        Assert.Equal(first + "\n" + first.Replace("attempt 1 at 1m0s", "attempt 2 at 6m0s", StringComparison.Ordinal), all.Out);
    }

    [Fact]
    public async Task An_unknown_pod_exits_2_naming_close_names()
    {
        var file = _cli.WriteFile("tiny.yaml", Scenario);

        var outcome = await _cli.RunAsync("explain", file, "--pod", "wbe");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("ksim: no pod \"wbe\" existed in scenario tiny during the run; close names: web\n", outcome.Error);
        Assert.Empty(outcome.Out);
    }

    [Fact]
    public async Task A_profile_sorting_the_queue_unlike_the_configured_profiles_exits_2()
    {
        var file = _cli.WriteFile("tiny.yaml", Scenario + """

            ---
            apiVersion: kubescheduler.config.k8s.io/v1
            kind: KubeSchedulerConfiguration
            profiles:
            - schedulerName: packer
            """);

        var outcome = await _cli.RunAsync("explain", file, "--pod", "web", "--profile", "gang");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("ksim: --profile: profile \"gang\" sorts the queue with Coscheduling but the configured profile \"packer\" with PrioritySort: queueSort must be the same for all profiles",
            outcome.Error.Trim());
        Assert.Empty(outcome.Out);
    }

    [Fact]
    public async Task An_at_before_the_first_attempt_exits_2()
    {
        var file = _cli.WriteFile("tiny.yaml", Scenario);

        var outcome = await _cli.RunAsync("explain", file, "--pod", "big", "--at", "30s");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("ksim: default/big had no scheduling attempt at or before 30s; its first was at 1m0s\n", outcome.Error);
    }

    [Fact]
    public async Task Record_decisions_writes_one_line_per_attempt_and_reruns_identically()
    {
        var file = _cli.WriteFile("tiny.yaml", Scenario);

        var (run, output) = await _cli.RunToTempOutAsync(file, "--record-decisions");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = File.ReadAllLines(Path.Combine(output, "decisions.jsonl"));
        Assert.Equal(3, lines.Length);
        Assert.Equal(
            """{"time_s":0.000000,"pod":"default/web","attempt":1,"num_nodes":3,"score_plugins":[{"name":"TaintToleration","weight":3,"skipped":false},{"name":"NodeAffinity","weight":2,"skipped":true},{"name":"NodeResourcesFit","weight":1,"skipped":false},{"name":"PodTopologySpread","weight":2,"skipped":true},{"name":"InterPodAffinity","weight":2,"skipped":true},{"name":"NodeResourcesBalancedAllocation","weight":1,"skipped":false}],"nodes":[{"node":"a","filter":"passed","scores":[{"raw":0,"normalized":100,"weight":3,"weighted":300},{"raw":0,"normalized":0,"weight":2,"weighted":0},{"raw":62,"normalized":62,"weight":1,"weighted":62},{"raw":0,"normalized":0,"weight":2,"weighted":0},{"raw":0,"normalized":0,"weight":2,"weighted":0},{"raw":87,"normalized":87,"weight":1,"weighted":87}],"total":449},{"node":"b","filter":"passed","scores":[{"raw":0,"normalized":100,"weight":3,"weighted":300},{"raw":0,"normalized":0,"weight":2,"weighted":0},{"raw":75,"normalized":75,"weight":1,"weighted":75},{"raw":0,"normalized":0,"weight":2,"weighted":0},{"raw":0,"normalized":0,"weight":2,"weighted":0},{"raw":100,"normalized":100,"weight":1,"weighted":100}],"total":475},{"node":"c","filter":{"plugin":"NodeResourcesFit","reasons":["Insufficient cpu"]}}],"not_examined":[],"chosen_node":"b","failure_message":""}""",
            lines[0]);
        Assert.StartsWith("""{"time_s":60.000000,"pod":"default/big","attempt":1,""", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(""","chosen_node":"","failure_message":"0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.","preemption":{"nominated_node":"","victims":[],"message":"preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod."}}""", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("""{"time_s":360.000000,"pod":"default/big","attempt":2,""", lines[2], StringComparison.Ordinal);

        var rerun = await _cli.RunAsync("rerun", output);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.StartsWith("identical: ", rerun.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_record_decisions_no_decisions_file_is_written_and_recording_changes_no_result()
    {
        var file = _cli.WriteFile("tiny.yaml", Scenario);

        var (run, output) = await _cli.RunToTempOutAsync(file);
        var (recorded, recordedOutput) = await _cli.RunToTempOutAsync(file, "--record-decisions");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(recorded.ExitCode == 0, recorded.ToString());
        Assert.False(File.Exists(Path.Combine(output, "decisions.jsonl")));
        foreach (var name in new[] { "summary.json", "pods.csv", "events.log", "timeseries.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(output, name)), File.ReadAllBytes(Path.Combine(recordedOutput, name)));
    }
}
