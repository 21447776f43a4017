using Simulator.Engine;

namespace Simulator.Cluster.Api;

/// <summary>The simulated parts of core/v1 PodStatus.</summary>
public sealed class PodStatus
{
    private readonly List<PodCondition> _conditions = [];

    public PodPhase Phase { get; set; } = PodPhase.Pending;
    public string Reason { get; set; } = "";
    public string Message { get; set; } = "";
    public string PodIP { get; set; } = "";
    public string NominatedNodeName { get; set; } = "";
    public SimTime? StartTime { get; set; }
    public int RestartCount { get; set; }

    /// <summary>
    /// The node's physical GPUs (0-based) the pod holds: k indices for <c>nvidia.com/gpu: k</c>,
    /// one for a <c>ksim.dev/gpu-milli</c> share; empty for a pod without GPUs or not yet placed.
    /// Chosen at Reserve by the scheduler (as GPU-sharing scheduler extenders record the GPU index
    /// on the pod for the device plugin), or first-fit when the pod arrives with spec.nodeName.
    /// </summary>
    public int[] AssignedGpus { get; set; } = [];

    public IReadOnlyList<PodCondition> Conditions => _conditions;

    public PodCondition? GetCondition(PodConditionType type)
    {
        foreach (var c in _conditions)
            if (c.Type == type) return c;
        return null;
    }

    /// <summary>Sets a condition; the transition time changes only when the status does, as in Kubernetes.</summary>
    public void SetCondition(PodConditionType type, ConditionStatus status, SimTime now, string reason = "", string message = "")
    {
        for (int i = 0; i < _conditions.Count; i++)
        {
            if (_conditions[i].Type != type) continue;
            var since = _conditions[i].Status == status ? _conditions[i].LastTransitionTime : now;
            _conditions[i] = new PodCondition(type, status, since, reason, message);
            return;
        }
        _conditions.Add(new PodCondition(type, status, now, reason, message));
        _conditions.Sort(static (a, b) => a.Type.CompareTo(b.Type));
    }
}
