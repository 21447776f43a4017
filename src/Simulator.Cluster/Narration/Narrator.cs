using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Decisions;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Narration;

/// <summary>
/// <c>ksim run --narrate</c>: every decision of the run as one plain line in virtual time, logged
/// at Information on the <see cref="Category"/> logger:
/// <code>
///   00:05:12 scheduler          train-7-0 -> gpu-v100-3 (NodeResourcesFit 62, NodeResourcesBalancedAllocation 91)
///   01:00:50 node-lifecycle     gpu-v100-3 NotReady
///   01:00:50 node-lifecycle     gpu-v100-3 tainted node.kubernetes.io/unreachable:NoExecute
/// </code>
/// It reads what the components already publish (events, node taints, and the scheduler's
/// decisions for the scores of the chosen node), so narrating changes nothing in the run.
/// Left out as noise: the kubelet's per-container steps (Pulling, Pulled, Created, Started,
/// Killing), readiness probe failures, and the per-pod TriggeredScaleUp (the group's ScaledUpGroup
/// line says it once); a FailedScheduling is told once per pod and message.
/// </summary>
public sealed class Narrator : IEventSink, INodeWatcher, IDecisionRecorder
{
    public const string Category = "ksim.narration";

    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        "Pulling", "Pulled", "Created", "Started", "Killing", "Unhealthy", "TriggeredScaleUp",
    };

    private readonly ILogger _log;
    private readonly IDecisionRecorder? _inner;
    private readonly Dictionary<string, string> _chosenScores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _lastFailure = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Taint>> _taints = new(StringComparer.Ordinal);
    private readonly HashSet<string> _innerWants = new(StringComparer.Ordinal);
    private readonly ClusterStore _store;

    /// <param name="inner">A recorder the scheduler already had (--record-decisions): it still gets what it asks for.</param>
    public Narrator(ClusterStore store, ILogger log, IDecisionRecorder? inner = null)
    {
        _store = store;
        _log = log;
        _inner = inner;
        store.AddEventSink(this);
        store.Watch(this);
    }

    public void OnEvent(ClusterEvent e)
    {
        if (!_log.IsEnabled(LogLevel.Information) || Noise.Contains(e.Reason)) return;
        var text = e.Reason switch
        {
            "Scheduled" => Scheduled(e),
            "FailedScheduling" => FailedScheduling(e),
            "Preempted" => Preempted(e),
            _ => $"{Short(e.ObjectName)} {e.Reason}: {e.Message}",
        };
        if (text is not null) Say(e.Time, e.Source, text);
    }

    /// <summary>The node lifecycle controller's taints (not events in Kubernetes either), told as they appear.</summary>
    public void OnNodeEvent(WatchEventType type, Node node)
    {
        if (type == WatchEventType.Deleted)
        {
            _taints.Remove(node.Name);
            return;
        }
        var taints = node.Spec.Taints;
        var before = _taints.GetValueOrDefault(node.Name);
        _taints[node.Name] = taints;
        if (ReferenceEquals(before, taints) || !_log.IsEnabled(LogLevel.Information)) return;
        foreach (var taint in taints)
        {
            if (before is not null && before.Contains(taint)) continue;
            if (type == WatchEventType.Added) continue;
            Say(_store.Now, SourceOfTaint(taint), $"{node.Name} tainted {taint}");
        }
    }

    public bool ShouldRecord(Pod pod)
    {
        if (_inner?.ShouldRecord(pod) == true) _innerWants.Add(pod.Key);
        return true;
    }

    public void Record(SchedulingDecision decision)
    {
        if (_innerWants.Remove(decision.Pod)) _inner!.Record(decision);
        if (decision.ChosenNode.Length == 0) return;
        var chosen = decision.Nodes.FirstOrDefault(n => n.Node == decision.ChosenNode);
        if (chosen is null || chosen.Scores.Count == 0)
        {
            _chosenScores[decision.Pod] = "";
            return;
        }
        var text = new StringBuilder();
        for (int i = 0; i < decision.ScorePlugins.Count && i < chosen.Scores.Count; i++)
        {
            if (decision.ScorePlugins[i].Skipped) continue;
            if (text.Length > 0) text.Append(", ");
            text.Append(decision.ScorePlugins[i].Plugin).Append(' ').Append(chosen.Scores[i].Normalized.ToString(CultureInfo.InvariantCulture));
        }
        _chosenScores[decision.Pod] = text.ToString();
    }

    private string Scheduled(ClusterEvent e)
    {
        _lastFailure.Remove(e.ObjectName);
        // "Successfully assigned default/x to node-1": the node is the last word.
        var node = e.Message[(e.Message.LastIndexOf(' ') + 1)..];
        var scores = _chosenScores.Remove(e.ObjectName, out var s) && s.Length > 0 ? $" ({s})" : "";
        return $"{Short(e.ObjectName)} -> {node}{scores}";
    }

    /// <summary>Kubernetes names the preemptor by UID; the narration adds its name, which a reader can follow.</summary>
    private string Preempted(ClusterEvent e)
    {
        const string prefix = "Preempted by pod ";
        var text = $"{Short(e.ObjectName)} {e.Reason}: {e.Message}";
        if (!e.Message.StartsWith(prefix, StringComparison.Ordinal)) return text;
        int end = e.Message.IndexOf(' ', prefix.Length);
        var uid = end < 0 ? e.Message[prefix.Length..] : e.Message[prefix.Length..end];
        foreach (var pod in _store.Pods)
            if (pod.Metadata.Uid == uid) return $"{text} ({Short(pod.Key)})";
        return text;
    }

    private string? FailedScheduling(ClusterEvent e)
    {
        if (_lastFailure.GetValueOrDefault(e.ObjectName) == e.Message) return null;
        _lastFailure[e.ObjectName] = e.Message;
        return $"{Short(e.ObjectName)} pending: {e.Message}";
    }

    private void Say(SimTime at, string source, string text)
    {
        if (_log.IsEnabled(LogLevel.Information)) _log.LogInformation("{Line}", $"{Clock(at)} {Component(source),-25} {text}");
    }

    /// <summary>hh:mm:ss of virtual time; hours keep counting past a day (100:00:00).</summary>
    public static string Clock(SimTime at)
    {
        long seconds = at.Microseconds / 1_000_000;
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}");
    }

    /// <summary>The names a Kubernetes reader says: the scheduler, the node lifecycle controller.</summary>
    private static string Component(string source) => source switch
    {
        "default-scheduler" => "scheduler",
        "node-controller" => "node-lifecycle",
        _ => source,
    };

    private static string SourceOfTaint(Taint taint) =>
        taint.Key.StartsWith("node.kubernetes.io/", StringComparison.Ordinal) ? "node-lifecycle"
        : taint.Key == Controllers.ClusterAutoscaler.ScaleDownActuator.ToBeDeletedTaint ? "cluster-autoscaler"
        : "kubectl";

    /// <summary>A default-namespace object by its name alone, as kubectl shows it.</summary>
    private static string Short(string name) => name.StartsWith("default/", StringComparison.Ordinal) ? name["default/".Length..] : name;
}
