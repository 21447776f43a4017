namespace Simulator.Cluster.Workloads.Generation;

/// <summary>
/// One generated job: its GPUs, the table's model name, its length on the reference accelerator
/// and the steps that length is there.
/// </summary>
public readonly record struct JobDraw(int Gpus, string Model, double ReferenceSeconds, long Steps);
