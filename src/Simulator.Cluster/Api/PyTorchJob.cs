using Simulator.Engine;

namespace Simulator.Cluster.Api;

/// <summary>One replica type of a Kubeflow job (Master or Worker): how many pods, from which template, restarted how.</summary>
public sealed class ReplicaSpec
{
    public int Replicas { get; init; } = 1;

    /// <summary>
    /// training-operator's default is OnFailure (restart in place, or re-create on eviction). The
    /// operator overwrites the template's restartPolicy with this one, so the template's
    /// <see cref="PodSpec.RestartPolicy"/> must equal it (the scenario reader writes it there).
    /// </summary>
    public RestartPolicy RestartPolicy { get; init; } = RestartPolicy.OnFailure;

    public required PodTemplate Template { get; init; }
}

/// <summary>runPolicy.schedulingPolicy: the gang the operator asks the scheduler for.</summary>
public sealed class SchedulingPolicy
{
    /// <summary>Pods that must start together; the operator puts it in the PodGroup's minMember. Null: all replicas.</summary>
    public int? MinAvailable { get; init; }

    public string Queue { get; init; } = "";

    /// <summary>Copied to the PodGroup's scheduleTimeoutSeconds; null: the Coscheduling plugin's default.</summary>
    public int? ScheduleTimeoutSeconds { get; init; }
}

public enum CleanPodPolicy
{
    None,
    Running,
    All,
}

public sealed class RunPolicy
{
    /// <summary>What is deleted when the job finishes; PyTorchJob's default is None (SetDefaults_PyTorchJob).</summary>
    public CleanPodPolicy CleanPodPolicy { get; init; } = CleanPodPolicy.None;

    /// <summary>Container restarts (OnFailure and Always replicas) at which the job fails; null: no limit.</summary>
    public int? BackoffLimit { get; init; }

    public long? ActiveDeadlineSeconds { get; init; }

    /// <summary>Null: no gang is asked for.</summary>
    public SchedulingPolicy? SchedulingPolicy { get; init; }
}

public sealed class PyTorchJobSpec
{
    /// <summary>"Master" and "Worker", as in pytorchReplicaSpecs.</summary>
    public required IReadOnlyDictionary<string, ReplicaSpec> ReplicaSpecs { get; init; }

    public RunPolicy RunPolicy { get; init; } = new();

    /// <summary>Master + Worker replicas: the PodGroup's default minMember and the training job's worker count.</summary>
    public int TotalReplicas
    {
        get
        {
            int total = 0;
            foreach (var type in PyTorchJob.ReplicaTypes)
                if (ReplicaSpecs.TryGetValue(type, out var spec)) total += spec.Replicas;
            return total;
        }
    }
}

/// <summary>
/// A Kubeflow job condition: Created, Running, Restarting, Succeeded, Failed. Running stays in the
/// list with Status False once the job has finished, as the operator leaves it.
/// </summary>
public sealed record PyTorchJobCondition(string Type, SimTime LastTransitionTime, string Reason, string Message,
    ConditionStatus Status = ConditionStatus.True);

public sealed class PyTorchJobStatus
{
    public List<PyTorchJobCondition> Conditions { get; } = [];
    public SimTime? StartTime { get; set; }
    public SimTime? CompletionTime { get; set; }

    /// <summary>Per replica type: pods Running, Succeeded and Failed (or Running but being deleted) at the last sync.</summary>
    public Dictionary<string, (int Active, int Succeeded, int Failed)> ReplicaStatuses { get; } = new(StringComparer.Ordinal);

    public bool IsFinished => IsTrue(PyTorchJob.Succeeded) || IsTrue(PyTorchJob.Failed);

    public bool IsTrue(string type) => Conditions.Exists(c => c.Type == type && c.Status == ConditionStatus.True);

    /// <summary>
    /// kubeflow common's UpdateJobConditions: nothing changes once the job has failed or when the
    /// condition is already so; Running and Restarting replace each other; a finished job's
    /// Running turns False. The transition time is kept while the status does not change.
    /// Returns whether anything changed.
    /// </summary>
    public bool SetCondition(string type, string reason, string message, SimTime now, ConditionStatus status = ConditionStatus.True)
    {
        if (IsTrue(PyTorchJob.Failed)) return false;
        var current = Conditions.Find(c => c.Type == type);
        if (current is not null && current.Status == status && current.Reason == reason) return false;
        var since = current is not null && current.Status == status ? current.LastTransitionTime : now;
        bool finishing = type is PyTorchJob.Succeeded or PyTorchJob.Failed;
        Conditions.RemoveAll(c => c.Type == type ||
            (type == PyTorchJob.Restarting && c.Type == PyTorchJob.Running) ||
            (type == PyTorchJob.Running && c.Type == PyTorchJob.Restarting));
        for (int i = 0; finishing && i < Conditions.Count; i++)
            if (Conditions[i].Type == PyTorchJob.Running) Conditions[i] = Conditions[i] with { Status = ConditionStatus.False };
        Conditions.Add(new PyTorchJobCondition(type, since, reason, message, status));
        return true;
    }
}

/// <summary>
/// Kubeflow training-operator's kubeflow.org/v1 PyTorchJob: a Master and Workers for
/// data-parallel training, with MASTER_ADDR pointing at the master pod.
/// </summary>
public sealed class PyTorchJob : IApiObject
{
    public const string ApiVersion = "kubeflow.org/v1";
    public const string Master = "Master";
    public const string Worker = "Worker";

    /// <summary>The replica types, in the order the controller reconciles them.</summary>
    public static readonly IReadOnlyList<string> ReplicaTypes = [Master, Worker];

    // Condition types (kubeflow.org/v1 JobConditionType).
    public const string Created = "Created";
    public const string Running = "Running";
    public const string Restarting = "Restarting";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";

    public required ObjectMeta Metadata { get; init; }
    public required PyTorchJobSpec Spec { get; init; }
    public PyTorchJobStatus Status { get; init; } = new();
    public string Kind => "PyTorchJob";
    public string Name => Metadata.Name;
    public override string ToString() => Metadata.Key;
}
