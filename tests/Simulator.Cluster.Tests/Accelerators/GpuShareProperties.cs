using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Accelerators;

/// <summary>
/// On random GPU clusters and mixes of whole-GPU and shared-GPU pods (with priorities, so
/// preemption runs, and some pods pinned with spec.nodeName): at every pod notification, no
/// physical GPU holds more than 1000 milli, every whole-GPU pod holds its own entirely (no other
/// pod on it), and the cache's per-GPU counts equal what its pods' assigned GPUs add up to.
/// </summary>
public class GpuShareProperties
{
    public sealed record PodShape(int WholeGpus, int Milli, int Priority, int SubmitSeconds, int RunMinutes, int PinnedTo);

    public sealed record Case(int[] NodeGpus, PodShape[] Pods)
    {
        public override string ToString() =>
            $"nodes [{string.Join(",", NodeGpus)}] pods [{string.Join("; ", Pods.Select(p => p.ToString()))}]";
    }

    private static readonly Gen<PodShape> PodGen =
        from whole in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 4)))
        from milli in Gen.Frequency((1, Gen.Choose(1, 1000)), (2, Gen.Elements(100, 250, 300, 500, 600, 700)))
        from priority in Gen.Elements(0, 0, 0, 100)
        from submit in Gen.Choose(0, 1800)
        from run in Gen.Choose(1, 60)
        from pinned in Gen.Frequency((9, Gen.Constant(-1)), (1, Gen.Choose(0, 3)))
        select new PodShape(whole, whole > 0 ? 0 : milli, priority, submit, run, pinned);

    private static readonly Arbitrary<Case> Cases = Arb.From(
        from nodes in Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Gen.Choose(1, 8), n))
        from pods in Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(PodGen, n))
        select new Case(nodes, pods));

    private sealed class GpuChecker(SchedulerCache cache) : IPodWatcher
    {
        public List<string> Violations { get; } = [];

        public void OnPodEvent(WatchEventType type, Pod pod)
        {
            if (cache.Get(pod.Spec.NodeName) is not { } node) return;
            var expected = new int[node.GpuCount];
            var holders = new int[node.GpuCount];
            foreach (var p in node.Pods)
            {
                var demand = GpuDemand.Of(p);
                var gpus = p.Status.AssignedGpus;
                if (demand.Whole > 0 && gpus.Length > 0 && (gpus.Length != demand.Whole || gpus.Distinct().Count() != gpus.Length))
                    Violations.Add($"{p.Key} asks for {demand.Whole} GPUs but holds [{string.Join(",", gpus)}]");
                foreach (var g in gpus)
                {
                    expected[g] += demand.MilliPerAssignedGpu;
                    holders[g]++;
                }
            }
            var used = node.GpuUsedMilli;
            for (int g = 0; g < node.GpuCount; g++)
            {
                if (used[g] != expected[g])
                    Violations.Add($"{node.Name} GPU {g}: cache {used[g]}, its pods' GPUs add up to {expected[g]} (at {type} of {pod.Key})");
                if (used[g] > GpuDemand.MilliPerGpu) Violations.Add($"{node.Name} GPU {g} over 1000: {used[g]}");
            }
            foreach (var p in node.Pods)
            {
                if (GpuDemand.Of(p).Whole == 0) continue;
                foreach (var g in p.Status.AssignedGpus)
                    if (holders[g] != 1) Violations.Add($"{p.Key} holds whole GPU {g} of {node.Name} with {holders[g] - 1} other pod(s)");
            }
        }
    }

    [Property(MaxTest = 200)]
    public Property No_gpu_is_over_full_and_whole_gpus_are_never_shared() =>
        Prop.ForAll(Cases, c =>
        {
            var cluster = new TestCluster(seed: 7);
            for (int i = 0; i < c.NodeGpus.Length; i++)
                cluster.Nodes(new NodeBuilder("gpu-" + i).Cpu("64").Memory("256Gi").Gpus(c.NodeGpus[i]));
            var checker = new GpuChecker(cluster.Sim.Scheduler.Cache);
            cluster.Store.Watch(checker);
            for (int i = 0; i < c.Pods.Length; i++)
            {
                var s = c.Pods[i];
                var pod = new PodBuilder("p" + i).Cpu("100m").Priority(s.Priority).Runs(s.RunMinutes + "m");
                if (s.WholeGpus > 0) pod.Gpus(s.WholeGpus);
                else pod.Resource(ResourceNames.GpuMilli, s.Milli);
                if (s.PinnedTo >= 0 && s.PinnedTo < c.NodeGpus.Length) pod.OnNode("gpu-" + s.PinnedTo);
                cluster.Sim.SubmitPod(TestCluster.At(s.SubmitSeconds + "s"), pod.Build());
            }
            cluster.RunFor("2h");

            Assert.True(checker.Violations.Count == 0, string.Join("\n", checker.Violations.Take(20)));
        });
}
