using System.Text.RegularExpressions;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Store;

/// <summary>Object UIDs look like Kubernetes' (random version-4 UUIDs) yet come from the seed.</summary>
public partial class UidTests
{
    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex UuidV4();

    private static List<string> Uids(ulong seed, int pods = 50)
    {
        var store = new ClusterStore(new Simulation(seed));
        var uids = new List<string>();
        var node = new NodeBuilder("a").Build();
        store.AddNode(node);
        uids.Add(node.Metadata.Uid);
        for (int i = 0; i < pods; i++)
        {
            var pod = new PodBuilder($"p{i}").Build();
            store.CreatePod(pod);
            uids.Add(pod.Metadata.Uid);
        }
        return uids;
    }

    [Fact]
    public void Uids_are_lower_case_version_4_variant_1_uuids()
    {
        foreach (var uid in Uids(seed: 1))
        {
            Assert.Matches(UuidV4(), uid);
            var guid = Guid.Parse(uid);
            Assert.Equal(4, guid.Version);
            Assert.Equal(uid, guid.ToString("D"));
        }
    }

    [Fact]
    public void Uids_are_unique_within_a_run()
    {
        var uids = Uids(seed: 1, pods: 10_000);
        Assert.Equal(uids.Count, uids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_same_seed_gives_the_same_uids()
    {
        Assert.Equal(Uids(seed: 42), Uids(seed: 42));
        Assert.Empty(Uids(seed: 42).Intersect(Uids(seed: 43)));
    }

    [Fact]
    public void A_whole_cluster_run_twice_gives_the_same_uids()
    {
        static List<string> Run()
        {
            var cluster = new TestCluster(seed: 9).Nodes(new NodeBuilder("a"), new NodeBuilder("b"));
            for (int i = 0; i < 20; i++) cluster.Create(new PodBuilder($"p{i}").Cpu("500m").Runs("10s"));
            cluster.RunFor("5m");
            return [.. cluster.Sim.Metrics.Pods.Select(p => p.Uid)];
        }

        Assert.Equal(Run(), Run());
    }
}
