using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simulator.Cluster.Api;

namespace Simulator.Cluster.Tests.Properties;

/// <summary>
/// DESIGN §7's conservation rules on random clusters and workloads, checked at every store
/// notification and every event of two simulated hours: no node over-allocated, every pod in
/// exactly one phase moving only forward and never changing node, time never going back; at
/// the end, the scheduler's cache agrees with the store. And reruns are bit-identical.
/// </summary>
public class ClusterInvariantProperties
{
    public sealed record Case(GeneratedCluster Cluster, ulong Seed)
    {
        public override string ToString() => $"seed {Seed}: {Cluster}";
    }

    private static readonly Arbitrary<Case> Cases = Arb.From(
        from cluster in GeneratedCluster.Generator
        from seed in Gen.Choose(1, int.MaxValue)
        select new Case(cluster, (ulong)seed),
        c => GeneratedCluster.Shrink(c.Cluster).Select(smaller => c with { Cluster = smaller }));

    private static ScenarioRun RunChecked(GeneratedCluster cluster, ulong seed)
    {
        var run = ScenarioRun.Execute(cluster, seed);
        Assert.True(run.Checker.Violations.Count == 0, string.Join("\n", run.Checker.Violations));
        Assert.Equal(cluster.Pods.Length, run.Checker.PodsCreated);
        Assert.Equal(cluster.Pods.Length, run.Result.Summary.PodsCreated);
        return run;
    }

    [Property(MaxTest = 100)]
    public Property Conservation_holds_at_every_event() =>
        Prop.ForAll(Cases, c =>
        {
            var run = RunChecked(c.Cluster, c.Seed);
            // Every notification passed through the checker: at least one per pod and node.
            Assert.True(run.Checker.Notifications >= c.Cluster.Pods.Length + c.Cluster.Nodes.Length);
        });

    [Property(MaxTest = 25)]
    public Property The_same_seed_reproduces_the_run_and_another_seed_keeps_the_rules() =>
        Prop.ForAll(Cases, c =>
        {
            var first = RunChecked(c.Cluster, c.Seed);
            var again = RunChecked(c.Cluster, c.Seed);
            Assert.Equal(first.Fingerprint(), again.Fingerprint());
            Assert.Equal(first.Result.Events, again.Result.Events);

            RunChecked(c.Cluster, c.Seed + 1);
        });

    /// <summary>
    /// The properties only mean something if the generated workloads reach the interesting
    /// states; over a fixed sample of generated cases, they all do.
    /// </summary>
    [Fact]
    public void Generated_workloads_exercise_every_phase_preemption_deletion_and_unschedulable_pods()
    {
        var sample = Cases.Generator.Sample(50, new Rnd(2024), 12);
        int preempted = 0, unschedulable = 0, deletedWhileBound = 0, pulls = 0;
        var everIn = new int[4];
        foreach (var c in sample)
        {
            var run = RunChecked(c.Cluster, c.Seed);
            preempted += run.Result.Events.Count(e => e.Reason == "Preempted");
            pulls += run.Result.Events.Count(e => e.Reason == "Pulled");
            unschedulable += run.Result.Summary.PodsEverUnschedulable;
            deletedWhileBound += run.Checker.DeletedWhileBound;
            for (int p = 0; p < 4; p++) everIn[p] += run.Checker.EverInPhase[p];
        }

        Assert.All(new[] { preempted, unschedulable, deletedWhileBound, pulls }, n => Assert.True(n > 0));
        Assert.True(everIn[(int)PodPhase.Running] > 0);
        Assert.True(everIn[(int)PodPhase.Succeeded] > 0);
    }
}
