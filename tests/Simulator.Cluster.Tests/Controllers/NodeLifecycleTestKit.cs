using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers;
using Simulator.Cluster.Faults;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Controllers;

/// <summary>Small helpers shared by the node lifecycle, taint eviction, pod GC and fault tests.</summary>
internal static class NodeLifecycleTestKit
{
    public static TestCluster NewCluster(params NodeBuilder[] nodes) => new TestCluster().Nodes(nodes);

    /// <summary>Nodes <c>prefix-0</c>.. in one zone.</summary>
    public static NodeBuilder[] Zone(string zone, int count, string prefix) =>
        [.. Enumerable.Range(0, count).Select(i => new NodeBuilder($"{prefix}-{i}").Zone(zone))];

    public static SimTime At(string time) => TestCluster.At(time);

    public static Node Node(this TestCluster cluster, string name) => cluster.Store.GetNode(name)!;

    /// <summary>Schedules a timeline FailNode (the kubelet goes silent at <paramref name="at"/>).</summary>
    public static void FailAt(this TestCluster cluster, string at, params string[] nodes)
    {
        foreach (var n in nodes) cluster.Sim.Faults.Schedule(new FailNode(At(at), n));
    }

    public static void RecoverAt(this TestCluster cluster, string at, params string[] nodes)
    {
        foreach (var n in nodes) cluster.Sim.Faults.Schedule(new RecoverNode(At(at), n));
    }

    public static ConditionStatus? Ready(this Node node) =>
        node.Status.Conditions.FirstOrDefault(c => c.Type == NodeConditionType.Ready)?.Status;

    public static bool Has(this Node node, Taint taint) =>
        node.Spec.Taints.Any(t => t.Key == taint.Key && t.Effect == taint.Effect);

    public static bool Unreachable(this Node node) => node.Has(NodeLifecycleController.UnreachableNoExecute);

    /// <summary>A pod built by <paramref name="pod"/> with exactly these tolerations (DefaultTolerationSeconds adds what they lack).</summary>
    public static Pod CreateWith(this TestCluster cluster, PodBuilder pod, params Toleration[] tolerations)
    {
        var p = pod.Build();
        p.Spec.Tolerations = tolerations;
        cluster.Store.CreatePod(p);
        return p;
    }

    public static Toleration Tolerates(string key, long? seconds, TaintEffect? effect = TaintEffect.NoExecute) =>
        new(key, TolerationOperator.Exists, "", effect, seconds);

    public static List<ClusterEvent> Events(this TestCluster cluster, string reason) =>
        [.. cluster.Sim.Metrics.Events.Where(e => e.Reason == reason)];

    public static List<ClusterEvent> Events(this TestCluster cluster, string reason, string objectName) =>
        [.. cluster.Sim.Metrics.Events.Where(e => e.Reason == reason && e.ObjectName == objectName)];

    /// <summary>
    /// Runs to <paramref name="end"/> in steps of <paramref name="step"/> and returns, for each node,
    /// the first step at which <paramref name="test"/> held (null if never).
    /// </summary>
    public static Dictionary<string, SimTime?> FirstTimes(this TestCluster cluster, string[] nodes, Func<Node, bool> test, string end, string step = "1s")
    {
        var first = nodes.ToDictionary(n => n, _ => (SimTime?)null);
        var stop = At(end);
        var delta = SimDuration.Parse(step);
        for (var t = cluster.Engine.Now; t <= stop; t += delta)
        {
            cluster.Engine.RunUntil(t);
            foreach (var n in nodes)
                if (first[n] is null && cluster.Store.GetNode(n) is { } node && test(node)) first[n] = t;
        }
        return first;
    }
}
