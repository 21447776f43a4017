using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers.ClusterAutoscaler;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using Simulator.Cluster.Tests.Controllers;
using Simulator.Cluster.Tests.Controllers.ClusterAutoscaler;
using Simulator.Engine;
using static Simulator.Cluster.Tests.Controllers.ClusterAutoscaler.AutoscalerTestKit;
using CA = Simulator.Cluster.Controllers.ClusterAutoscaler.ClusterAutoscaler;

namespace Simulator.Cluster.Tests.Properties;

/// <summary>
/// The Cluster Autoscaler on generated autoscaled pools (CPU and GPU templates, random min, max,
/// initial count and provisioning delay, some slower than max-node-provision-time) under generated
/// workloads (Jobs, Deployments and bare pods of random sizes arriving over 40 min, some annotated
/// safe-to-evict "false", some too large for every template), over 90 simulated minutes:
/// <list type="bullet">
/// <item>P1: every group's size (registered + requested) stays within [min, max];</item>
/// <item>P2: no node is removed, or marked for removal, while a bare pod (not safe-to-evict "true")
/// or a pod annotated safe-to-evict "false" runs on it;</item>
/// <item>P3: a pod too large for every template never triggers a scale-up and is told why;</item>
/// <item>P4: no node is allocated beyond its allocatable (<see cref="InvariantChecker"/>);</item>
/// <item>P5: the same case and seed give the same events.</item>
/// </list>
/// </summary>
public class AutoscalerProperties
{
    public sealed record PoolSpec(bool Gpu, int Cpu, int Min, int Max, int Count, int ProvisioningSeconds, int GpuReadySeconds);

    public enum Kind { Job, Deployment, BarePod, Huge }

    public sealed record WorkloadSpec(Kind Kind, int Replicas, int CpuMilli, int Gpus, int RunMinutes, int AtSeconds, bool NotSafeToEvict);

    public sealed record Case(PoolSpec[] Pools, WorkloadSpec[] Workloads, ulong Seed)
    {
        public override string ToString() =>
            $"seed {Seed}; pools [{string.Join("; ", Pools.Select((p, i) => $"p{i} {(p.Gpu ? "gpu" : "cpu")}{p.Cpu} [{p.Min},{p.Max}] x{p.Count} prov {p.ProvisioningSeconds}s gpuReady {p.GpuReadySeconds}s"))}]; " +
            $"workloads [{string.Join("; ", Workloads.Select(w => $"{w.Kind} x{w.Replicas} {w.CpuMilli}m gpu{w.Gpus} {w.RunMinutes}min @{w.AtSeconds}s{(w.NotSafeToEvict ? " safe-to-evict=false" : "")}"))}]";
    }

    private static readonly Gen<PoolSpec> PoolGen =
        from gpu in Gen.Elements(false, false, true)
        from cpu in Gen.Elements(4, 8, 16)
        from min in Gen.Choose(0, 2)
        from span in Gen.Choose(0, 4)
        from count in Gen.Choose(min, Math.Min(min + 1, Math.Max(1, min + span)))
        from provisioning in Gen.Elements(30, 120, 240, 1200)
        from gpuReady in Gen.Elements(60, 180, 360)
        select new PoolSpec(gpu, cpu, min, Math.Max(1, min + span), count, provisioning, gpuReady);

    private static readonly Gen<WorkloadSpec> WorkloadGen =
        from kind in Gen.Elements(Kind.Job, Kind.Job, Kind.Deployment, Kind.Deployment, Kind.BarePod, Kind.Huge)
        from replicas in Gen.Choose(1, 6)
        from cpu in Gen.Elements(500, 1000, 2000, 3000, 3000, 6000)
        from gpus in Gen.Elements(0, 0, 0, 1, 2)
        from runs in Gen.Choose(2, 30)
        from at in Gen.Choose(0, 40 * 60)
        from notSafe in Gen.Elements(false, false, true)
        select new WorkloadSpec(kind, kind == Kind.Huge ? 1 : replicas, kind == Kind.Huge ? 64_000 : cpu, kind == Kind.Huge ? 0 : gpus, runs, at, notSafe);

    private static readonly Arbitrary<Case> Cases = Arb.From(
        from pools in Gen.ArrayOf(PoolGen).Where(p => p.Length is >= 1 and <= 3)
        from workloads in Gen.ArrayOf(WorkloadGen).Where(w => w.Length is >= 1 and <= 8)
        from seed in Gen.Choose(1, int.MaxValue)
        select new Case(pools, workloads, (ulong)seed));

    private static readonly SimDuration RunLength = SimDuration.FromMinutes(90);

    /// <summary>One run of a case with every check attached; violations collected, not thrown.</summary>
    private sealed class AutoscaledRun : INodeWatcher, IEventSink
    {
        private readonly TestCluster _cluster;
        private readonly Dictionary<string, NodePool> _pools = new(StringComparer.Ordinal);

