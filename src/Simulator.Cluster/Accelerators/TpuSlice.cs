namespace Simulator.Cluster.Accelerators;

/// <summary>
/// A multi-host TPU slice: a node pool whose <c>cloud.google.com/gke-tpu-topology</c> holds more
/// chips than one host (its <c>google.com/tpu</c> capacity), so the slice is
/// <see cref="Hosts"/> nodes joined by the inter-chip interconnect. GKE treats such a pool as one
/// atomic unit: it is created whole, and when one of its machines fails the whole slice goes
/// down and is repaired (recreated) together; it cannot grow by single nodes.
/// </summary>
public sealed record TpuSlice(string Topology, int Chips, int ChipsPerHost)
{
    public int Hosts => Chips / ChipsPerHost;
}
