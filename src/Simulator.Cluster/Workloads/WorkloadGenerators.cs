using Simulator.Cluster.Store;

namespace Simulator.Cluster.Workloads;

/// <summary>Creates the Jobs of every WorkloadGenerator at their arrival times. TODO(generator helper).</summary>
public sealed class WorkloadGenerators(ClusterStore store, Training.ThroughputTable throughput)
{
    public void Add(Api.WorkloadGenerator generator)
    {
        _ = store;
        _ = throughput;
        _ = generator;
    }
}