        public AutoscaledRun(Case c)
        {
            _cluster = NewCluster(c.Seed);
            var pools = c.Pools.Select((p, i) => Pool($"p{i}", p.Min, p.Max, p.Count, cpu: p.Cpu, memoryGi: p.Gpu ? 64 : 32, gpus: p.Gpu ? 4 : 0,
                provisioning: $"{p.ProvisioningSeconds}s", gpuReady: $"{p.GpuReadySeconds}s")).ToArray();
            _cluster.Pools(pools);
            foreach (var pool in pools) _pools.Add(pool.Name, pool);
            Checker = new InvariantChecker(_cluster.Sim);
            _cluster.Store.Watch((INodeWatcher)this);
            _cluster.Store.AddEventSink(this);
            for (int i = 0; i < c.Workloads.Length; i++) Submit(c.Workloads[i], $"w{i}");
            _cluster.StartAutoscaler();
            for (var t = SimTime.Zero + SimDuration.FromSeconds(10); t <= SimTime.Zero + RunLength; t += SimDuration.FromSeconds(10))
            {
                _cluster.Engine.RunUntil(t);
                CheckBounds();
            }
            Checker.CheckAtEnd();
        }

        public InvariantChecker Checker { get; }

        public List<string> Violations { get; } = [];

        public List<string> HugePods { get; } = [];

        public IReadOnlyList<ClusterEvent> Events => _cluster.Sim.Metrics.Events;

        public object Counts => _cluster.Sim.ClusterAutoscaler.Summarize() is { } s
            ? (s.ScaleUps, s.NodesRequested, s.NodesRegistered, s.ProvisioningTimeouts, s.NodesRemoved, s.FailedDrains, string.Join(";", s.Groups))
            : "";

        private void Submit(WorkloadSpec w, string name)
        {
            var at = SimTime.Zero + SimDuration.FromSeconds(w.AtSeconds);
            var annotations = w.NotSafeToEvict ? new Dictionary<string, string> { [DrainRules.SafeToEvictAnnotation] = "false" } : null;
            var cpu = $"{w.CpuMilli}m";
            switch (w.Kind)
            {
                case Kind.Job:
                {
                    var template = Template(name, cpu, gpus: w.Gpus, annotations: annotations);
                    var job = new Job
                    {
                        Metadata = new ObjectMeta { Name = name },
                        Spec = new JobSpec
                        {
                            Parallelism = w.Replicas,
                            Completions = w.Replicas,
                            Selector = LabelSelector.FromLabels(template.Labels),
                            Template = new PodTemplate
                            {
                                Labels = template.Labels,
                                Annotations = template.Annotations,
                                Spec = new PodSpec { Containers = template.Spec.Containers, RestartPolicy = RestartPolicy.Never },
                                Workload = new Workload { Duration = SimDuration.FromMinutes(w.RunMinutes) },
                            },
                        },
                    };
                    _cluster.Sim.SubmitObject(at, job);
                    break;
                }
                case Kind.Deployment:
                    _cluster.Sim.SubmitObject(at, new DeploymentBuilder(name).Replicas(w.Replicas)
                        .Template(Template(name, cpu, gpus: w.Gpus, annotations: annotations)).Build());
                    break;
                case Kind.BarePod:
                case Kind.Huge:
                    for (int r = 0; r < w.Replicas; r++)
                    {
                        var builder = new PodBuilder($"{name}-{r}").Cpu(cpu).Label("app", name).Runs($"{w.RunMinutes}m");
                        if (w.Gpus > 0) builder.Gpus(w.Gpus);
                        var pod = w.NotSafeToEvict ? builder.Annotated(DrainRules.SafeToEvictAnnotation, "false") : builder.Build();
                        if (w.Kind == Kind.Huge) HugePods.Add(pod.Key);
                        _cluster.Sim.SubmitPod(at, pod);
                    }
                    break;
            }
        }

        /// <summary>P1: registered + requested within [min, max] for every group.</summary>
        private void CheckBounds()
        {
            foreach (var group in _cluster.Sim.ClusterAutoscaler.Groups)
            {
                int registered = _cluster.Store.Nodes.Count(n => n.Pool == group.Name);
                int size = registered + group.Upcoming.Count;
                if (size < group.Min || size > group.Max)
                    Violations.Add($"P1 at {_cluster.Engine.Now}: group {group.Name} has {registered} + {group.Upcoming.Count} requested, bounds [{group.Min}, {group.Max}]");
            }
        }

        /// <summary>The pods CA's drainability rules say keep their node: bare (unless safe-to-evict "true") or safe-to-evict "false".</summary>
        private List<Pod> ProtectedPodsOn(string node) =>
            [.. _cluster.Store.Pods.Where(p => p.Spec.NodeName == node && !p.IsTerminal && !p.IsTerminating && IsProtected(p))];

        private static bool IsProtected(Pod pod)
        {
            var safe = pod.Metadata.Annotations.GetValueOrDefault(DrainRules.SafeToEvictAnnotation);
            return safe != "true" && (pod.Metadata.Controller is null || safe == "false");
        }

