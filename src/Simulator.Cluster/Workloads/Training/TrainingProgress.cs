using Simulator.Cluster.Kubelet;
using Simulator.Cluster.Store;

namespace Simulator.Cluster.Workloads.Training;

/// <summary>Advances training jobs while all their workers run. TODO(training helper).</summary>
public sealed class TrainingProgress(ClusterStore store, Kubelets kubelets, ThroughputTable throughput)
{
    public ClusterStore Store => store;
    public Kubelets Kubelets => kubelets;
    public ThroughputTable Throughput => throughput;
}
