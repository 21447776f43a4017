using Simulator.Cluster.Metrics;

namespace Simulator.Cluster.Tests.Workloads.Traces;

public class FailureReasonsTests
{
    [Theory]
    [InlineData("0/5 nodes are available: 2 Insufficient nvidia.com/gpu, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/5 nodes are available: 5 No preemption victims found for incoming pod.",
        new[] { "Insufficient nvidia.com/gpu", "node(s) didn't match Pod's node affinity/selector" })]
    [InlineData("0/1 nodes are available: 1 Insufficient ksim.dev/gpu-milli.", new[] { "Insufficient ksim.dev/gpu-milli" })]
    [InlineData("0/0 nodes are available: ", new string[0])]
    public void The_reasons_of_a_FailedScheduling_message_without_counts_or_preemption(string message, string[] expected) =>
        Assert.Equal(expected, FailureReasons.Of(message));
}
