using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simulator.Cluster.Api;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Properties;

/// <summary>
/// A generated gang: its PodGroup (created <see cref="GroupDelaySeconds"/> after its pods), its
/// members, and when one member is deleted (-1: never). A duration of 0 means the members run
/// until the end.
/// </summary>
public sealed record GangShape(
    int MinMember, int Pods, int CpuMilli, int Priority, int SubmitSeconds, int GroupDelaySeconds,
    int DurationSeconds, int TimeoutSeconds, int DeleteMemberAtSeconds);

/// <summary>A plain pod without a group, competing for the same nodes.</summary>
public sealed record PlainShape(int CpuMilli, int Priority, int SubmitSeconds, int DurationSeconds);

/// <summary>
/// With the gang profile, on random clusters, gangs and competing plain pods, no PodGroup ever
/// has some but fewer than minMember members bound: the members bound by any virtual time are
/// 0 or at least minMember (bound members that finish or are deleted still count, so the check
/// is about binding, not about how long the pods live).
/// </summary>
public class GangProperties
{
    public sealed record Case(int[] NodeCpuMilli, GangShape[] Gangs, PlainShape[] Plain, ulong Seed)
    {
        public override string ToString() =>
            $"seed {Seed}; nodes [{string.Join(", ", NodeCpuMilli)}]m; gangs {string.Join(" ", Gangs.Select(g => g.ToString()))}; plain {string.Join(" ", Plain.Select(p => p.ToString()))}";
    }

    private static readonly Gen<GangShape> GangGen =
        from min in Gen.Choose(1, 6)
        from extra in Gen.Elements(-1, 0, 0, 0, 1, 2)
        from cpu in Gen.Elements(500, 1000, 1000, 2000, 3000)
        from priority in Gen.Elements(0, 0, 10)
        from submit in Gen.Choose(0, 300)
        from groupDelay in Gen.Elements(0, 0, 0, 20)
        from duration in Gen.Elements(0, 60, 120, 600)
        from timeout in Gen.Elements(10, 30, 60)
        from delete in Gen.Frequency((3, Gen.Constant(-1)), (1, Gen.Choose(0, 900)))
        select new GangShape(min, Math.Max(1, min + extra), cpu, priority, submit, groupDelay, duration, timeout, delete);

    private static readonly Gen<PlainShape> PlainGen =
        from cpu in Gen.Elements(500, 1000, 2000)
        from priority in Gen.Elements(0, 5, 20)
        from submit in Gen.Choose(0, 600)
        from duration in Gen.Elements(0, 30, 90, 300)
        select new PlainShape(cpu, priority, submit, duration);

    private static readonly Arbitrary<Case> Cases = Arb.From(
        from nodeCount in Gen.Choose(1, 5)
        from nodes in Gen.Elements(1000, 2000, 4000, 6000).ArrayOf(nodeCount)
        from gangCount in Gen.Choose(1, 5)
        from gangs in GangGen.ArrayOf(gangCount)
        from plainCount in Gen.Choose(0, 6)
        from plain in PlainGen.ArrayOf(plainCount)
        from seed in Gen.Choose(1, int.MaxValue)
        select new Case(nodes, gangs, plain, (ulong)seed));

    private sealed record Outcome(TestCluster Cluster, List<(GangShape Shape, List<Pod> Members)> Gangs);

