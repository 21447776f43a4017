namespace Simulator.Cli.Tests.EndToEnd;

/// <summary>A folder scenario runs, is copied into the results as a folder, and reruns from that copy.</summary>
[Collection(RerunCollection.Name)]
public sealed class FolderScenarioRunTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Run_of_a_folder_then_rerun_gives_identical_files()
    {
        _cli.WriteFile("split/1-nodes.yaml", """
            apiVersion: v1
            kind: Node
            metadata: {name: n1}
            status:
              capacity: {cpu: 4, memory: 16Gi}

            """);
        _cli.WriteFile("split/2-pods.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p1
              annotations: {ksim.dev/duration: 30m}
            spec:
              priorityClassName: high
              containers: [{name: c, image: busybox, resources: {requests: {cpu: 1}}}]
            ---
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: {name: high}
            value: 1000

            """);
        _cli.WriteFile("split/3-scenario.yaml", """
            apiVersion: ksim.dev/v1alpha1
            kind: Scenario
            spec:
              duration: 2h
              timeline:
              - {at: 1h, action: CordonNode, node: n1}

            """);

        var (run, output) = await _cli.RunToTempOutAsync(_cli.PathTo("split"), "--seed", "3");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("scenario split", run.Out, StringComparison.Ordinal);
        foreach (var file in new[] { "1-nodes.yaml", "2-pods.yaml", "3-scenario.yaml" })
            Assert.Equal(File.ReadAllBytes(_cli.PathTo("split/" + file)), File.ReadAllBytes(Path.Combine(output, "scenario", "split", file)));
        Assert.Contains("\"entry\": \"scenario/split\"", File.ReadAllText(Path.Combine(output, "manifest.json")), StringComparison.Ordinal);

        var rerun = await _cli.RunAsync("rerun", output);

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.StartsWith("identical: ", rerun.Out, StringComparison.Ordinal);
    }
}
