using Simulator.Engine;

namespace Simulator.Cluster.Scheduling.Framework;

/// <summary>What became of a pod held at Permit.</summary>
public enum PermitDecision
{
    Pending,
    Allowed,
    Rejected,
}

/// <summary>
/// A pod that passed Reserve and is held at Permit (kube-scheduler's waitingPod): it is assumed on
/// its node, so its resources count for every other pod, until each plugin that said Wait allows
/// it, or one plugin (or the timeout) rejects it. Allow and Reject only record the decision; the
/// scheduler acts on it after the plugin call returns, so plugins may call them while iterating
/// <see cref="IWaitingPods.All"/>.
/// </summary>
public sealed class WaitingPod
{
    private readonly List<string> _pendingPlugins;
    private readonly Action<WaitingPod> _decided;

    internal WaitingPod(QueuedPodInfo queued, NodeInfo node, SimTime since, List<string> pendingPlugins, Action<WaitingPod> decided)
    {
        Queued = queued;
        Node = node;
        Since = since;
        _pendingPlugins = pendingPlugins;
        _decided = decided;
    }

    public PodInfo Info => Queued.Info;

    public Api.Pod Pod => Queued.Pod;

    /// <summary>The node the pod is assumed on.</summary>
    public NodeInfo Node { get; }

    /// <summary>When it started waiting.</summary>
    public SimTime Since { get; }

    /// <summary>The plugins that said Wait and have not allowed it yet.</summary>
    public IReadOnlyList<string> PendingPlugins => _pendingPlugins;

    public PermitDecision Decision { get; private set; }

    /// <summary>The plugin that rejected it ("" unless rejected).</summary>
    public string RejectedBy { get; private set; } = "";

    /// <summary>Why it was rejected, in kube-scheduler's words.</summary>
    public string Message { get; private set; } = "";

    internal QueuedPodInfo Queued { get; }

    internal EventHandle Timer { get; set; }

    /// <summary>How long it may wait, and the plugin whose timeout that is.</summary>
    internal SimDuration Timeout { get; init; }

    internal string TimeoutPlugin { get; init; } = "";

    /// <summary>The plugin no longer holds the pod; once no plugin does, it binds.</summary>
    public void Allow(string plugin)
    {
        if (Decision != PermitDecision.Pending) return;
        _pendingPlugins.Remove(plugin);
        if (_pendingPlugins.Count > 0) return;
        Decision = PermitDecision.Allowed;
        _decided(this);
    }

    /// <summary>The pod gives up its reservation and goes back to the scheduling queue.</summary>
    public void Reject(string plugin, string message)
    {
        if (Decision != PermitDecision.Pending) return;
        Decision = PermitDecision.Rejected;
        RejectedBy = plugin;
        Message = message;
        _decided(this);
    }

    public override string ToString() => $"{Pod.Key} on {Node.Name} ({Decision})";
}