    private static Outcome Run(Case c)
    {
        var cluster = new TestCluster(seed: c.Seed, profile: "gang");
        for (int i = 0; i < c.NodeCpuMilli.Length; i++)
            cluster.Store.AddNode(new NodeBuilder("n" + i.ToString(CultureInfo.InvariantCulture)).Resource(ResourceNames.Cpu, c.NodeCpuMilli[i]).Build());
        var gangs = new List<(GangShape, List<Pod>)>();
        for (int g = 0; g < c.Gangs.Length; g++)
        {
            var s = c.Gangs[g];
            var name = "g" + g.ToString(CultureInfo.InvariantCulture);
            var at = SimTime.Zero + SimDuration.FromSeconds(s.SubmitSeconds);
            cluster.Sim.SubmitObject(at + SimDuration.FromSeconds(s.GroupDelaySeconds), Gang.Group(name, s.MinMember, s.TimeoutSeconds));
            var members = new List<Pod>();
            for (int i = 0; i < s.Pods; i++)
            {
                var b = new PodBuilder($"{name}-{i}").Resource(ResourceNames.Cpu, s.CpuMilli).Priority(s.Priority);
                if (s.DurationSeconds > 0) b.Runs(s.DurationSeconds.ToString(CultureInfo.InvariantCulture) + "s");
                var pod = Gang.Member(b, name);
                cluster.Sim.SubmitPod(at, pod);
                members.Add(pod);
            }
            if (s.DeleteMemberAtSeconds >= 0)
            {
                var victim = members[0];
                cluster.Engine.Schedule(SimTime.Zero + SimDuration.FromSeconds(s.DeleteMemberAtSeconds), () =>
                {
                    if (cluster.Store.GetPod(victim.Key) == victim) cluster.Store.DeletePod(victim);
                });
            }
            gangs.Add((s, members));
        }
        for (int p = 0; p < c.Plain.Length; p++)
        {
            var s = c.Plain[p];
            var b = new PodBuilder("plain-" + p.ToString(CultureInfo.InvariantCulture)).Resource(ResourceNames.Cpu, s.CpuMilli).Priority(s.Priority);
            if (s.DurationSeconds > 0) b.Runs(s.DurationSeconds.ToString(CultureInfo.InvariantCulture) + "s");
            cluster.Sim.SubmitPod(SimTime.Zero + SimDuration.FromSeconds(s.SubmitSeconds), b.Build());
        }
        cluster.RunFor("40m");
        return new Outcome(cluster, gangs);
    }

    /// <summary>How many members were bound by the first virtual time any of them was (0 if none ever was).</summary>
    private static int BoundAtFirstBinding(TestCluster cluster, List<Pod> members)
    {
        var times = members.Select(p => cluster.BoundAt(p)).Where(t => t is not null).Select(t => t!.Value).ToList();
        if (times.Count == 0) return 0;
        var first = times.Min();
        return times.Count(t => t == first);
    }

    [Property(MaxTest = 80)]
    public Property Every_group_has_none_or_at_least_min_member_bound_at_every_point_in_time() =>
        Prop.ForAll(Cases, c =>
        {
            var outcome = Run(c);
            foreach (var (shape, members) in outcome.Gangs)
            {
                int first = BoundAtFirstBinding(outcome.Cluster, members);
                Assert.True(first == 0 || first >= shape.MinMember,
                    $"{members[0].Metadata.Labels[PodGroup.GroupLabel]}: {first} member(s) bound first, minMember {shape.MinMember}");
            }
            // Nothing is left assumed without waiting: every reservation is a bound pod or a waiting one.
            Assert.All(outcome.Cluster.Sim.Scheduler.Cache.Nodes, n => Assert.All(n.Pods,
                p => Assert.True(p.IsBound || outcome.Cluster.Sim.Scheduler.WaitingPods.Get(p.Key) is not null, $"{p.Key} assumed on {n.Name}")));
        });

    /// <summary>The property means something only if, in the generated cases, gangs bind, are held back, and time out at Permit.</summary>
    [Fact]
    public void Generated_gangs_bind_wait_and_time_out()
    {
        int boundGangs = 0, heldGangs = 0, timeouts = 0;
        foreach (var c in Cases.Generator.Sample(30, new Rnd(7), 25))
        {
            var outcome = Run(c);
            foreach (var (_, members) in outcome.Gangs)
            {
                if (BoundAtFirstBinding(outcome.Cluster, members) > 0) boundGangs++;
                else heldGangs++;
                timeouts += members.Sum(p => outcome.Cluster.EventsFor(p, "FailedScheduling").Count(e => e.Message.Contains("rejected due to timeout", StringComparison.Ordinal)));
            }
        }
        Assert.True(boundGangs > 0 && heldGangs > 0 && timeouts > 0, $"bound {boundGangs}, held {heldGangs}, Permit timeouts {timeouts}");
    }
}
