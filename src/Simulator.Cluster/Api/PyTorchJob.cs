using Simulator.Engine;

namespace Simulator.Cluster.Api;

/// <summary>One replica type of a Kubeflow job (Master or Worker): how many pods, from which template, restarted how.</summary>
public sealed class ReplicaSpec
{
    public int Replicas { get; init; } = 1;

    /// <summary>training-operator's default is OnFailure (restart in place, or re-create on eviction).</summary>
    public RestartPolicy RestartPolicy { get; init; } = RestartPolicy.OnFailure;

    public required PodTemplate Template { get; init; }
}

/// <summary>runPolicy.schedulingPolicy: the gang the operator asks the scheduler for.</summary>
public sealed class SchedulingPolicy
{
    /// <summary>Pods that must start together; the operator puts it in the PodGroup's minMember.</summary>
    public int? MinAvailable { get; init; }

    public string Queue { get; init; } = "";
}

public enum CleanPodPolicy
{
    None,
    Running,
    All,
}

public sealed class RunPolicy
{
    public CleanPodPolicy CleanPodPolicy { get; init; } = CleanPodPolicy.None;
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
}

/// <summary>A Kubeflow job condition: Created, Running, Restarting, Succeeded, Failed.</summary>
public sealed record PyTorchJobCondition(string Type, SimTime LastTransitionTime, string Reason, string Message);

public sealed class PyTorchJobStatus
{
    public List<PyTorchJobCondition> Conditions { get; } = [];
    public SimTime? StartTime { get; set; }
    public SimTime? CompletionTime { get; set; }

    /// <summary>Per replica type: active, succeeded and failed pods.</summary>
    public Dictionary<string, (int Active, int Succeeded, int Failed)> ReplicaStatuses { get; } = new(StringComparer.Ordinal);

    public bool IsFinished => Conditions.Exists(c => c.Type is "Succeeded" or "Failed");
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

    public required ObjectMeta Metadata { get; init; }
    public required PyTorchJobSpec Spec { get; init; }
    public PyTorchJobStatus Status { get; init; } = new();
    public string Kind => "PyTorchJob";
    public string Name => Metadata.Name;
    public override string ToString() => Metadata.Key;
}
