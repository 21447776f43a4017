using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Tests.Builders;
using static Simulator.Cluster.Tests.Workloads.Training.TrainingKit;

namespace Simulator.Cluster.Tests.Workloads.Training;

/// <summary>A Kubeflow PyTorchJob's Master and Workers are the workers of one training job, recorded in jobs.csv as a PyTorchJob.</summary>
public class PyTorchJobTrainingTests
{
    private static ReplicaSpec Replica(int count, TrainingSpec spec)
    {
        var requests = ResourceList.From(new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [ResourceNames.Cpu] = 1000,
            [ResourceNames.NvidiaGpu] = 1,
        });
        return new ReplicaSpec
        {
            Replicas = count,
            Template = new PodTemplate
            {
                Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = "ddp" },
                Spec = new PodSpec
                {
                    Containers = [new Container("pytorch", "registry.example/pytorch:2.4", requests, requests)],
                    RestartPolicy = RestartPolicy.OnFailure,
                },
                Workload = new Workload { Training = spec },
            },
        };
    }

    [Fact]
    public void A_master_and_three_workers_train_as_four_GPUs_and_the_PyTorchJob_succeeds()
    {
        var cluster = new TestCluster().Nodes(GpuNode("gpu-0", V100Label, 4));
        var spec = Spec(steps: 23_196, workers: 4);
        cluster.Store.PyTorchJobs.Create(new PyTorchJob
        {
            Metadata = new ObjectMeta { Name = "ddp" },
            Spec = new PyTorchJobSpec
            {
                ReplicaSpecs = new Dictionary<string, ReplicaSpec>(StringComparer.Ordinal)
                {
                    [PyTorchJob.Master] = Replica(1, spec),
                    [PyTorchJob.Worker] = Replica(3, spec),
                },
            },
        });
        cluster.RunFor("2h");

        var record = cluster.Sim.Metrics.Jobs.Single();
        Assert.Equal("PyTorchJob", record.Kind);
        Assert.Equal(JobOutcome.Complete, record.Outcome);
        Assert.Equal(4, record.Attempts);
        Assert.NotNull(record.Training);
        Assert.Equal(4, record.Training.Accelerators);
        Assert.Equal(TimeFor(23_196, V100x4), record.Training.RunTime);
    }
}
