namespace Simulator.Cli.Tests.Commands;

/// <summary><c>ksim get</c> on real runs: the rows kubectl would have printed at each time.</summary>
public sealed class GetCommandTests(KubectlViewRuns runs) : IClassFixture<KubectlViewRuns>
{
    private Task<CliOutcome> Get(params string[] args) => runs.Cli.RunAsync(["get", .. args]);

    [Fact]
    public async Task Before_the_replacements_exist_the_failed_node_s_pods_run_but_are_not_ready()
    {
        var outcome = await Get("pods", runs.SelfHealing, "--at", "1h5m49s");
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(
            "NAME                   READY   STATUS    RESTARTS   AGE\n" +
            "web-7ffc6ffd5c-5lvmt   0/1     Running   0          65m\n" +
            "web-7ffc6ffd5c-7lclg   1/1     Running   0          65m\n" +
            "web-7ffc6ffd5c-nzhcj   1/1     Running   0          65m\n" +
            "web-7ffc6ffd5c-q79fw   0/1     Running   0          65m\n" +
            "web-7ffc6ffd5c-qtc8m   1/1     Running   0          65m\n" +
            "web-7ffc6ffd5c-tdjnr   1/1     Running   0          65m\n",
            outcome.Out);
    }

    [Fact]
    public async Task At_the_eviction_the_old_pods_terminate_and_the_new_ones_are_being_created()
    {
        var outcome = await Get("pods", runs.SelfHealing, "--at", "1h5m50s");
        Assert.Equal(
            "NAME                   READY   STATUS              RESTARTS   AGE\n" +
            "web-7ffc6ffd5c-5lvmt   0/1     Terminating         0          65m\n" +
            "web-7ffc6ffd5c-7lclg   1/1     Running             0          65m\n" +
            "web-7ffc6ffd5c-92n6j   0/1     ContainerCreating   0          0s\n" +
            "web-7ffc6ffd5c-nzhcj   1/1     Running             0          65m\n" +
            "web-7ffc6ffd5c-q79fw   0/1     Terminating         0          65m\n" +
            "web-7ffc6ffd5c-qtc8m   1/1     Running             0          65m\n" +
            "web-7ffc6ffd5c-tdjnr   1/1     Running             0          65m\n" +
            "web-7ffc6ffd5c-w58gn   0/1     ContainerCreating   0          0s\n",
            outcome.Out);
    }

    [Fact]
    public async Task Once_the_node_is_back_the_deleted_pods_are_gone()
    {
        // 2h - 1h5m50s = 3250 s = 54m (minutes only between 10 minutes and 3 hours).
        var outcome = await Get("pods", runs.SelfHealing, "--at", "2h", "-o", "wide");
        Assert.Equal(
            "NAME                   READY   STATUS    RESTARTS   AGE    IP           NODE      NOMINATED NODE   READINESS GATES\n" +
            "web-7ffc6ffd5c-7lclg   1/1     Running   0          120m   10.244.1.3   cpu-a-1   <none>           <none>\n" +
            "web-7ffc6ffd5c-92n6j   1/1     Running   0          54m    10.244.3.3   cpu-b-1   <none>           <none>\n" +
            "web-7ffc6ffd5c-nzhcj   1/1     Running   0          120m   10.244.3.2   cpu-b-1   <none>           <none>\n" +
            "web-7ffc6ffd5c-qtc8m   1/1     Running   0          120m   10.244.1.2   cpu-a-1   <none>           <none>\n" +
            "web-7ffc6ffd5c-tdjnr   1/1     Running   0          120m   10.244.0.2   cpu-a-0   <none>           <none>\n" +
            "web-7ffc6ffd5c-w58gn   1/1     Running   0          54m    10.244.0.3   cpu-a-0   <none>           <none>\n",
            outcome.Out);
    }

    [Fact]
    public async Task Quickstart_at_ten_minutes_has_pending_creating_running_and_completed_pods()
    {
        var outcome = await Get("pods", runs.Quickstart, "--at", "10m");
        var lines = outcome.Out.Split('\n');
        Assert.Equal("NAME           READY   STATUS              RESTARTS   AGE", lines[0]);
        Assert.Contains("etl-0          0/1     Completed           0          10m", lines);
        Assert.Contains("etl-1          1/1     Running             0          10m", lines);
        Assert.Contains("train-huge     0/1     Pending             0          10m", lines);
        Assert.Contains("train-vit      0/1     ContainerCreating   0          0s", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("etl-4", StringComparison.Ordinal)); // created at 15m
    }

