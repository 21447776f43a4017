using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// One <see cref="PodRecord"/> per pod, kept after the pod is gone, and how many pods are in
/// each phase or terminating right now. Events complete the records: FailedScheduling counts an
/// attempt, and an eviction event marks the pod evicted whether it arrives before or after the
/// pod's removal (a controller reacting inside a watch callback records the event first but
/// its delete is delivered later; an unbound pod is removed at once, before the event).
/// </summary>
internal sealed class PodRecorder : IPodWatcher, IEventSink
{
    private readonly Simulation _sim;
    private readonly List<PodRecord> _records = [];
    private readonly Dictionary<string, PodRecord> _byUid = new(StringComparer.Ordinal);

    /// <summary>The newest record per namespace/name: events name pods by key, also after removal.</summary>
    private readonly Dictionary<string, PodRecord> _byKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _terminating = new(StringComparer.Ordinal);
    private readonly int[] _phaseCounts = new int[4];

    public PodRecorder(ClusterStore store)
    {
        _sim = store.Simulation;
        store.Watch(this);
        store.AddEventSink(this);
    }

    /// <summary>In creation order.</summary>
    public IReadOnlyList<PodRecord> Records => _records;

    /// <summary>Pods that exist now (created and not yet removed), by phase.</summary>
    public int CountInPhase(PodPhase phase) => _phaseCounts[(int)phase];

    /// <summary>Pods with a deletion timestamp that their kubelet has not removed yet.</summary>
    public int Terminating => _terminating.Count;

    /// <summary>The reasons of a removal the pod did not ask for: drain, taint manager, preemption, node pressure.</summary>
    public static bool IsEviction(string reason) => reason is "Evicted" or "Preempted" or "TaintManagerEviction";

    public void OnPodEvent(WatchEventType type, Pod pod)
    {
        var now = _sim.Now;
        if (!_byUid.TryGetValue(pod.Metadata.Uid, out var record))
        {
            var owner = pod.Metadata.Controller;
            record = new PodRecord
            {
                Namespace = pod.Metadata.Namespace,
                Name = pod.Name,
                Uid = pod.Metadata.Uid,
                Created = pod.Metadata.CreationTimestamp,
                Priority = pod.Spec.Priority,
                OwnerKind = owner?.Kind ?? "",
                OwnerName = owner?.Name ?? "",
            };
            _records.Add(record);
            _byUid.Add(record.Uid, record);
            _byKey[pod.Key] = record;
            _phaseCounts[(int)record.Phase]++;
        }
        if (record.Deleted is not null) return;

        if (pod.IsBound && record.Scheduled is null)
        {
            record.Scheduled = now;
            record.Node = pod.Spec.NodeName;
            // FailedSchedulingAttempts and Message keep the history; the reason is about now.
            if (!record.Evicted) record.Reason = "";
        }
        if (pod.Status.PodIP.Length > 0) record.PodIP = pod.Status.PodIP;
        if (record.Gpus.Length == 0 && pod.Status.AssignedGpus.Length > 0) record.Gpus = Accelerators.GpuAssignment.Describe(pod);
        if (pod.Status.Phase != record.Phase)
        {
            _phaseCounts[(int)record.Phase]--;
            _phaseCounts[(int)pod.Status.Phase]++;
            record.Phase = pod.Status.Phase;
            if (record.Phase == PodPhase.Running) record.Started ??= now;
            if (pod.IsTerminal) Finished(record, pod, now);
        }
        record.Restarts = pod.Status.RestartCount;
        record.Terminating ??= pod.Metadata.DeletionTimestamp;
        if (type == WatchEventType.Deleted)
        {
            record.Deleted = now;
            _phaseCounts[(int)record.Phase]--;
            _terminating.Remove(record.Uid);
            if (!pod.IsTerminal && !record.Evicted) record.Reason = record.Scheduled is null ? "DeletedWhilePending" : "Deleted";
        }
        else if (pod.IsTerminating)
        {
            _terminating.Add(record.Uid);
        }
    }

    public void OnEvent(ClusterEvent clusterEvent)
    {
        if (clusterEvent.ObjectKind != "Pod" || !_byKey.TryGetValue(clusterEvent.ObjectName, out var record)) return;
        if (clusterEvent.Reason == "FailedScheduling")
        {
            if (record.Deleted is not null) return;
            record.FailedSchedulingAttempts++;
            record.Reason = "Unschedulable";
            record.Message = clusterEvent.Message;
        }
        else if (IsEviction(clusterEvent.Reason) && record.Phase is not (PodPhase.Succeeded or PodPhase.Failed))
        {
            // A finished pod that is cleaned up has lost nothing, so it is not evicted.
            record.Evicted = true;
            record.Reason = clusterEvent.Reason;
        }
    }

    private static void Finished(PodRecord record, Pod pod, SimTime now)
    {
        record.Finished = now;
        // The kubelet's node-pressure eviction fails the pod itself, with reason Evicted.
        bool evictedByStatus = IsEviction(pod.Status.Reason);
        if (!record.Evicted || evictedByStatus) record.Reason = pod.Status.Reason;
        record.Evicted |= evictedByStatus;
        if (pod.Status.Message.Length > 0) record.Message = pod.Status.Message;
    }
}
