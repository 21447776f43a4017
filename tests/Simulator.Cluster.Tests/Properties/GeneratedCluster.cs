using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Simulator.Cluster.Api;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Properties;

public enum TaintKind { None, GpuNoSchedule, InfraNoExecute, SpotPreferNoSchedule }

public enum SelectorKind { None, ZoneA, ZoneB, ZoneC, Ssd }

public enum TolerationKind { None, Dedicated, Everything }

/// <summary>A generated node: allocatable in integer units, optional GPUs, labels, taint and maxPods (0: kubelet default).</summary>
public sealed record NodeShape(int CpuMilli, int MemoryMi, int Gpus, string Zone, bool Ssd, TaintKind Taint, int MaxPods);

/// <summary>
/// A generated pod. Zero requests mean "not requested"; a zero duration means it runs until
/// deleted; a negative <see cref="DeleteAfterMs"/> means nobody deletes it.
/// </summary>
public sealed record PodShape(
    int CpuMilli,
    int MemoryMi,
    int Gpus,
    int Priority,
    SelectorKind Selector,
    TolerationKind Tolerates,
    int Image,
    int DurationSeconds,
    int SubmitMs,
    int DeleteAfterMs,
    int GraceSeconds);

/// <summary>
/// A random cluster and workload: 1-30 nodes registered at 0 s, 1-200 pods submitted over the
/// first hour, some deleted later. Prints as a table so a failing case can be read (and replayed).
/// </summary>
public sealed record GeneratedCluster(NodeShape[] Nodes, PodShape[] Pods)
{
    /// <summary>Image sizes: unknown (no pull time), 50 MiB, 1 GiB, 4 GiB.</summary>
    private static readonly (string Name, long Bytes)[] Images =
        [("registry.example/app:1", 0), ("registry.example/small:1", 50L << 20), ("registry.example/big:1", 1L << 30), ("registry.example/huge:1", 4L << 30)];

    public static string NodeName(int i) => "n" + i.ToString("D2", CultureInfo.InvariantCulture);

    public static string PodName(int i) => "p" + i.ToString("D3", CultureInfo.InvariantCulture);

    public Node BuildNode(int i)
    {
        var s = Nodes[i];
        var b = new NodeBuilder(NodeName(i))
            .Resource(ResourceNames.Cpu, s.CpuMilli)
            .Resource(ResourceNames.Memory, (long)s.MemoryMi << 20);
        if (s.Gpus > 0) b.Gpus(s.Gpus);
        if (s.Zone.Length > 0) b.Zone(s.Zone);
        if (s.Ssd) b.Label("disk", "ssd");
        if (s.MaxPods > 0) b.MaxPods(s.MaxPods);
        switch (s.Taint)
        {
            case TaintKind.GpuNoSchedule: b.Taint("dedicated", "gpu", TaintEffect.NoSchedule); break;
            case TaintKind.InfraNoExecute: b.Taint("dedicated", "infra", TaintEffect.NoExecute); break;
            case TaintKind.SpotPreferNoSchedule: b.Taint("spot", "true", TaintEffect.PreferNoSchedule); break;
        }
        return b.Build();
    }

    public Pod BuildPod(int i)
    {
        var s = Pods[i];
        var b = new PodBuilder(PodName(i))
            .Priority(s.Priority)
            .Image(Images[s.Image].Name, Images[s.Image].Bytes)
            .GracePeriod(s.GraceSeconds.ToString(CultureInfo.InvariantCulture) + "s");
        if (s.CpuMilli > 0) b.Resource(ResourceNames.Cpu, s.CpuMilli);
        if (s.MemoryMi > 0) b.Resource(ResourceNames.Memory, (long)s.MemoryMi << 20);
        if (s.Gpus > 0) b.Gpus(s.Gpus);
        if (s.DurationSeconds > 0) b.Runs(s.DurationSeconds.ToString(CultureInfo.InvariantCulture) + "s");
        switch (s.Selector)
        {
            case SelectorKind.ZoneA: b.NodeSelector("topology.kubernetes.io/zone", "a"); break;
            case SelectorKind.ZoneB: b.NodeSelector("topology.kubernetes.io/zone", "b"); break;
            case SelectorKind.ZoneC: b.NodeSelector("topology.kubernetes.io/zone", "c"); break;
            case SelectorKind.Ssd: b.NodeSelector("disk", "ssd"); break;
        }
        switch (s.Tolerates)
        {
            case TolerationKind.Dedicated: b.Tolerate("dedicated"); break;
            case TolerationKind.Everything: b.Tolerate(""); break;
        }
        return b.Build();
    }

