namespace Simulator.Cluster.Workloads.Training;

/// <summary>
/// One measured training speed: <paramref name="Model"/> (a job type such as
/// "ResNet-50 (batch size 64)") on <paramref name="Accelerators"/> accelerators of type
/// <paramref name="Accelerator"/> (k80, v100, tpu-v5-lite-podslice...) makes
/// <paramref name="StepsPerSecond"/> steps per second. Zero means the job does not run in that
/// configuration (it does not fit in memory).
/// </summary>
public sealed record ThroughputRow(string Model, int Accelerators, string Accelerator, double StepsPerSecond);
