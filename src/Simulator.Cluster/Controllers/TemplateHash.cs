using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Simulator.Cluster.Api;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// The <c>pod-template-hash</c> of a Deployment revision (controller.ComputeHash): FNV-32a over
/// the pod template, then the collision count if there has been one, and the decimal hash
/// mapped character by character into the utilrand alphabet (rand.SafeEncodeString), so
/// "3412345678" becomes something like "7c8f...". Kubernetes hashes a dump of the Go struct;
/// ksim hashes a canonical text of the fields it simulates, so hashes are ksim's own but stable
/// across runs, machines and map orders.
/// </summary>
internal static class TemplateHash
{
    public const string Label = "pod-template-hash";

    private static readonly ConditionalWeakTable<PodTemplate, string> Canonicals = new();

    public static string Compute(PodTemplate template, int collisionCount)
    {
        uint hash = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes(Canonical(template))) hash = Fnv(hash, b);
        if (collisionCount > 0)
        {
            // binary.LittleEndian.PutUint32 into an 8-byte buffer: the count, then four zero bytes.
            Span<byte> bytes = stackalloc byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)collisionCount);
            foreach (var b in bytes) hash = Fnv(hash, b);
        }
        return SafeEncode(hash.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>EqualIgnoreHash: the same template once the <c>pod-template-hash</c> label is set aside.</summary>
    public static bool EqualIgnoreHash(PodTemplate a, PodTemplate b) =>
        ReferenceEquals(a, b) || Canonical(a) == Canonical(b);

    /// <summary>rand.SafeEncodeString: each character picks alphabet[code % 27].</summary>
    public static string SafeEncode(string s) =>
        string.Create(s.Length, s, static (span, text) =>
        {
            for (int i = 0; i < text.Length; i++) span[i] = PodNames.Alphabet[text[i] % PodNames.Alphabet.Length];
        });

    private static uint Fnv(uint hash, byte b) => (hash ^ b) * 16777619;

    /// <summary>
    /// Every field that makes two templates different pods, in a fixed order with length-prefixed
    /// strings (no separator can be forged). Templates are never changed in place (a rollout
    /// assigns a new one), so the text is cached per template object.
    /// </summary>
    internal static string Canonical(PodTemplate t) => Canonicals.GetValue(t, static t =>
    {
        var w = new StringBuilder(256);
        Map(w, "labels", t.Labels, skip: Label);
        Map(w, "annotations", t.Annotations, skip: null);
        var s = t.Spec;
        Containers(w, "containers", s.Containers);
        Containers(w, "initContainers", s.InitContainers);
        Resources(w, "overhead", s.Overhead);
        Str(w, "nodeName", s.NodeName);
        Map(w, "nodeSelector", s.NodeSelector, skip: null);
        Affinity(w, s.Affinity);
        w.Append("tolerations:").Append(s.Tolerations.Count).Append(';');
        foreach (var tol in s.Tolerations)
        {
            Str(w, "key", tol.Key);
            Str(w, "operator", tol.Operator.ToString());
            Str(w, "value", tol.Value);
            Str(w, "effect", tol.Effect?.ToString() ?? "");
            Str(w, "seconds", tol.TolerationSeconds?.ToString(CultureInfo.InvariantCulture) ?? "");
        }
        Str(w, "schedulerName", s.SchedulerName);
        Str(w, "priorityClassName", s.PriorityClassName);
        Str(w, "priority", s.Priority.ToString(CultureInfo.InvariantCulture));
        Str(w, "preemptionPolicy", s.PreemptionPolicy.ToString());
        Str(w, "restartPolicy", s.RestartPolicy.ToString());
        Str(w, "terminationGracePeriod", s.TerminationGracePeriod.Microseconds.ToString(CultureInfo.InvariantCulture));
        var wl = t.Workload;
        Str(w, "duration", wl.Duration?.Microseconds.ToString(CultureInfo.InvariantCulture) ?? "");
        Str(w, "imageSize", wl.ImageSizeBytes.ToString(CultureInfo.InvariantCulture));
        Str(w, "failureRate", wl.FailureRatePerHour?.ToString("R", CultureInfo.InvariantCulture) ?? "");
        Str(w, "failureProbability", wl.FailureProbability?.ToString("R", CultureInfo.InvariantCulture) ?? "");
        return w.ToString();
    });

    private static void Str(StringBuilder w, string field, string value) =>
        w.Append(field).Append(':').Append(value.Length).Append(':').Append(value).Append(';');

    private static void Map(StringBuilder w, string field, IReadOnlyDictionary<string, string> map, string? skip)
    {
        var keys = map.Keys.Where(k => k != skip).Order(StringComparer.Ordinal).ToList();
        w.Append(field).Append(':').Append(keys.Count).Append(';');
        foreach (var k in keys)
        {
            Str(w, "k", k);
            Str(w, "v", map[k]);
        }
    }

    private static void Resources(StringBuilder w, string field, ResourceList list)
    {
        w.Append(field).Append(':').Append(list.Count).Append(';');
        foreach (var (name, amount) in list.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            Str(w, name, amount.ToString(CultureInfo.InvariantCulture));
    }

    private static void Containers(StringBuilder w, string field, IReadOnlyList<Container> containers)
    {
        w.Append(field).Append(':').Append(containers.Count).Append(';');
        foreach (var c in containers)
        {
            Str(w, "name", c.Name);
            Str(w, "image", c.Image);
            Resources(w, "requests", c.Requests);
            Resources(w, "limits", c.Limits);
        }
    }

    private static void Affinity(StringBuilder w, NodeAffinity affinity)
    {
        if (affinity.Required is { } required)
        {
            w.Append("required:").Append(required.Count).Append(';');
            foreach (var term in required) Term(w, term);
        }
        else
        {
            w.Append("required:none;");
        }
        w.Append("preferred:").Append(affinity.Preferred.Count).Append(';');
        foreach (var p in affinity.Preferred)
        {
            Str(w, "weight", p.Weight.ToString(CultureInfo.InvariantCulture));
            Term(w, p.Preference);
        }
    }

    private static void Term(StringBuilder w, NodeSelectorTerm term)
    {
        Requirements(w, "matchExpressions", term.MatchExpressions);
        Requirements(w, "matchFields", term.MatchFields);
    }

    private static void Requirements(StringBuilder w, string field, IReadOnlyList<NodeSelectorRequirement> requirements)
    {
        w.Append(field).Append(':').Append(requirements.Count).Append(';');
        foreach (var r in requirements)
        {
            Str(w, "key", r.Key);
            Str(w, "operator", r.Operator.ToString());
            w.Append("values:").Append(r.Values.Count).Append(';');
            foreach (var v in r.Values) Str(w, "v", v);
        }
    }
}
