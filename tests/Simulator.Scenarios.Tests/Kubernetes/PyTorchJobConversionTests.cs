using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Scenarios.Tests.Kubernetes;

/// <summary>kubeflow.org/v1 PyTorchJobs become ksim's model with training-operator's defaults.</summary>
public class PyTorchJobConversionTests
{
    private const string Job = """
        apiVersion: kubeflow.org/v1
        kind: PyTorchJob
        metadata:
          name: mnist
          namespace: research
          annotations: {ksim.dev/submit-at: 5m}
        spec:
          nprocPerNode: "1"
          runPolicy:
            cleanPodPolicy: Running
            backoffLimit: 3
            activeDeadlineSeconds: 7200
            schedulingPolicy: {minAvailable: 3, queue: research, scheduleTimeoutSeconds: 120}
          pytorchReplicaSpecs:
            master:
              replicas: 1
              restartPolicy: ExitCode
              template:
                metadata:
                  labels: {app: mnist}
                  annotations: {ksim.dev/duration: 30m}
                spec:
                  restartPolicy: Always
                  containers:
                  - name: pytorch
                    image: pytorch/pytorch:2.4
                    resources: {limits: {nvidia.com/gpu: 1}}
            Worker:
              replicas: 3
              restartPolicy: Never
              template:
                metadata:
                  annotations: {ksim.dev/duration: 40m, ksim.dev/image-size: 2Gi}
                spec:
                  containers:
                  - name: pytorch
                    image: pytorch/pytorch:2.4
                    resources: {limits: {nvidia.com/gpu: 2}}
        """;

    [Fact]
    public void A_PyTorchJob_keeps_its_replicas_run_policy_and_templates()
    {
        var scenario = ScenarioFiles.Valid(Job);
        var submission = Assert.Single(scenario.Workloads);
        Assert.Equal(SimTime.Zero + SimDuration.FromMinutes(5), submission.SubmitAt);
        var job = Assert.IsType<PyTorchJob>(submission.Object);
        Assert.Equal(("mnist", "research"), (job.Name, job.Metadata.Namespace));

        // Replica keys in any case become the operator's spelling; ExitCode is read as OnFailure,
        // and the replica's policy overwrites the template's.
        Assert.Equal([PyTorchJob.Master, PyTorchJob.Worker], job.Spec.ReplicaSpecs.Keys.Order(StringComparer.Ordinal));
        var master = job.Spec.ReplicaSpecs[PyTorchJob.Master];
        var worker = job.Spec.ReplicaSpecs[PyTorchJob.Worker];
        Assert.Equal((1, RestartPolicy.OnFailure, RestartPolicy.OnFailure), (master.Replicas, master.RestartPolicy, master.Template.Spec.RestartPolicy));
        Assert.Equal((3, RestartPolicy.Never, RestartPolicy.Never), (worker.Replicas, worker.RestartPolicy, worker.Template.Spec.RestartPolicy));
        Assert.Equal(4, job.Spec.TotalReplicas);

        Assert.Equal("mnist", master.Template.Labels["app"]);
        Assert.Equal(SimDuration.FromMinutes(30), master.Template.Workload.Duration);
        Assert.Equal(SimDuration.FromMinutes(40), worker.Template.Workload.Duration);
        Assert.Equal(2L * 1024 * 1024 * 1024, worker.Template.Workload.ImageSizeBytes);
        Assert.Equal(2, worker.Template.Spec.Containers[0].Limits[ResourceNames.NvidiaGpu]);

        var run = job.Spec.RunPolicy;
        Assert.Equal((CleanPodPolicy.Running, 3, 7200L), (run.CleanPodPolicy, run.BackoffLimit, run.ActiveDeadlineSeconds));
        Assert.Equal((3, "research", 120), (run.SchedulingPolicy!.MinAvailable, run.SchedulingPolicy.Queue, run.SchedulingPolicy.ScheduleTimeoutSeconds));
    }

    [Fact]
    public void Without_a_run_policy_nothing_is_cleaned_up_and_no_gang_is_asked_for()
    {
        var scenario = ScenarioFiles.Valid("""
            apiVersion: kubeflow.org/v1
            kind: PyTorchJob
            metadata: {name: workers-only}
            spec:
              pytorchReplicaSpecs:
                Worker:
                  template:
                    spec:
                      containers: [{name: pytorch, image: pytorch/pytorch:2.4}]
            """);
        var job = Assert.IsType<PyTorchJob>(Assert.Single(scenario.Workloads).Object);
        var worker = Assert.Single(job.Spec.ReplicaSpecs).Value;
        Assert.Equal((1, RestartPolicy.OnFailure), (worker.Replicas, worker.RestartPolicy));
        Assert.Equal((CleanPodPolicy.None, (int?)null, (long?)null), (job.Spec.RunPolicy.CleanPodPolicy, job.Spec.RunPolicy.BackoffLimit, job.Spec.RunPolicy.ActiveDeadlineSeconds));
        Assert.Null(job.Spec.RunPolicy.SchedulingPolicy);
    }

    [Fact]
    public void An_empty_scheduling_policy_asks_for_a_gang_of_every_replica()
    {
        var scenario = ScenarioFiles.Valid("""
            apiVersion: kubeflow.org/v1
            kind: PyTorchJob
            metadata: {name: gang}
            spec:
              runPolicy: {schedulingPolicy: {}}
              pytorchReplicaSpecs:
                Worker:
                  replicas: 4
                  template:
                    spec:
                      containers: [{name: pytorch, image: pytorch/pytorch:2.4}]
            """);
        var job = Assert.IsType<PyTorchJob>(Assert.Single(scenario.Workloads).Object);
        Assert.NotNull(job.Spec.RunPolicy.SchedulingPolicy);
        Assert.Null(job.Spec.RunPolicy.SchedulingPolicy.MinAvailable);
    }

    [Fact]
    public void Every_replica_of_a_training_job_counts_as_a_worker()
    {
        var scenario = ScenarioFiles.Valid("""
            apiVersion: kubeflow.org/v1
            kind: PyTorchJob
            metadata: {name: resnet}
            spec:
              pytorchReplicaSpecs:
                Master:
                  template:
                    metadata:
                      annotations: {ksim.dev/model: ResNet-50, ksim.dev/steps: "1000"}
                    spec:
                      containers: [{name: pytorch, image: pytorch:2.4, resources: {limits: {nvidia.com/gpu: 1}}}]
                Worker:
                  replicas: 3
                  template:
                    metadata:
                      annotations: {ksim.dev/model: ResNet-50, ksim.dev/steps: "1000"}
                    spec:
                      containers: [{name: pytorch, image: pytorch:2.4, resources: {limits: {nvidia.com/gpu: 1}}}]
            """);
        var job = Assert.IsType<PyTorchJob>(Assert.Single(scenario.Workloads).Object);
        Assert.All(job.Spec.ReplicaSpecs.Values, r =>
            Assert.Equal(("ResNet-50", 1000L, 4), (r.Template.Workload.Training!.Model, r.Template.Workload.Training.Steps, r.Template.Workload.Training.Workers)));
    }
}
