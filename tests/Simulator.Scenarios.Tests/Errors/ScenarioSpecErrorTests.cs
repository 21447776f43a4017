using Simulator.Scenarios.Tests.Kinds;

namespace Simulator.Scenarios.Tests.Errors;

/// <summary>Bad timelines and fault models in a Scenario document, with the exact error each gives.</summary>
public class ScenarioSpecErrorTests
{
    // TimelineTests.Cluster: pool "gpu" (gpu-0, gpu-1), node "edge", then a Scenario whose spec goes on at line 19.
    private const string Cluster = TimelineTests.Cluster;

    public static TheoryData<string, string, string[]> Cases => new()
    {
        {
            "timeline action naming a node that does not exist",
            Cluster + """
              timeline:
              - {at: 1h, action: FailNode, node: gpu-7}
              - {at: 1h, action: DrainNode, node: egde}
            """,
            [
                "x.yaml:20:38: spec.timeline[0].node: nodes \"gpu-7\" not found; did you mean \"gpu-0\"?",
                "x.yaml:21:39: spec.timeline[1].node: nodes \"egde\" not found; did you mean \"edge\"?",
            ]
        },
        {
            "node named before the action that adds it, and after the one that removes it",
            Cluster + """
              timeline:
              - {at: 1h, action: FailNode, node: gpu-2}
              - {at: 2h, action: AddNodes, pool: gpu, count: 1}
              - {at: 3h, action: RemoveNode, node: edge}
              - {at: 4h, action: UncordonNode, node: edge}
            """,
            [
                "x.yaml:20:38: spec.timeline[0].node: nodes \"gpu-2\" not found at 1h: it is added at 2h by spec.timeline[1]",
                "x.yaml:23:42: spec.timeline[3].node: nodes \"edge\" not found at 4h: removed at 3h by spec.timeline[2]",
            ]
        },
        {
            "unknown action",
            Cluster + """
              timeline:
              - {at: 1h, action: FailNod, node: gpu-0}
              - {at: 1h, action: Reboot, node: gpu-0}
            """,
            [
                "x.yaml:20:22: spec.timeline[0].action: unknown action \"FailNod\"; did you mean \"FailNode\"? (known: FailNode, RecoverNode, CordonNode, UncordonNode, DrainNode, RemoveNode, AddNodes, ScaleNodePool)",
                "x.yaml:21:22: spec.timeline[1].action: unknown action \"Reboot\" (known: FailNode, RecoverNode, CordonNode, UncordonNode, DrainNode, RemoveNode, AddNodes, ScaleNodePool)",
            ]
        },
        {
            "negative and unparsable times",
            Cluster + """
              timeline:
              - {at: -5m, action: FailNode, node: gpu-0}
              - {at: soon, action: RecoverNode, node: gpu-0}
              - {action: CordonNode, node: gpu-0}
            """,
            [
                "x.yaml:20:10: spec.timeline[0].at: must not be negative, got \"-5m\"",
                "x.yaml:21:10: spec.timeline[1].at: invalid duration \"soon\": expected a number at position 1 (use Go syntax such as \"90s\", \"5m\", \"1h30m\")",
                "x.yaml:22:5: spec.timeline[2].at: Required value: when the action happens, e.g. 1h30m",
            ]
        },
        {
            "pool actions: unknown pool, counts, fields of the other kind of action",
            Cluster + """
              timeline:
              - {at: 1h, action: AddNodes, pool: gpus, count: 1}
              - {at: 1h, action: AddNodes, pool: gpu, count: 0}
              - {at: 1h, action: ScaleNodePool, pool: gpu}
              - {at: 1h, action: FailNode, pool: gpu}
            """,
            [
                "x.yaml:20:38: spec.timeline[0].pool: node pool \"gpus\" not found; did you mean \"gpu\"? (pools: gpu)",
                "x.yaml:21:50: spec.timeline[1].count: must be between 1 and 100000, got \"0\"",
                "x.yaml:22:5: spec.timeline[2].count: Required value",
                "x.yaml:23:5: spec.timeline[3].node: Required value",
                "x.yaml:23:32: spec.timeline[3].pool: unknown field \"pool\" (known: at, action, node)",
            ]
        },
        {
            "added nodes that collide with a Node document or exceed the node limit",
            Cluster.Replace("name: edge", "name: gpu-2") + """
              timeline:
              - {at: 1h, action: AddNodes, pool: gpu, count: 1}
              - {at: 2h, action: ScaleNodePool, pool: gpu, count: 100000}
            """,
            [
                "x.yaml:20:38: spec.timeline[0].pool: would add node \"gpu-2\", which already exists",
                "x.yaml:21:43: spec.timeline[1].pool: the scenario would have more than 100000 nodes",
            ]
        },
        {
            "distribution with invalid parameters",
            Cluster + """
              faults:
              - name: gpu-node
                nodeSelector: {matchLabels: {ksim.dev/node-pool: gpu}}
                timeToFailure: {distribution: exponential, mean: 0s}
                timeToRepair: {distribution: weibull, shape: -1, scale: 2h}
            """,
            [
                "x.yaml:22:54: spec.faults[0].timeToFailure.mean: must be greater than 0, got \"0s\"",
                "x.yaml:23:50: spec.faults[0].timeToRepair.shape: must be greater than 0, got \"-1\"",
            ]
        },
        {
            "unknown distribution, missing and misplaced parameters",
            Cluster + """
              faults:
              - name: zone
                nodeSelector: {}
                timeToFailure: {distribution: exponental, mean: 7d}
                timeToRepair: {distribution: lognormal, median: 2h, mean: 1h}
            """,
            [
                "x.yaml:22:35: spec.faults[0].timeToFailure.distribution: unknown distribution \"exponental\"; did you mean \"exponential\"? (known: constant, exponential, lognormal, weibull)",
                "x.yaml:23:19: spec.faults[0].timeToRepair.sigma: Required value",
                "x.yaml:23:57: spec.faults[0].timeToRepair.mean: field \"mean\" does not apply to a lognormal distribution (its parameters: median, sigma)",
            ]
        },
        {
            "fault model without a name, selector or repair time, and a duplicate name",
            Cluster + """
              faults:
              - timeToFailure: {distribution: constant, value: 1h}
              - name: a
                nodeSelector: {}
                timeToFailure: {distribution: constant, value: 1h}
                timeToRepair: {distribution: constant, value: 1h}
                correlatedBy: zone
              - name: a
                nodeSelector: {}
                timeToFailure: {distribution: constant, value: 1h}
                timeToRepair: {distribution: constant, value: 1h}
                correlatedBy: zone
                rack: r1
            """,
            [
                "x.yaml:20:5: spec.faults[0].name: Required value",
                "x.yaml:20:5: spec.faults[0].nodeSelector: Required value: the nodes this model fails, e.g. {matchLabels: {ksim.dev/node-pool: gpu}}; {} selects every node",
                "x.yaml:20:5: spec.faults[0].timeToRepair: Required value: a distribution such as {distribution: exponential, mean: 30d} (constant, exponential, lognormal, weibull)",
                "x.yaml:26:11: spec.faults[2].name: fault model \"a\" already exists (first defined at line 21)",
                "x.yaml:31:5: spec.faults[2].rack: unknown field \"rack\" (known: name, nodeSelector, timeToFailure, timeToRepair, correlatedBy)",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_gives_the_exact_errors(string name, string yaml, string[] expected) =>
        ScenarioFiles.AssertErrors(name, yaml, expected);
}