    [Fact]
    public async Task Without_at_it_shows_the_end_of_the_run()
    {
        var outcome = await Get("po", runs.Quickstart);
        Assert.Contains("web            1/1     Running     0          120m\n", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("train-gpt2     0/1     Completed   0          100m\n", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nodes_show_the_failed_node_not_ready()
    {
        var outcome = await Get("nodes", runs.SelfHealing, "--at", "1h10m");
        Assert.Equal(
            "NAME      STATUS     ROLES    AGE   VERSION\n" +
            "cpu-a-0   Ready      <none>   70m   \n" +
            "cpu-a-1   Ready      <none>   70m   \n" +
            "cpu-b-0   NotReady   <none>   70m   \n" +
            "cpu-b-1   Ready      <none>   70m   \n",
            outcome.Out);
    }

    [Fact]
    public async Task Events_end_at_the_time_and_say_how_long_ago()
    {
        var outcome = await Get("events", runs.SelfHealing, "--at", "1h1m");
        var lines = outcome.Out.TrimEnd('\n').Split('\n');
        Assert.Equal("LAST SEEN   TYPE      REASON              OBJECT                      MESSAGE", lines[0]);
        Assert.Equal("10s         Warning   NodeNotReady        pod/web-7ffc6ffd5c-q79fw    Node is not ready", lines[^1]);
        Assert.Equal("61m         Normal    RegisteredNode      node/cpu-a-0                Node cpu-a-0 event: Registered Node cpu-a-0 in Controller", lines[1]);
    }

    [Theory]
    // 1h30m: broken-train has failed (its duration runs on: no completionTime), finetune still runs.
    [InlineData("1h30m", "broken-train   Failed    0/1           90m        90m\nfinetune       Running   0/1           90m        90m\n")]
    // The end (6h): finetune completed at 7297 s, so its duration stopped at 2h1m37s -> 121m.
    [InlineData("6h", "broken-train   Failed     0/1           6h         6h\nfinetune       Complete   1/1           121m       6h\n")]
    public async Task Jobs_show_completions_and_kubectl_s_duration(string at, string rows)
    {
        var outcome = await Get("jobs", runs.JobRetries, "--at", at);
        Assert.Equal(rows, outcome.Out[(outcome.Out.IndexOf('\n', StringComparison.Ordinal) + 1)..]);
    }

    [Fact]
    public async Task An_empty_list_says_so_on_stderr_and_succeeds()
    {
        var outcome = await Get("jobs", runs.SelfHealing);
        Assert.Equal((0, "", "No resources found in default namespace.\n"), (outcome.ExitCode, outcome.Out, outcome.Error));
    }

    [Theory]
    [InlineData("--at", "4h", "ksim: --at 4h0m0s is after the end of the run (3h0m0s); the latest time is --at 3h0m0s\n")]
    [InlineData("--at", "soon", "ksim: --at: invalid duration \"soon\": expected a number at position 1 (use Go syntax such as \"90s\", \"5m\", \"1h30m\")\nSee 'ksim get --help' for usage.\n")]
    [InlineData("-o", "yaml", "ksim: --output: only \"wide\" is supported, got \"yaml\"\nSee 'ksim get --help' for usage.\n")]
    public async Task Bad_options_exit_2(string option, string value, string error)
    {
        var outcome = await Get("pods", runs.SelfHealing, option, value);
        Assert.Equal((2, "", error), (outcome.ExitCode, outcome.Out, outcome.Error));
    }

    [Fact]
    public async Task An_unknown_resource_exits_2()
    {
        var outcome = await Get("deployments", runs.SelfHealing);
        Assert.Equal((2, "ksim: RESOURCE: expected pods, nodes, jobs or events, got \"deployments\"\nSee 'ksim get --help' for usage.\n"),
            (outcome.ExitCode, outcome.Error));
    }

    [Fact]
    public async Task A_folder_that_is_not_a_results_folder_exits_2()
    {
        var outcome = await Get("pods", runs.Cli.WorkingDirectory);
        Assert.Equal((2, $"ksim: {runs.Cli.WorkingDirectory} is not a ksim results folder: manifest.json not found\n"), (outcome.ExitCode, outcome.Error));
    }
}
