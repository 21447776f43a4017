using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling;
using Simulator.Cluster.Scheduling.Fragmentation;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Scheduling.Fragmentation;

/// <summary>
/// FGD on generated clusters (CPU, GPU count and model per node) and pods (CPU-only, shares,
/// whole GPUs, some restricted to a model, arriving and finishing over time): it never places a
/// pod where it does not fit, and its caches agree with recomputation from scratch.
/// </summary>
public class FgdProperties
{
    private static readonly string[] Models = ["A", "B"];

    public sealed record NodeSpec(int Cores, int Gpus, int Model);

    public sealed record PodSpec(int CpuTenths, int WholeGpus, int Milli, int Model, int SubmitSeconds, int RunSeconds)
    {
        public Pod Build(string name)
        {
            var pod = new PodBuilder(name).Resource(ResourceNames.Cpu, CpuTenths * 100L).Runs(RunSeconds + "s");
            if (WholeGpus > 0) pod.Gpus(WholeGpus);
            else if (Milli > 0) pod.Resource(ResourceNames.GpuMilli, Milli);
            if (Model >= 0) pod.NodeSelector(AcceleratorLabels.GpuProduct, Models[Model]);
            return pod.Build();
        }
    }

    public sealed record Case(NodeSpec[] Nodes, PodSpec[] Pods)
    {
        public override string ToString() => $"nodes [{string.Join("; ", Nodes.Select(n => n.ToString()))}] pods [{string.Join("; ", Pods.Select(p => p.ToString()))}]";
    }

    private static readonly Gen<NodeSpec> NodeGen =
        from cores in Gen.Elements(4, 8, 32, 96)
        from gpus in Gen.Elements(0, 1, 2, 4, 8)
        from model in Gen.Choose(0, 1)
        select new NodeSpec(cores, gpus, model);

