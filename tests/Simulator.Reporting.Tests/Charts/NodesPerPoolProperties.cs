using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simulator.Cluster.Metrics;
using Simulator.Engine;
using Simulator.Reporting.Charts;

namespace Simulator.Reporting.Tests.Charts;

public class NodesPerPoolProperties
{
    /// <summary>
    /// For any nodes added and maybe removed within a 1000 s run, in two pools: each pool's steps
    /// start at 0 s, are strictly increasing in time, end at the run's end, never go below zero,
    /// and at every step equal the pool's nodes added by then and not yet removed.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property Each_step_counts_the_nodes_present_at_its_time()
    {
        var node = from pool in Gen.Elements("a", "b")
                   from added in Gen.Choose(0, 1000)
                   from removed in Gen.OneOf(Gen.Constant((int?)null), Gen.Choose(added, 1000).Select(r => (int?)r))
                   select (pool, added, removed);
        var cases = Arb.From(from count in Gen.Choose(1, 30) from nodes in node.ArrayOf(count) select nodes);
        return Prop.ForAll(cases, nodes =>
        {
            var end = SimTime.FromSeconds(1000);
            var intervals = nodes.Select((n, i) => new NodeInterval(
                "n-" + i, n.pool, NodeState.Ready, SimTime.FromSeconds(n.added), null, SimTime.FromSeconds(n.added),
                n.removed is { } r ? SimTime.FromSeconds(r) : null)).ToList();

            foreach (var (pool, steps) in NodesPerPoolChart.CountsByPool(intervals, end))
            {
                Assert.Equal(SimTime.Zero, steps[0].Time);
                Assert.Equal(end, steps[^1].Time);
                for (int i = 1; i < steps.Count; i++) Assert.True(steps[i - 1].Time < steps[i].Time);
                foreach (var (time, count) in steps)
                {
                    var present = nodes.Count(n => n.pool == pool && n.added <= time.TotalSeconds && !(n.removed <= time.TotalSeconds));
                    Assert.Equal(present, count);
                }
            }
        });
    }
}