    public static SimTime SubmitTime(PodShape pod) => SimTime.Zero + SimDuration.FromMilliseconds(pod.SubmitMs);

    public static SimTime? DeleteTime(PodShape pod) =>
        pod.DeleteAfterMs < 0 ? null : SubmitTime(pod) + SimDuration.FromMilliseconds(pod.DeleteAfterMs);

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Nodes.Length} nodes, {Pods.Length} pods");
        for (int i = 0; i < Nodes.Length; i++) sb.Append(CultureInfo.InvariantCulture, $"\n  {NodeName(i)} {Nodes[i]}");
        for (int i = 0; i < Pods.Length; i++) sb.Append(CultureInfo.InvariantCulture, $"\n  {PodName(i)} {Pods[i]}");
        return sb.ToString();
    }

    // ---- generators ----

    /// <summary>0 ("none") in <paramref name="weightOfZero"/> cases out of 10, else a value from <paramref name="otherwise"/>.</summary>
    private static Gen<int> Sometimes(int weightOfZero, Gen<int> otherwise) =>
        Gen.Frequency((weightOfZero, Gen.Constant(0)), (10 - weightOfZero, otherwise));

    private static readonly Gen<NodeShape> Node =
        from cpu in Gen.Choose(500, 64_000)
        from memory in Gen.Choose(1024, 256 * 1024)
        from gpus in Sometimes(7, Gen.Choose(1, 8))
        from zone in Gen.Elements("", "a", "b", "c")
        from ssd in Gen.Elements(false, false, true)
        from taint in Gen.Frequency(
            (6, Gen.Constant(TaintKind.None)),
            (1, Gen.Constant(TaintKind.GpuNoSchedule)),
            (1, Gen.Constant(TaintKind.InfraNoExecute)),
            (1, Gen.Constant(TaintKind.SpotPreferNoSchedule)))
        from maxPods in Sometimes(7, Gen.Choose(1, 12))
        select new NodeShape(cpu, memory, gpus, zone, ssd, taint, maxPods);

    private static readonly Gen<PodShape> Pod =
        from cpu in Sometimes(2, Gen.Frequency((3, Gen.Choose(10, 2_000)), (1, Gen.Choose(2_000, 16_000))))
        from memory in Sometimes(3, Gen.Choose(1, 32 * 1024))
        from gpus in Sometimes(8, Gen.Choose(1, 4))
        from priority in Gen.Elements(0, 0, 0, 100, 1000)
        from selector in Gen.Frequency(
            (6, Gen.Constant(SelectorKind.None)),
            (1, Gen.Elements(SelectorKind.ZoneA, SelectorKind.ZoneB, SelectorKind.ZoneC, SelectorKind.Ssd)))
        from tolerates in Gen.Frequency(
            (6, Gen.Constant(TolerationKind.None)),
            (2, Gen.Constant(TolerationKind.Dedicated)),
            (1, Gen.Constant(TolerationKind.Everything)))
        from image in Gen.Choose(0, 3)
        from duration in Sometimes(3, Gen.Choose(1, 1800))
        from submit in Gen.Choose(0, 3_600_000)
        from delete in Gen.Frequency((3, Gen.Constant(-1)), (1, Gen.Choose(0, 3_600_000)))
        from grace in Gen.Elements(0, 5, 30)
        select new PodShape(cpu, memory, gpus, priority, selector, tolerates, image, duration, submit, delete, grace);

    public static readonly Gen<GeneratedCluster> Generator =
        from nodeCount in Gen.Choose(1, 30)
        from nodes in Node.ArrayOf(nodeCount)
        from podCount in Gen.Choose(1, 200)
        from pods in Pod.ArrayOf(podCount)
        select new GeneratedCluster(nodes, pods);

    /// <summary>Smaller clusters that may still fail: halves of the pods, then one pod or node fewer.</summary>
    public static IEnumerable<GeneratedCluster> Shrink(GeneratedCluster c)
    {
        if (c.Pods.Length > 1)
        {
            yield return c with { Pods = c.Pods[..(c.Pods.Length / 2)] };
            yield return c with { Pods = c.Pods[(c.Pods.Length / 2)..] };
        }
        if (c.Nodes.Length > 1) yield return c with { Nodes = c.Nodes[..^1] };
        if (c.Pods.Length is > 1 and <= 16)
            for (int i = 0; i < c.Pods.Length; i++) yield return c with { Pods = [.. c.Pods[..i], .. c.Pods[(i + 1)..]] };
    }
}
