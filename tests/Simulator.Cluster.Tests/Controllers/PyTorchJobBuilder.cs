using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Controllers;

/// <summary>
/// Builds a kubeflow.org/v1 PyTorchJob stating only what a test cares about. Each replica's pods
/// are one container "pytorch" requesting 100m CPU, running for the given ksim.dev/duration.
/// </summary>
public sealed class PyTorchJobBuilder(string name)
{
    private readonly Dictionary<string, ReplicaSpec> _replicas = new(StringComparer.Ordinal);
    private CleanPodPolicy _cleanPodPolicy = CleanPodPolicy.None;
    private int? _backoffLimit;
    private long? _activeDeadlineSeconds;
    private SchedulingPolicy? _gang;

    public PyTorchJobBuilder Master(string duration, RestartPolicy policy = RestartPolicy.OnFailure, double? failureProbability = null) =>
        Replica(PyTorchJob.Master, 1, duration, policy, failureProbability);

    public PyTorchJobBuilder Workers(int count, string duration, RestartPolicy policy = RestartPolicy.OnFailure, double? failureProbability = null) =>
        Replica(PyTorchJob.Worker, count, duration, policy, failureProbability);

    public PyTorchJobBuilder CleansUp(CleanPodPolicy policy)
    {
        _cleanPodPolicy = policy;
        return this;
    }

    public PyTorchJobBuilder BackoffLimit(int limit)
    {
        _backoffLimit = limit;
        return this;
    }

    public PyTorchJobBuilder ActiveDeadlineSeconds(long seconds)
    {
        _activeDeadlineSeconds = seconds;
        return this;
    }

    public PyTorchJobBuilder Gang(int? minAvailable = null)
    {
        _gang = new SchedulingPolicy { MinAvailable = minAvailable };
        return this;
    }

    public PyTorchJob Build() => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Spec = new PyTorchJobSpec
        {
            ReplicaSpecs = new Dictionary<string, ReplicaSpec>(_replicas, StringComparer.Ordinal),
            RunPolicy = new RunPolicy
            {
                CleanPodPolicy = _cleanPodPolicy,
                BackoffLimit = _backoffLimit,
                ActiveDeadlineSeconds = _activeDeadlineSeconds,
                SchedulingPolicy = _gang,
            },
        },
    };

    private PyTorchJobBuilder Replica(string type, int count, string duration, RestartPolicy policy, double? failureProbability)
    {
        var requests = ResourceList.From(new Dictionary<string, long>(StringComparer.Ordinal) { [ResourceNames.Cpu] = 100 });
        _replicas[type] = new ReplicaSpec
        {
            Replicas = count,
            RestartPolicy = policy,
            Template = new PodTemplate
            {
                Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = name },
                Spec = new PodSpec
                {
                    Containers = [new Container("pytorch", "registry.example/pytorch:2.4", requests, requests)],
                    RestartPolicy = policy,
                },
                Workload = new Workload { Duration = SimDuration.Parse(duration), FailureProbability = failureProbability },
            },
        };
        return this;
    }
}

/// <summary>PyTorchJob helpers on <see cref="TestCluster"/>.</summary>
public static class PyTorchJobTestClusterExtensions
{
    public static PyTorchJob Create(this TestCluster cluster, PyTorchJobBuilder job)
    {
        var j = job.Build();
        cluster.Store.PyTorchJobs.Create(j);
        return j;
    }

    /// <summary>The job's pods still in the store, by name.</summary>
    public static List<Pod> PodsOf(this TestCluster cluster, PyTorchJob job) =>
        cluster.Store.Pods
            .Where(p => p.Metadata.Controller?.Uid == job.Metadata.Uid)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();

    public static IEnumerable<ClusterEvent> EventsFor(this TestCluster cluster, PyTorchJob job, string reason) =>
        cluster.Sim.Metrics.Events.Where(e => e.ObjectKind == "PyTorchJob" && e.ObjectName == job.Metadata.Key && e.Reason == reason);
}
