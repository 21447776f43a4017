using System.Globalization;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// The labels Kubeflow training-operator v1 puts on a job's pods (kubeflow.org/v1
/// common_types.go) and the fixed pod names it gives them (GenGeneralName).
/// </summary>
public static class TrainingOperatorLabels
{
    public const string JobName = "training.kubeflow.org/job-name";
    public const string OperatorName = "training.kubeflow.org/operator-name";

    /// <summary>The replica type in lower case: "master", "worker".</summary>
    public const string ReplicaType = "training.kubeflow.org/replica-type";

    public const string ReplicaIndex = "training.kubeflow.org/replica-index";

    /// <summary>"master" on the Master pod only.</summary>
    public const string JobRole = "training.kubeflow.org/job-role";

    /// <summary><c>&lt;job&gt;-&lt;type&gt;-&lt;index&gt;</c>: the same name every time the replica is re-created.</summary>
    public static string PodName(string job, string replicaType, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{job}-{replicaType.ToLowerInvariant()}-{index}");

    /// <summary>The replica index a pod's label gives, or null.</summary>
    public static int? IndexOf(IReadOnlyDictionary<string, string> labels) =>
        labels.TryGetValue(ReplicaIndex, out var text) &&
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;
}
