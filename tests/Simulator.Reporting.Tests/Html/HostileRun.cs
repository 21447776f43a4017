using Simulator.Cluster.Store;
using Simulator.Reporting.Results;
using Simulator.Reporting.Tests.Results;

namespace Simulator.Reporting.Tests.Html;

/// <summary>
/// A results folder whose user-supplied strings are all attacks: the scenario description, a pod
/// annotation in the scenario file, an event message and a FailedScheduling reason. Each payload, if
/// it ever ran, would mark the page's body with data-xss="where it came from".
/// </summary>
internal static class HostileRun
{
    public const string Script = "<script>alert(1)</script>";
    public const string EscapedScript = "&lt;script&gt;alert(1)&lt;/script&gt;";

    public static string Payload(string where) => Script + $"<img src=x onerror=\"document.body.setAttribute('data-xss','{where}')\">";

    public static string ScenarioYaml => $"""
        apiVersion: ksim.dev/v1alpha1
        kind: Scenario
        metadata: {"{"}name: sample{"}"}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web-1
          annotations:
            example.com/note: '{Payload("annotation")}'
        """;

    public static (string Directory, RunRecord Run, CopiedScenario Scenario) Write(TempDirectory temp)
    {
        var scenarioFile = temp.WriteFile("in/sample.yaml", ScenarioYaml);
        var result = SampleRuns.Result() with
        {
            Events =
            [
                .. SampleRuns.Result().Events,
                new ClusterEvent(SampleRuns.Seconds(20), EventType.Warning, "BackOff", "Pod", "default/web-1", Payload("event"), "kubelet"),
                new ClusterEvent(SampleRuns.Seconds(30), EventType.Warning, "FailedScheduling", "Pod", "ml/train-0",
                    $"0/2 nodes are available: 2 {Payload("reason")}.", "default-scheduler"),
            ],
        };
        var run = SampleRuns.Record(scenarioFile, result) with { Description = Payload("description") };
        var directory = temp.Combine("out");
        ResultsWriter.Write(directory, run, charts: false); // the tests add the charts they want
        var bytes = File.ReadAllBytes(scenarioFile);
        var copied = new CopiedScenario("sample.yaml", [new CopiedFile("sample.yaml", bytes.Length, "0123abcd")]);
        return (directory, run, copied);
    }
}
