using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Accelerators;

/// <summary>
/// GPU allocation per GPU model over time: two V100 nodes (4 GPUs each) and one K80 node (2 GPUs);
/// a 2-GPU pod on V100 bound at 0 s and running 5 min (so holding its GPUs 0-301 s), a 0.5-GPU pod
/// on the K80 holding its share 0-601 s; a 20 min run sampled every 10 s.
/// </summary>
public class GpuAllocationByModelTests
{
    private const string V100 = "Tesla-V100-SXM2-16GB";
    private const string K80 = "Tesla-K80";

    private static RunResult Run()
    {
        var cluster = new TestCluster().Nodes(
            new NodeBuilder("v100-0").Gpus(4).Label(AcceleratorLabels.GpuProduct, V100),
            new NodeBuilder("v100-1").Gpus(4).Label(AcceleratorLabels.GpuProduct, V100),
            new NodeBuilder("k80-0").Gpus(2).Label(AcceleratorLabels.GpuProduct, K80),
            new NodeBuilder("cpu-0"));
        cluster.Create(new PodBuilder("whole").Gpus(2).Runs("5m").NodeSelector(AcceleratorLabels.GpuProduct, V100));
        cluster.Create(new PodBuilder("share").Resource(ResourceNames.GpuMilli, 500).Runs("10m").NodeSelector(AcceleratorLabels.GpuProduct, K80));
        return cluster.Sim.Run(TestCluster.At("20m"));
    }

    private static GpuModelSample At(RunResult result, int seconds, string model) =>
        result.TimeSeries.Single(r => r.Time == TestCluster.At(seconds + "s")).GpusByModel[model];

    [Fact]
    public void Time_series_counts_whole_gpus_and_shares_per_model_in_thousandths()
    {
        var result = Run();

        Assert.Equal(new GpuModelSample(2000, 8000), At(result, 300, V100));
        Assert.Equal(new GpuModelSample(500, 2000), At(result, 300, K80));
        Assert.Equal(new GpuModelSample(0, 8000), At(result, 310, V100));
        Assert.Equal(new GpuModelSample(500, 2000), At(result, 600, K80));
        Assert.Equal(new GpuModelSample(0, 2000), At(result, 610, K80));
        // Every row has both models (and no CPU-only "model"), so the columns are fixed for the run.
        Assert.All(result.TimeSeries, r => Assert.Equal([K80, V100], r.GpusByModel.Keys.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Summary_has_the_time_weighted_allocation_ratio_by_model()
    {
        var ratios = Run().Summary.GpuAllocationByModel;

        Assert.Equal(2000.0 * 301 / (8000.0 * 1200), ratios[V100], 12);
        Assert.Equal(500.0 * 601 / (2000.0 * 1200), ratios[K80], 12);
    }
}
