using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Tests.Builders;
using Simulator.Cluster.Tests.Scheduling.Fragmentation;

namespace Simulator.Cluster.Tests.Scheduling.Framework;

/// <summary>NodeInfo.LowestPodPriority, which lets preemption's dry run skip nodes without lower-priority pods.</summary>
public class LowestPodPriorityTests
{
    /// <summary>After any adds and removes (in any order, on the node and on a what-if copy), it is the minimum priority of the pods held, int.MaxValue with none.</summary>
    [Property(MaxTest = 300)]
    public Property Is_the_minimum_priority_of_the_pods_held()
    {
        var op = from kind in Gen.Choose(-3, 3)
                 from pod in Gen.Choose(0, 9)
                 select (kind, pod);
        var ops = from n in Gen.Choose(0, 60)
                  from list in op.ArrayOf(n)
                  select list;
        return Prop.ForAll(Arb.From(ops), list =>
        {
            var node = new NodeInfo(new NodeBuilder("n").Cpu("100").Build(), GpuNodes.Resources);
            var pods = Enumerable.Range(0, 10).Select(i => new PodBuilder($"p{i}").Priority(i % 4 * 100 - 100).Build()).ToArray();
            foreach ((int kind, int i) in list)
            {
                var pod = pods[i];
                if (kind >= 0) { if (!node.HasPod(pod)) node.AddPod(pod, new PodInfo(pod, GpuNodes.Resources)); }
                else node.RemovePod(pod, new PodInfo(pod, GpuNodes.Resources));
                Assert.Equal(node.Pods.Count == 0 ? int.MaxValue : node.Pods.Min(p => p.Spec.Priority), node.LowestPodPriority);
            }
            var copy = node.Clone();
            foreach (var pod in pods) copy.RemovePod(pod, new PodInfo(pod, GpuNodes.Resources));
            Assert.Equal(int.MaxValue, copy.LowestPodPriority);
            Assert.Equal(node.Pods.Count == 0 ? int.MaxValue : node.Pods.Min(p => p.Spec.Priority), node.LowestPodPriority);
        });
    }
}
