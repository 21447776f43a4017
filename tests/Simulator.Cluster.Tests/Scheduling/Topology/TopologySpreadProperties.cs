using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simulator.Cluster.Tests.Builders;
using static Simulator.Cluster.Tests.Scheduling.Topology.TopologyFixture;

namespace Simulator.Cluster.Tests.Scheduling.Topology;

/// <summary>
/// On generated zoned clusters with room for every pod, N pods with a hard zone constraint
/// (maxSkew 1) all bind, and the number of them per zone never differs by more than 1.
/// </summary>
public class TopologySpreadProperties
{
    public sealed record Case(int[] NodesPerZone, int Pods, ulong Seed)
    {
        public override string ToString() => $"zones [{string.Join(",", NodesPerZone)}] pods {Pods} seed {Seed}";
    }

    private static readonly Arbitrary<Case> Cases = Arb.From(
        from zones in Gen.Choose(2, 4)
        from nodes in Gen.ArrayOf(Gen.Choose(1, 3), zones)
        from pods in Gen.Choose(1, 15)
        from seed in Gen.Choose(1, 1000)
        select new Case(nodes, pods, (ulong)seed));

    [Property(MaxTest = 60)]
    public Property Hard_zone_spread_with_maxSkew_1_never_exceeds_skew_1() =>
        Prop.ForAll(Cases, c =>
        {
            var cluster = new TestCluster(c.Seed);
            for (int z = 0; z < c.NodesPerZone.Length; z++)
                for (int n = 0; n < c.NodesPerZone[z]; n++)
                    cluster.Nodes(new NodeBuilder($"z{z}-n{n}").Zone("z" + z).Cpu("4"));
            var pods = Enumerable.Range(0, c.Pods)
                .Select(i => cluster.Create(new PodBuilder("web-" + i).Label("app", "web").Cpu("100m").Spread(1, Zone, "web")))
                .ToList();
            cluster.RunFor("1s");

            Assert.All(pods, p => Assert.True(p.IsBound, p.Key));
            var perZone = Enumerable.Range(0, c.NodesPerZone.Length)
                .Select(z => pods.Count(p => p.Spec.NodeName.StartsWith($"z{z}-", StringComparison.Ordinal))).ToArray();
            Assert.True(perZone.Max() - perZone.Min() <= 1, $"per zone [{string.Join(",", perZone)}]");
        });
}
