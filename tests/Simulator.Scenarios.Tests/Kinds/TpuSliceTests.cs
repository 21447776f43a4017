namespace Simulator.Scenarios.Tests.Kinds;

/// <summary>NodePools of TPU hosts: a topology larger than one host is a multi-host slice of exactly chips / chips-per-host nodes.</summary>
public class TpuSliceTests
{
    private static string Pool(int count, string topology, int chipsPerHost = 4) => $$"""
        apiVersion: ksim.dev/v1alpha1
        kind: NodePool
        metadata: {name: v5e}
        spec:
          count: {{count}}
          template:
            metadata:
              labels:
                cloud.google.com/gke-tpu-accelerator: tpu-v5-lite-podslice
                cloud.google.com/gke-tpu-topology: "{{topology}}"
            capacity: {cpu: "24", memory: 48Gi, google.com/tpu: {{chipsPerHost}}}
        """;

    [Fact]
    public void A_topology_larger_than_one_host_is_a_multi_host_slice()
    {
        var scenario = ScenarioFiles.Valid(Pool(4, "4x4"));

        var slice = Assert.Single(scenario.NodePools).Slice;
        Assert.NotNull(slice);
        Assert.Equal(("4x4", 16, 4, 4), (slice.Topology, slice.Chips, slice.ChipsPerHost, slice.Hosts));
        Assert.Equal(4, scenario.Nodes.Count);
    }

    [Fact]
    public void A_single_host_topology_is_not_a_slice_and_may_have_any_count()
    {
        var scenario = ScenarioFiles.Valid(Pool(3, "2x2"));
        Assert.Null(Assert.Single(scenario.NodePools).Slice);
    }

    [Fact]
    public void A_single_host_tpu_pool_may_be_autoscaled_node_by_node()
    {
        var scenario = ScenarioFiles.Valid(Pool(3, "2x2") + "\n  autoscaling: {min: 1, max: 6}\n");
        Assert.Equal((1, 6), (scenario.NodePools[0].Autoscaling!.Min, scenario.NodePools[0].Autoscaling!.Max));
    }

    public static TheoryData<string, string, string[]> Cases => new()
    {
        {
            "count that is not the slice's hosts",
            Pool(3, "2x4"),
            ["x.yaml:5:10: spec.count: must be 2 for a multi-host TPU slice: topology \"2x4\" is 8 chips at 4 per host (capacity google.com/tpu), got 3"]
        },
        {
            "topology that is not a whole number of hosts",
            Pool(2, "2x3"),
            ["x.yaml:10:44: spec.template.metadata.labels.cloud.google.com/gke-tpu-topology: topology \"2x3\" has 6 chip(s), not a whole number of hosts at 4 per host (capacity google.com/tpu)"]
        },
        {
            "topology that is not a grid",
            Pool(2, "big"),
            ["x.yaml:10:44: spec.template.metadata.labels.cloud.google.com/gke-tpu-topology: Invalid value: \"big\": a TPU topology is 2 or 3 positive sizes joined by \"x\", such as \"2x4\" or \"4x4x4\""]
        },
        {
            "multi-host slice with autoscaling",
            Pool(4, "4x4") + "\n  autoscaling: {min: 0, max: 8}\n",
            ["x.yaml:12:16: spec.autoscaling: a multi-host TPU slice pool (topology \"4x4\", 16 chips on 4 hosts) is created and removed only as a whole slice, so it cannot be autoscaled node by node; remove spec.autoscaling"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_slices_give_the_exact_errors(string name, string yaml, string[] expected) =>
        ScenarioFiles.AssertErrors(name, yaml, expected);
}