        public void OnNodeEvent(WatchEventType type, Node node)
        {
            CheckBounds();
            if (type != WatchEventType.Deleted) return;
            foreach (var pod in ProtectedPodsOn(node.Name))
                Violations.Add($"P2 at {_cluster.Engine.Now}: node {node.Name} removed while {pod.Key} runs there");
        }

        public void OnEvent(ClusterEvent e)
        {
            if (e.Source != CA.ComponentName) return;
            // Every removal starts by marking the node: nothing protected may be on it then.
            if (e.Reason == "ScaleDown" && e.ObjectKind == "Node" && e.Message.StartsWith("marked the node", StringComparison.Ordinal))
                foreach (var pod in ProtectedPodsOn(e.ObjectName))
                    Violations.Add($"P2 at {e.Time}: node {e.ObjectName} marked for removal while {pod.Key} runs there");
            if (e.Reason == "ScaleDown" && e.ObjectKind == "Pod" && _cluster.Store.GetPod(e.ObjectName) is { } evicted && IsProtected(evicted))
                Violations.Add($"P2 at {e.Time}: protected pod {e.ObjectName} evicted for scale-down");
        }
    }

    private static Property Holds(AutoscaledRun run, Case c) =>
        (run.Violations.Count == 0 && run.Checker.Violations.Count == 0)
            .Label($"{c}\n{string.Join("\n", run.Violations.Concat(run.Checker.Violations).Take(10))}");

    [Property(MaxTest = 30)]
    public Property P1_P2_P4_group_sizes_stay_within_bounds_protected_pods_keep_their_nodes_and_no_node_is_overallocated() =>
        Prop.ForAll(Cases, c => Holds(new AutoscaledRun(c), c));

    /// <summary>The events recorded for each pod too large for every template.</summary>
    private static IEnumerable<(string Pod, List<ClusterEvent> Events)> HugePodEvents(AutoscaledRun run) =>
        run.HugePods.Select(key => (key, run.Events.Where(e => e.ObjectKind == "Pod" && e.ObjectName == key).ToList()));

    [Property(MaxTest = 30)]
    public Property P3_a_pod_too_large_for_every_template_never_triggers_a_scale_up_and_any_reason_given_is_CA_s() =>
        Prop.ForAll(Cases, c =>
        {
            var run = new AutoscaledRun(c);
            var problems = new List<string>();
            foreach (var (key, events) in HugePodEvents(run))
            {
                if (events.Any(e => e.Reason == "TriggeredScaleUp")) problems.Add($"{key} triggered a scale-up");
                foreach (var e in events.Where(e => e.Reason == "NotTriggerScaleUp"))
                {
                    // "pod didn't trigger scale-up: " then "N reason" parts, sorted, each N >= 1.
                    const string prefix = "pod didn't trigger scale-up: ";
                    var parts = e.Message.StartsWith(prefix, StringComparison.Ordinal) ? e.Message[prefix.Length..].Split(", ") : [];
                    bool wellFormed = parts.Length > 0
                        && parts.All(p => p.Split(' ', 2) is [var n, var reason] && int.TryParse(n, out var count) && count >= 1
                            && reason is "Insufficient cpu" or ScaleUpPlanner.MaxSizeReached or ScaleUpPlanner.InBackoff)
                        && parts.SequenceEqual(parts.Order(StringComparer.Ordinal));
                    if (!wellFormed) problems.Add($"{key}: unexpected message \"{e.Message}\"");
                }
            }
            return (problems.Count == 0).Label($"{c}\n{string.Join("\n", problems)}");
        });

    [Property(MaxTest = 30)]
    public Property P3_a_pod_too_large_for_every_template_is_told_why() =>
        Prop.ForAll(Cases, c =>
        {
            var run = new AutoscaledRun(c);
            var silent = HugePodEvents(run).Where(h => !h.Events.Any(e => e.Reason == "NotTriggerScaleUp")).Select(h => h.Pod).ToList();
            return (silent.Count == 0).Label($"{c}\nno NotTriggerScaleUp for {string.Join(", ", silent)}");
        });

    [Property(MaxTest = 15)]
    public Property P5_the_same_case_and_seed_give_the_same_events() =>
        Prop.ForAll(Cases, c =>
        {
            var first = new AutoscaledRun(c);
            var second = new AutoscaledRun(c);
            var a = first.Events.Select(e => $"{e.Time.Microseconds} {e.Type} {e.Reason} {e.ObjectKind} {e.ObjectName} {e.Message}").ToList();
            var b = second.Events.Select(e => $"{e.Time.Microseconds} {e.Type} {e.Reason} {e.ObjectKind} {e.ObjectName} {e.Message}").ToList();
            return (a.SequenceEqual(b) && first.Counts.Equals(second.Counts)).Label($"{c}: {a.Count} vs {b.Count} events");
        });
}
