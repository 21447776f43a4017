using Simulator.Cluster.Faults;
using Simulator.Engine;

namespace Simulator.Scenarios.Tests.Kinds;

/// <summary>A Scenario's timeline becomes time-ordered actions, checked against the nodes that exist at each moment.</summary>
public class TimelineTests
{
    internal const string Cluster = """
        apiVersion: ksim.dev/v1alpha1
        kind: NodePool
        metadata: {name: gpu}
        spec:
          count: 2
          template:
            capacity: {cpu: 8}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: edge}
        status:
          capacity: {cpu: 4}
        ---
        apiVersion: ksim.dev/v1alpha1
        kind: Scenario
        metadata: {name: t}
        spec:

        """;

    private static SimTime At(long minutes) => SimTime.Zero + SimDuration.FromMinutes(minutes);

    [Fact]
    public void Actions_are_sorted_by_time_keeping_file_order_at_equal_times()
    {
        var s = ScenarioFiles.Valid(Cluster + """
              timeline:
              - {at: 2h, action: RecoverNode, node: gpu-0}
              - {at: 1h, action: FailNode, node: gpu-0}
              - {at: 90m, action: CordonNode, node: edge}
              - {at: 90m, action: DrainNode, node: edge}
              - {at: 3h, action: UncordonNode, node: edge}
              - {at: 0s, action: AddNodes, pool: gpu, count: 2}
              - {at: 4h, action: ScaleNodePool, pool: gpu, count: 1}
              - {at: 5h, action: RemoveNode, node: edge}
            """);
        Assert.Equal(
            [
                new AddNodes(At(0), "gpu", 2),
                new FailNode(At(60), "gpu-0"),
                new CordonNode(At(90), "edge"),
                new DrainNode(At(90), "edge"),
                new RecoverNode(At(120), "gpu-0"),
                new UncordonNode(At(180), "edge"),
                new ScaleNodePool(At(240), "gpu", 1),
                new RemoveNode(At(300), "edge"),
            ],
            s.Timeline);
    }

    [Fact]
    public void Nodes_added_by_earlier_actions_may_be_named_and_removed_ones_may_not()
    {
        var s = ScenarioFiles.Valid(Cluster + """
              timeline:
              - {at: 1h, action: AddNodes, pool: gpu, count: 1}
              - {at: 2h, action: ScaleNodePool, pool: gpu, count: 5}
              - {at: 3h, action: FailNode, node: gpu-4}
              - {at: 4h, action: RemoveNode, node: gpu-1}
              - {at: 5h, action: ScaleNodePool, pool: gpu, count: 2}
              - {at: 6h, action: AddNodes, pool: gpu, count: 1}
              - {at: 7h, action: FailNode, node: gpu-5}
              - {at: 7h, action: FailNode, node: gpu-2}
            """);
        Assert.Equal(8, s.Timeline.Count);
    }

    [Fact]
    public void Node_pools_are_kept_with_their_template_and_expand_to_the_initial_nodes()
    {
        var s = ScenarioFiles.Valid(Cluster);
        var pool = Assert.Single(s.NodePools);
        Assert.Equal(("gpu", 2), (pool.Name, pool.Count));
        Assert.Equal("cpu=8000,pods=110", pool.Allocatable.ToString());
        Assert.Equal(["gpu-0", "gpu-1", "edge"], s.Nodes.Select(n => n.Name));
        Assert.Equal("gpu-5", pool.NewNode(5).Name);
        Assert.Equal("gpu", pool.NewNode(5).Metadata.Labels["ksim.dev/node-pool"]);
    }

    [Fact]
    public void Scenario_document_may_come_before_the_nodes_its_timeline_names()
    {
        var s = ScenarioFiles.Valid("""
            apiVersion: ksim.dev/v1alpha1
            kind: Scenario
            metadata: {name: t}
            spec:
              timeline: [{at: 1h, action: FailNode, node: late}]
            ---
            apiVersion: v1
            kind: Node
            metadata: {name: late}
            status:
              capacity: {cpu: 4}
            """);
        Assert.Equal([new FailNode(At(60), "late")], s.Timeline);
    }
}

public class AutoscaledPoolTimelineTests
{
    [Fact]
    public void A_resize_of_an_autoscaled_pool_outside_its_bounds_is_refused_where_it_is_written()
    {
        var errors = ScenarioFiles.Errors("""
            apiVersion: ksim.dev/v1alpha1
            kind: NodePool
            metadata: {name: cpu}
            spec:
              count: 1
              autoscaling: {min: 1, max: 2}
              template:
                capacity: {cpu: 8}
            ---
            apiVersion: ksim.dev/v1alpha1
            kind: Scenario
            metadata: {name: t}
            spec:
              timeline:
              - {at: 5m, action: ScaleNodePool, pool: cpu, count: 2}
              - {at: 10m, action: ScaleNodePool, pool: cpu, count: 5}
            """);
        var error = Assert.Single(errors);
        Assert.Contains("spec.timeline[1]", error, StringComparison.Ordinal);
        Assert.EndsWith("Invalid value: 5: node pool \"cpu\" autoscales between spec.autoscaling.min (1) and spec.autoscaling.max (2)", error, StringComparison.Ordinal);
    }
}
