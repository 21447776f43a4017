using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Scenarios.Tests.Kubernetes;

/// <summary>Deployments, ReplicaSets and Jobs become ksim's model with Kubernetes' defaults.</summary>
public class WorkloadConversionTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          labels: {team: storefront}
          annotations:
            ksim.dev/submit-at: 5m
            owner: alice
        spec:
          replicas: 6
          selector:
            matchLabels: {app: web}
            matchExpressions:
            - {key: tier, operator: In, values: [frontend, edge]}
            - {key: canary, operator: DoesNotExist}
          strategy:
            type: RollingUpdate
            rollingUpdate: {maxSurge: 2, maxUnavailable: 10%}
          minReadySeconds: 5
          revisionHistoryLimit: 3
          progressDeadlineSeconds: 120
          template:
            metadata:
              labels: {app: web, tier: frontend}
              annotations:
                ksim.dev/image-size: 70Mi
                ksim.dev/failure-rate: "0.25"
                prometheus.io/scrape: "true"
            spec:
              containers:
              - name: nginx
                image: nginx:1.27
                resources:
                  requests: {cpu: 500m, memory: 256Mi}
        """;

    [Fact]
    public void Deployment_converts_metadata_selector_strategy_and_template()
    {
        var s = ScenarioFiles.Valid(Deployment);
        var submission = Assert.Single(s.Workloads);
        Assert.Equal(SimTime.Zero + SimDuration.FromMinutes(5), submission.SubmitAt);
        var d = Assert.IsType<Deployment>(submission.Object);
        Assert.Equal("shop/web", d.Metadata.Key);
        Assert.Equal("storefront", d.Metadata.Labels["team"]);
        Assert.Equal("alice", d.Metadata.Annotations["owner"]);

        Assert.Equal(6, d.Spec.Replicas);
        Assert.Equal(new Dictionary<string, string> { ["app"] = "web" }, d.Spec.Selector.MatchLabels);
        Assert.Equal(
            [
                new LabelSelectorRequirement("tier", LabelSelectorOperator.In, ["frontend", "edge"]),
                new LabelSelectorRequirement("canary", LabelSelectorOperator.DoesNotExist, []),
            ],
            d.Spec.Selector.MatchExpressions,
            (a, b) => a.Key == b.Key && a.Operator == b.Operator && a.Values.SequenceEqual(b.Values));
        Assert.Equal(new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, IntOrPercent.Absolute(2), IntOrPercent.Percent(10)), d.Spec.Strategy);
        Assert.Equal((5, 3, 120), (d.Spec.MinReadySeconds, d.Spec.RevisionHistoryLimit, d.Spec.ProgressDeadlineSeconds));

        var template = d.Spec.Template;
        Assert.Equal(new Dictionary<string, string> { ["app"] = "web", ["tier"] = "frontend" }, template.Labels);
        Assert.Equal("true", template.Annotations["prometheus.io/scrape"]);
        Assert.Equal(new Workload { ImageSizeBytes = 70L << 20, FailureRatePerHour = 0.25 }, template.Workload);
        Assert.Equal("cpu=500,memory=268435456", template.Spec.Containers[0].Requests.ToString());
        Assert.Equal(RestartPolicy.Always, template.Spec.RestartPolicy);
        Assert.True(d.Spec.Selector.Matches(template.Labels));
    }

    [Fact]
    public void Deployment_defaults_are_Kubernetes_defaults()
    {
        var s = ScenarioFiles.Valid("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: nginx, image: nginx}]
            """);
        var (submitAt, d) = (s.Workloads[0].SubmitAt, Assert.IsType<Deployment>(s.Workloads[0].Object));
        Assert.Equal(SimTime.Zero, submitAt);
        Assert.Equal("default/web", d.Metadata.Key);
        Assert.Equal(1, d.Spec.Replicas);
        Assert.Equal(DeploymentStrategy.Default, d.Spec.Strategy);
        Assert.Equal((0, 10, 600), (d.Spec.MinReadySeconds, d.Spec.RevisionHistoryLimit, d.Spec.ProgressDeadlineSeconds));
        Assert.Same(Workload.Default, d.Spec.Template.Workload);
    }

    [Fact]
    public void Recreate_strategy_keeps_the_default_surge_numbers_it_does_not_use()
    {
        var s = ScenarioFiles.Valid("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: db}
            spec:
              strategy: {type: Recreate}
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: postgres}]
            """);
        var d = Assert.IsType<Deployment>(s.Workloads[0].Object);
        Assert.Equal(DeploymentStrategyType.Recreate, d.Spec.Strategy.Type);
        Assert.Equal(IntOrPercent.Percent(25), d.Spec.Strategy.MaxSurge);
    }

    [Fact]
    public void ReplicaSet_converts_replicas_selector_and_template()
    {
        var s = ScenarioFiles.Valid("""
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata:
              name: cache
              annotations: {ksim.dev/submit-at: 1h}
            spec:
              replicas: 0
              minReadySeconds: 10
              selector:
                matchExpressions: [{key: app, operator: Exists}]
              template:
                metadata:
                  labels: {app: cache}
                  annotations: {ksim.dev/failure-probability: "0.1", ksim.dev/duration: 2h}
                spec:
                  containers: [{name: redis, image: redis:7}]
            """);
        var submission = Assert.Single(s.Workloads);
        Assert.Equal(SimTime.Zero + SimDuration.FromHours(1), submission.SubmitAt);
        var rs = Assert.IsType<ReplicaSet>(submission.Object);
        Assert.Equal("default/cache", rs.Metadata.Key);
        Assert.Equal((0, 10), (rs.Spec.Replicas, rs.Spec.MinReadySeconds));
        var requirement = Assert.Single(rs.Spec.Selector.MatchExpressions);
        Assert.Equal(("app", LabelSelectorOperator.Exists), (requirement.Key, requirement.Operator));
        Assert.Empty(rs.Spec.Selector.MatchLabels);
        Assert.Equal(new Workload { Duration = SimDuration.FromHours(2), FailureProbability = 0.1 }, rs.Spec.Template.Workload);
    }

    [Fact]
    public void Job_converts_its_counts_and_gets_a_generated_selector_and_labels()
    {
        var s = ScenarioFiles.Valid("""
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: train
              annotations: {ksim.dev/submit-at: 30m}
            spec:
              parallelism: 4
              completions: 8
              backoffLimit: 2
              activeDeadlineSeconds: 7200
              completionMode: Indexed
              template:
                metadata:
                  labels: {app: train}
                  annotations: {ksim.dev/duration: 45m, ksim.dev/failure-probability: "0.5"}
                spec:
                  restartPolicy: Never
                  containers:
                  - name: trainer
                    image: pytorch
                    resources:
                      limits: {nvidia.com/gpu: 1}
            """);
        var submission = Assert.Single(s.Workloads);
        Assert.Equal(SimTime.Zero + SimDuration.FromMinutes(30), submission.SubmitAt);
        var job = Assert.IsType<Job>(submission.Object);
        Assert.Equal("default/train", job.Metadata.Key);
        Assert.Equal((4, (int?)8, 2, (long?)7200, CompletionMode.Indexed),
            (job.Spec.Parallelism, job.Spec.Completions, job.Spec.BackoffLimit, job.Spec.ActiveDeadlineSeconds, job.Spec.CompletionMode));
        Assert.Equal(new Dictionary<string, string> { ["batch.kubernetes.io/job-name"] = "train" }, job.Spec.Selector.MatchLabels);
        Assert.Equal(new Dictionary<string, string>
        {
            ["app"] = "train",
            ["batch.kubernetes.io/job-name"] = "train",
            ["job-name"] = "train",
        }, job.Spec.Template.Labels);
        Assert.True(job.Spec.Selector.Matches(job.Spec.Template.Labels));
        Assert.Equal(RestartPolicy.Never, job.Spec.Template.Spec.RestartPolicy);
        Assert.Equal(new Workload { Duration = SimDuration.FromMinutes(45), FailureProbability = 0.5 }, job.Spec.Template.Workload);
        Assert.Equal("nvidia.com/gpu=1", job.Spec.Template.Spec.Containers[0].Requests.ToString());
    }

    [Theory]
    [InlineData("", 1, 1)]
    [InlineData("parallelism: 3", 3, null)]
    [InlineData("completions: 5", 1, 5)]
    [InlineData("parallelism: 2\n  completions: 6", 2, 6)]
    public void Job_defaults_follow_SetDefaults_Job(string counts, int parallelism, int? completions)
    {
        var s = ScenarioFiles.Valid($"""
            apiVersion: batch/v1
            kind: Job
            metadata: {"{"}name: j{"}"}
            spec:
              {counts}
              template:
                spec:
                  restartPolicy: OnFailure
                  containers: [{"{"}name: c, image: busybox{"}"}]
            """);
        var job = Assert.IsType<Job>(s.Workloads[0].Object);
        Assert.Equal((parallelism, completions, 6, (long?)null, CompletionMode.NonIndexed),
            (job.Spec.Parallelism, job.Spec.Completions, job.Spec.BackoffLimit, job.Spec.ActiveDeadlineSeconds, job.Spec.CompletionMode));
    }

    [Fact]
    public void Job_with_a_manual_selector_keeps_it_and_adds_no_labels()
    {
        var s = ScenarioFiles.Valid("""
            apiVersion: batch/v1
            kind: Job
            metadata: {name: j}
            spec:
              manualSelector: true
              selector: {matchLabels: {app: batch}}
              template:
                metadata: {labels: {app: batch}}
                spec:
                  restartPolicy: Never
                  containers: [{name: c, image: busybox}]
            """);
        var job = Assert.IsType<Job>(s.Workloads[0].Object);
        Assert.Equal("app=batch", job.Spec.Selector.ToString());
        Assert.Equal(new Dictionary<string, string> { ["app"] = "batch" }, job.Spec.Template.Labels);
    }

    [Fact]
    public void Workloads_keep_file_order_across_kinds_and_share_names_across_kinds()
    {
        var s = ScenarioFiles.Valid("""
            apiVersion: batch/v1
            kind: Job
            metadata: {name: x}
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: c, image: busybox}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: x}
            spec:
              selector: {matchLabels: {app: x}}
              template:
                metadata: {labels: {app: x}}
                spec:
                  containers: [{name: c, image: busybox}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: x, namespace: other}
            spec:
              selector: {matchLabels: {app: x}}
              template:
                metadata: {labels: {app: x}}
                spec:
                  containers: [{name: c, image: busybox}]
            """);
        Assert.Equal(["Job default/x", "Deployment default/x", "Deployment other/x"],
            s.Workloads.Select(w => w.Object.Kind + " " + w.Object.Metadata.Key));
    }
}