    private static readonly Gen<PodSpec> PodGen =
        from cpu in Gen.Choose(0, 160)
        from kind in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Constant(1)), (2, Gen.Constant(2)))
        from whole in Gen.Elements(1, 1, 2, 4, 8)
        from milli in Gen.Frequency((1, Gen.Choose(1, 999)), (2, Gen.Elements(100, 250, 300, 500, 700)))
        from model in Gen.Frequency((3, Gen.Constant(-1)), (1, Gen.Choose(0, 1)))
        from submit in Gen.Choose(0, 600)
        from run in Gen.Choose(1, 900)
        select new PodSpec(cpu, kind == 2 ? whole : 0, kind == 1 ? milli : 0, kind == 0 ? -1 : model, submit, run);

    private static readonly Arbitrary<Case> Cases = Arb.From(
        from nodes in Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(NodeGen, n))
        from pods in Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(PodGen, n))
        select new Case(nodes, pods));

    private static Node BuildNode(NodeSpec n, int i)
    {
        var b = new NodeBuilder("n" + i).Resource(ResourceNames.Cpu, n.Cores * 1000L).Memory("256Gi").Gpus(n.Gpus);
        if (n.Gpus > 0) b.Label(AcceleratorLabels.GpuProduct, Models[n.Model]);
        return b.Build();
    }

    /// <summary>Checks every node the pod event touches: CPU, every GPU, whole GPUs held alone, models respected.</summary>
    private sealed class FitChecker(SchedulerCache cache) : IPodWatcher
    {
        public List<string> Violations { get; } = [];

        public void OnPodEvent(WatchEventType type, Pod pod)
        {
            if (cache.Get(pod.Spec.NodeName) is not { } node) return;
            if (node.Requested(ResourceIndex.Cpu) > node.Allocatable(ResourceIndex.Cpu))
                Violations.Add($"{node.Name}: {node.Requested(ResourceIndex.Cpu)}m CPU requested of {node.Allocatable(ResourceIndex.Cpu)}m");
            var used = node.GpuUsedMilli;
            for (int g = 0; g < used.Length; g++)
                if (used[g] > GpuDemand.MilliPerGpu) Violations.Add($"{node.Name} GPU {g}: {used[g]} milli");
            var holders = new int[node.GpuCount];
            foreach (var p in node.Pods)
                foreach (var g in p.Status.AssignedGpus) holders[g]++;
            foreach (var p in node.Pods)
            {
                var demand = GpuDemand.Of(p);
                if (demand.Whole > 0 && p.Status.AssignedGpus.Any(g => holders[g] != 1)) Violations.Add($"{p.Key} shares a whole GPU on {node.Name}");
                if (!demand.IsNone && p.Status.AssignedGpus.Length != Math.Max(demand.Whole, 1)) Violations.Add($"{p.Key} holds [{string.Join(",", p.Status.AssignedGpus)}]");
                var shape = PodShape.Of(p);
                if (!shape.IsCpuOnly && !shape.MayUse(AcceleratorLabels.GpuModelOf(node.Node))) Violations.Add($"{p.Key} wants {shape.GpuModels}, is on {node.Name}");
            }
        }
    }

    [Property(MaxTest = 150)]
    public Property FGD_never_places_a_pod_where_it_does_not_fit() =>
        Prop.ForAll(Cases, c =>
        {
            var workload = TargetWorkload.FromPods(c.Pods.Select((p, i) => PodShape.Of(p.Build("w" + i))));
            var cluster = new TestCluster(new ClusterOptions { Seed = 11, SchedulerProfile = "fgd", TargetWorkload = workload });
            for (int i = 0; i < c.Nodes.Length; i++) cluster.Store.AddNode(BuildNode(c.Nodes[i], i));
            var checker = new FitChecker(cluster.Sim.Scheduler.Cache);
            cluster.Store.Watch(checker);
            for (int i = 0; i < c.Pods.Length; i++)
                cluster.Sim.SubmitPod(TestCluster.At(c.Pods[i].SubmitSeconds + "s"), c.Pods[i].Build("p" + i));
            cluster.RunFor("30m");

            Assert.True(checker.Violations.Count == 0, string.Join("\n", checker.Violations.Take(20)));
        });

    /// <summary>One step on the cached nodes: place a pod where it fits (on GPUs chosen by FGD) or remove one.</summary>
    public sealed record Step(int Node, PodSpec Pod, bool Remove);

    private static readonly Arbitrary<(NodeSpec[] Nodes, Step[] Steps)> Histories = Arb.From(
        from nodes in Gen.Choose(1, 5).SelectMany(n => Gen.ArrayOf(NodeGen, n))
        from steps in Gen.Choose(1, 60).SelectMany(n => Gen.ArrayOf(
            from node in Gen.Choose(0, 4)
            from pod in PodGen
            from remove in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
            select new Step(node, pod, remove), n))
        select (nodes, steps));

    [Property(MaxTest = 150)]
    public Property Cached_scores_and_fragmentation_equal_a_fresh_computation() =>
        Prop.ForAll(Histories, h =>
        {
            var index = GpuNodes.Resources;
            var nodes = h.Nodes.Select((n, i) => new NodeInfo(BuildNode(n, i), index)).ToArray();
            var probes = h.Steps.Select((s, i) => new PodInfo(s.Pod.Build("probe" + i), index)).ToArray();
            var workload = TargetWorkload.FromPods(probes.Select(p => PodShape.Of(p.Pod)));
            var cached = new FgdScore(workload);
            var selector = new LeastFragmentationGpuSelector(workload);
            var placed = new List<(NodeInfo Node, Pod Pod)>();

            for (int i = 0; i < h.Steps.Length; i++)
            {
                var step = h.Steps[i];
                var node = nodes[step.Node % nodes.Length];
                if (step.Remove && placed.Count > 0)
                {
                    var (from, pod) = placed[i % placed.Count];
                    from.RemovePod(pod, new PodInfo(pod, index));
                    placed.Remove((from, pod));
                }
                else if (Fits(probes[i], node) && selector.Choose(probes[i], node, GpuDemand.Of(probes[i].Pod)) is { } gpus)
                {
                    var pod = step.Pod.Build("placed" + i);
                    GpuNodes.Add(node, pod, GpuDemand.Of(pod).IsNone ? [] : gpus);
                    placed.Add((node, pod));
                }

                // Score a few pods on every node with the long-lived plugin and with a fresh one.
                for (int k = Math.Max(0, i - 2); k <= i; k++)
                {
                    var fresh = new FgdScore(workload);
                    cached.PreScore(probes[k], nodes);
                    fresh.PreScore(probes[k], nodes);
                    foreach (var n in nodes)
                    {
                        Assert.Equal(fresh.Score(probes[k], n), cached.Score(probes[k], n));
                        Assert.Equal(NodeFragmentation.Of(n, workload), cached.FragmentationOf(n), 9);
                    }
                }
            }
        });

    private static bool Fits(PodInfo pod, NodeInfo node) =>
        node.Allocatable(ResourceIndex.Cpu) - node.Requested(ResourceIndex.Cpu) >= pod.CpuRequest
        && GpuAssignment.Fits(node.GpuUsedMilli, node.GpuCount, GpuDemand.Of(pod.Pod));
}
