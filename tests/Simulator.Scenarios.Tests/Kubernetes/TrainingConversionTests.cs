using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Scenarios.Tests.Kubernetes;

/// <summary>Training annotations into <see cref="TrainingSpec"/>: a bare pod is one worker, a Job has parallelism workers.</summary>
public class TrainingConversionTests
{
    [Fact]
    public void A_training_pod_carries_its_model_steps_checkpoints_and_scatter_penalty()
    {
        var scenario = ScenarioFiles.Valid("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: train
              annotations:
                ksim.dev/model: resnet50-bs64
                ksim.dev/steps: "20000"
                ksim.dev/checkpoint-every: 15m
                ksim.dev/checkpoint-restore: 90s
                ksim.dev/scatter-penalty: "0.7"
            spec:
              restartPolicy: Never
              containers: [{name: t, image: pytorch, resources: {limits: {nvidia.com/gpu: 2}}}]
            """);

        var training = scenario.Pods.Single().Pod.Workload.Training!;
        Assert.Equal("resnet50-bs64", training.Model);
        Assert.Equal(20_000, training.Steps);
        Assert.Equal(1, training.Workers);
        Assert.Equal(SimDuration.FromMinutes(15), training.CheckpointEvery);
        Assert.Equal(SimDuration.FromSeconds(90), training.CheckpointRestore);
        Assert.Equal(0.7, training.ScatterPenalty);
    }

    [Fact]
    public void A_training_Job_has_parallelism_workers_and_no_checkpoints_unless_asked()
    {
        var scenario = ScenarioFiles.Valid("""
            apiVersion: batch/v1
            kind: Job
            metadata: {name: ddp}
            spec:
              parallelism: 4
              template:
                metadata:
                  annotations: {ksim.dev/model: "ResNet-50 (batch size 128)", ksim.dev/steps: "5000"}
                spec:
                  restartPolicy: OnFailure
                  containers: [{name: t, image: pytorch, resources: {limits: {nvidia.com/gpu: 2}}}]
            """);

        var job = (Job)scenario.Workloads.Single().Object;
        var training = job.Spec.Template.Workload.Training!;
        Assert.Equal(4, training.Workers);
        Assert.Equal(5000, training.Steps);
        Assert.Null(training.CheckpointEvery);
        Assert.Equal(SimDuration.Zero, training.CheckpointRestore);
        Assert.Null(training.ScatterPenalty);
    }

    [Fact]
    public void A_fractional_GPU_counts_as_one_accelerator_in_the_table_check()
    {
        var scenario = ScenarioFiles.Valid("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: notebook
              annotations: {ksim.dev/model: resnet18-bs16, ksim.dev/steps: "100"}
            spec:
              restartPolicy: Never
              containers: [{name: t, image: pytorch, resources: {limits: {ksim.dev/gpu-milli: 500}}}]
            """);
        Assert.NotNull(scenario.Pods.Single().Pod.Workload.Training);
    }

    [Fact]
    public void A_model_the_Scenario_document_adds_later_in_the_file_is_known_to_the_pods_before_it()
    {
        var scenario = ScenarioFiles.Valid("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: train
              annotations: {ksim.dev/model: llama-7b, ksim.dev/steps: "1000"}
            spec:
              restartPolicy: Never
              containers: [{name: t, image: pytorch, resources: {limits: {nvidia.com/gpu: 8}}}]
            ---
            apiVersion: ksim.dev/v1alpha1
            kind: Scenario
            spec:
              throughputTable:
                rows: [{model: Llama-7B, accelerators: 8, accelerator: h100, stepsPerSecond: 1.25}]
            """);
        Assert.Equal(1.25, scenario.Throughput.StepsPerSecond("llama-7b", 8, "NVIDIA-H100-80GB-HBM3"));
    }
}
