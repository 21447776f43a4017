using Simulator.Cluster.Scheduling.Framework;
using Simulator.Engine;

namespace Simulator.Cluster.Scheduling;

/// <summary>What the Permit plugins said about a reserved pod.</summary>
internal enum PermitOutcome
{
    /// <summary>Every plugin allowed it: bind now.</summary>
    Allowed,

    /// <summary>A plugin holds it: it is now in the waiting-pods map.</summary>
    Waiting,

    /// <summary>A plugin rejected it: undo the reservation.</summary>
    Rejected,
}

/// <summary>
/// kube-scheduler's Permit extension point: RunPermitPlugins, and the waiting pods with their
/// timers (WaitOnPermit). A pod held here stays assumed on its node. The plugins' Allow and Reject
/// calls, a timeout, or a deletion decide it; the scheduler takes the decisions in order with
/// <see cref="TryTakeDecision"/>.
/// </summary>
internal sealed class PermitGate : IEventHandler
{
    /// <summary>kube-scheduler's maxTimeout: no plugin may hold a pod at Permit longer than 15 min.</summary>
    public static readonly SimDuration MaxTimeout = SimDuration.FromMinutes(15);

    private readonly IReadOnlyList<IPermitPlugin> _plugins;
    private readonly Simulation _sim;
    private readonly WaitingPodMap _waiting;
    private readonly Action<WaitingPod> _onDecided;
    private readonly Action _afterTimeout;

    /// <param name="afterTimeout">Called when a timeout has rejected a pod, so the scheduler acts on it.</param>
    public PermitGate(IReadOnlyList<IPermitPlugin> plugins, Simulation sim, WaitingPodMap waiting, Action afterTimeout)
    {
        _plugins = plugins;
        _sim = sim;
        _waiting = waiting;
        _onDecided = waiting.OnDecided;
        _afterTimeout = afterTimeout;
    }

    /// <summary>
    /// RunPermitPlugins: every plugin must allow the pod. The first that rejects it decides
    /// (<paramref name="rejection"/>). A plugin that says Wait holds it for at most
    /// <see cref="MaxTimeout"/>, and the shortest timeout of the plugins that wait applies.
    /// </summary>
    public PermitOutcome Run(QueuedPodInfo qpi, NodeInfo node, out Status rejection)
    {
        rejection = Status.Success;
        List<string>? pending = null;
        var timeout = MaxTimeout;
        string timeoutPlugin = "";
        for (int i = 0; i < _plugins.Count; i++)
        {
            var result = _plugins[i].Permit(qpi.Info, node);
            if (result.Code == StatusCode.Success) continue;
            if (result.Code != StatusCode.Wait)
            {
                rejection = Status.Unschedulable(_plugins[i].Name, result.Reason);
                return PermitOutcome.Rejected;
            }
            (pending ??= []).Add(_plugins[i].Name);
            var t = SimDuration.Min(SimDuration.Max(result.Timeout, SimDuration.Zero), MaxTimeout);
            if (t < timeout || timeoutPlugin.Length == 0)
            {
                timeout = t;
                timeoutPlugin = _plugins[i].Name;
            }
        }
        if (pending is null) return PermitOutcome.Allowed;

        var waiting = new WaitingPod(qpi, node, _sim.Now, pending, _onDecided)
        {
            Timeout = timeout,
            TimeoutPlugin = timeoutPlugin,
        };
        _waiting.Add(waiting);
        waiting.Timer = _sim.ScheduleAfter(timeout, this, waiting);
        return PermitOutcome.Waiting;
    }

    /// <summary>A deleted pod stops waiting (kube-scheduler's RejectWaitingPod from its delete handler).</summary>
    public void OnDeleted(string podKey)
    {
        if (_waiting.Count > 0 && _waiting.Get(podKey) is { } waiting) waiting.Reject("", "pod deleted");
    }

    /// <summary>The next pod a plugin, a timeout or a deletion decided, out of the map and its timer cancelled.</summary>
    public bool TryTakeDecision(out WaitingPod decided)
    {
        while (_waiting.TryTakeDecided(out decided))
        {
            if (!_waiting.Remove(decided)) continue;
            _sim.Cancel(decided.Timer);
            return true;
        }
        return false;
    }

    /// <summary>The timeout: the plugin whose timeout it is rejects the pod, in kube-scheduler's words.</summary>
    public void OnEvent(object? state, long arg)
    {
        var waiting = (WaitingPod)state!;
        waiting.Reject(waiting.TimeoutPlugin, $"rejected due to timeout after waiting {waiting.Timeout} at plugin {waiting.TimeoutPlugin}");
        _afterTimeout();
    }
}
