using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simulator.Cluster.Api;
using Simulator.Cluster.Faults;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using Simulator.Cluster.Tests.Controllers;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Properties;

/// <summary>
/// Self-healing under random node failures and recoveries, on clusters with room to spare: every
/// Deployment is back to its desired Ready replicas within grace + toleration + start-up time
/// after the last failure, and no ReplicaSet ever has more active pods than it asked for.
/// </summary>
public class SelfHealingProperties
{
    /// <summary>One failure or recovery of node <c>Node</c> at <c>AtSeconds</c>.</summary>
    public sealed record NodeEvent(int AtSeconds, int Node, bool Fail);

    public sealed record Case(int NodesPerZone, int[] Replicas, NodeEvent[] Events, ulong Seed)
    {
        public override string ToString() =>
            $"seed {Seed}, 2x{NodesPerZone} nodes, replicas [{string.Join(",", Replicas)}], events [{string.Join("; ", Events.Select(e => $"{(e.Fail ? "fail" : "recover")} n{e.Node}@{e.AtSeconds}s"))}]";
    }

    private static readonly Arbitrary<Case> Cases = Arb.From(
        from perZone in Gen.Choose(3, 5)
        from replicas in Gen.ArrayOf(Gen.Choose(1, 6)).Where(r => r.Length is >= 1 and <= 3)
        from events in Gen.ArrayOf(
            from at in Gen.Choose(600, 3 * 3600)
            from node in Gen.Choose(0, 2 * perZone - 1)
            from fail in Gen.Elements(true, true, false)
            select new NodeEvent(at, node, fail)).Where(e => e.Length is >= 1 and <= 8)
        from seed in Gen.Choose(1, int.MaxValue)
        select new Case(perZone, replicas, events, (ulong)seed));

    /// <summary>
    /// Node monitor grace (50 s) + monitor period (5 s) + default toleration (300 s) + the zone's
    /// NoExecute rate limit (10 s per node tainted before it) + container start and scheduling slack.
    /// </summary>
    private static SimDuration HealingBound(int nodes) => SimDuration.FromSeconds(50 + 5 + 300 + 10 * nodes + 5);

    [Property(MaxTest = 40)]
    public Property Deployments_heal_after_the_last_failure_and_no_pod_is_counted_twice() =>
        Prop.ForAll(Cases, c =>
        {
            var cluster = new TestCluster(c.Seed);
            int nodes = 2 * c.NodesPerZone;
            for (int i = 0; i < nodes; i++)
                cluster.Nodes(new NodeBuilder(NodeName(i)).Cpu("8").Memory("32Gi").Zone(i < c.NodesPerZone ? "a" : "b"));
            var deployments = c.Replicas
                .Select((r, i) => new DeploymentBuilder($"app{i}").Replicas(r).Template(ReplicaSetBuilder.Template($"app{i}", cpu: "500m")).Build())
                .ToList();
            foreach (var d in deployments) cluster.Store.Deployments.Create(d);

            var overCount = new OverCountWatcher(cluster.Store);
            cluster.Store.Watch(overCount);

            // At most two nodes of a zone down at once: with three or more (and >= 55 %), Kubernetes
            // deliberately stops evicting from a "partially disrupted" zone, and nothing would heal.
            var down = new HashSet<int>();
            SimTime lastFailure = SimTime.Zero;
            foreach (var e in c.Events.OrderBy(e => e.AtSeconds).ThenBy(e => e.Node))
            {
                var at = SimTime.Zero + SimDuration.FromSeconds(e.AtSeconds);
                int zoneStart = e.Node < c.NodesPerZone ? 0 : c.NodesPerZone;
                int downInZone = down.Count(n => n >= zoneStart && n < zoneStart + c.NodesPerZone);
                if (e.Fail && !down.Contains(e.Node) && downInZone < 2)
                {
                    down.Add(e.Node);
                    cluster.Sim.Faults.Schedule(new FailNode(at, NodeName(e.Node)));
                    lastFailure = SimTime.Max(lastFailure, at);
                }
                else if (!e.Fail && down.Remove(e.Node))
                {
                    cluster.Sim.Faults.Schedule(new RecoverNode(at, NodeName(e.Node)));
                }
            }

            var deadline = SimTime.Max(lastFailure, SimTime.Zero + SimDuration.FromMinutes(10)) + HealingBound(nodes);
            cluster.Engine.RunUntil(deadline);

            Assert.True(overCount.Violations.Count == 0, string.Join("\n", overCount.Violations));
            foreach (var d in deployments)
            {
                int ready = cluster.Store.Pods.Count(p =>
                    p.Metadata.Labels.GetValueOrDefault("app") == d.Name && !p.IsTerminating && !p.IsTerminal &&
                    p.Status.GetCondition(PodConditionType.Ready)?.Status == ConditionStatus.True);
                Assert.True(ready == d.Spec.Replicas, $"{d.Name}: {ready} Ready of {d.Spec.Replicas} at {deadline}");
            }
        });

    private static string NodeName(int i) => $"node-{i}";

    /// <summary>At every notification: no ReplicaSet has more active (not terminating, not finished) pods than its replicas.</summary>
    private sealed class OverCountWatcher(ClusterStore store) : IPodWatcher
    {
        public List<string> Violations { get; } = [];

        public void OnPodEvent(WatchEventType type, Pod pod)
        {
            foreach (var rs in store.ReplicaSets.Items)
            {
                int active = store.Pods.Count(p => p.Metadata.Controller?.Uid == rs.Metadata.Uid && !p.IsTerminating && !p.IsTerminal);
                if (active > rs.Spec.Replicas && Violations.Count < 5)
                    Violations.Add($"t={store.Now}: {rs.Name} has {active} active pods for {rs.Spec.Replicas} replicas");
            }
        }
    }
}
