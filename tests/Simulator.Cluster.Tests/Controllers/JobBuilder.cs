using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Controllers;

/// <summary>
/// Builds a batch/v1 Job stating only what a test cares about. Its pods are one container
/// "main" requesting 100m CPU, restartPolicy Never unless the test says otherwise.
/// </summary>
public sealed class JobBuilder(string name)
{
    private int _parallelism = 1;
    private int? _completions = 1;
    private int _backoffLimit = 6;
    private long? _activeDeadlineSeconds;
    private CompletionMode _mode = CompletionMode.NonIndexed;
    private RestartPolicy _restartPolicy = RestartPolicy.Never;
    private string _cpu = "100m";
    private SimDuration? _duration;
    private double? _failureProbability;
    private double? _failureRatePerHour;

    public JobBuilder Parallelism(int n)
    {
        _parallelism = n;
        return this;
    }

    public JobBuilder Completions(int? n)
    {
        _completions = n;
        return this;
    }

    public JobBuilder BackoffLimit(int n)
    {
        _backoffLimit = n;
        return this;
    }

    public JobBuilder ActiveDeadlineSeconds(long seconds)
    {
        _activeDeadlineSeconds = seconds;
        return this;
    }

    public JobBuilder Indexed()
    {
        _mode = CompletionMode.Indexed;
        return this;
    }

    public JobBuilder Restart(RestartPolicy policy)
    {
        _restartPolicy = policy;
        return this;
    }

    public JobBuilder Cpu(string quantity)
    {
        _cpu = quantity;
        return this;
    }

    /// <summary>ksim.dev/duration of each pod.</summary>
    public JobBuilder Runs(string duration)
    {
        _duration = SimDuration.Parse(duration);
        return this;
    }

    /// <summary>ksim.dev/failure-probability of each pod's run.</summary>
    public JobBuilder FailureProbability(double p)
    {
        _failureProbability = p;
        return this;
    }

    /// <summary>ksim.dev/failure-rate of each pod, per hour of running.</summary>
    public JobBuilder FailureRate(double perHour)
    {
        _failureRatePerHour = perHour;
        return this;
    }

    public Job Build()
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = name };
        var requests = ResourceList.From(new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [ResourceNames.Cpu] = Quantity.TryParseFor(ResourceNames.Cpu, _cpu, out var cpu, out var error) ? cpu : throw new FormatException(error),
        });
        return new Job
        {
            Metadata = new ObjectMeta { Name = name },
            Spec = new JobSpec
            {
                Parallelism = _parallelism,
                Completions = _completions,
                BackoffLimit = _backoffLimit,
                ActiveDeadlineSeconds = _activeDeadlineSeconds,
                CompletionMode = _mode,
                Selector = LabelSelector.FromLabels(labels),
                Template = new PodTemplate
                {
                    Labels = labels,
                    Spec = new PodSpec
                    {
                        Containers = [new Container("main", "registry.example/batch:1", requests, requests)],
                        RestartPolicy = _restartPolicy,
                    },
                    Workload = new Workload
                    {
                        Duration = _duration,
                        FailureProbability = _failureProbability,
                        FailureRatePerHour = _failureRatePerHour,
                    },
                },
            },
        };
    }
}

/// <summary>Job helpers on <see cref="TestCluster"/>.</summary>
public static class JobTestClusterExtensions
{
    public static Job Create(this TestCluster cluster, JobBuilder job)
    {
        var j = job.Build();
        cluster.Store.Jobs.Create(j);
        return j;
    }

    /// <summary>The Job's pods still in the store (a Job keeps its finished pods), oldest first.</summary>
    public static List<Pod> PodsOf(this TestCluster cluster, Job job) =>
        cluster.Store.Pods
            .Where(p => p.Metadata.Controller?.Uid == job.Metadata.Uid)
            .OrderBy(p => p.Metadata.CreationTimestamp)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();

    public static IEnumerable<ClusterEvent> EventsFor(this TestCluster cluster, Job job, string reason) =>
        cluster.Sim.Metrics.Events.Where(e => e.ObjectKind == "Job" && e.ObjectName == job.Metadata.Key && e.Reason == reason);
}
