using System.Text.Json;
using Simulator.Cluster.Metrics;
using Simulator.Reporting.Results;

namespace Simulator.Reporting.Tests.Results;

/// <summary>GPUs in the results: pods.csv's gpus column, timeseries.csv's per-model columns, summary.json's per-model ratio.</summary>
public sealed class GpuColumnsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static RunResult WithGpus()
    {
        var sample = SampleRuns.Result();
        var whole = SampleRuns.ScheduledPod();
        whole.Gpus = "0;1";
        var share = SampleRuns.EvictedPod();
        share.Gpus = "3:500";
        var rows = sample.TimeSeries;
        return sample with
        {
            Pods = [whole, share],
            TimeSeries =
            [
                rows[0] with { GpusByModel = new Dictionary<string, GpuModelSample> { ["Tesla-V100-SXM2-16GB"] = new(0, 8000) } },
                rows[1] with
                {
                    GpusByModel = new Dictionary<string, GpuModelSample>
                    {
                        ["Tesla-V100-SXM2-16GB"] = new(2500, 8000),
                        ["A100-SXM4-40GB"] = new(4000, 4000),
                    },
                },
            ],
            Summary = sample.Summary with
            {
                GpuAllocationByModel = new Dictionary<string, double> { ["Tesla-V100-SXM2-16GB"] = 0.15625, ["A100-SXM4-40GB"] = 0.5 },
            },
        };
    }

    [Fact]
    public void Pods_csv_ends_with_the_gpus_each_pod_held()
    {
        var results = SampleRuns.WriteTo(_temp, WithGpus());
        var lines = File.ReadAllLines(Path.Combine(results, PodsCsv.FileName));

        Assert.EndsWith(",evicted,gpus,terminating_s", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",Job,web-batch,false,0;1,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",ReplicaSet,web-5d8f,true,3:500,60.000000", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Timeseries_csv_has_three_columns_per_gpu_model_in_ordinal_order_for_every_row()
    {
        var results = SampleRuns.WriteTo(_temp, WithGpus());
        var lines = File.ReadAllLines(Path.Combine(results, TimeSeriesCsv.FileName));

        Assert.EndsWith(
            ",allocation_nvidia.com/gpu," +
            "gpu_alloc_A100-SXM4-40GB,gpu_total_A100-SXM4-40GB,gpu_allocation_A100-SXM4-40GB," +
            "gpu_alloc_Tesla-V100-SXM2-16GB,gpu_total_Tesla-V100-SXM2-16GB,gpu_allocation_Tesla-V100-SXM2-16GB,cost",
            lines[0], StringComparison.Ordinal);
        // The A100 model appears only in the second row; the first has it at zero.
        Assert.EndsWith(",0.000,0.000,0.000000,0.000,8.000,0.000000,0.000000", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",4.000,4.000,1.000000,2.500,8.000,0.312500,0.000000", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_json_has_the_time_weighted_gpu_allocation_by_model_only_with_gpus()
    {
        var withGpus = JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleRuns.WriteTo(_temp, WithGpus()), SummaryJson.FileName)));
        var byModel = withGpus.RootElement.GetProperty("gpu_allocation_by_model");
        Assert.Equal(["A100-SXM4-40GB", "Tesla-V100-SXM2-16GB"], byModel.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.5, byModel.GetProperty("A100-SXM4-40GB").GetDouble());
        Assert.Equal(0.15625, byModel.GetProperty("Tesla-V100-SXM2-16GB").GetDouble());

        using var other = new TempDirectory();
        var without = JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleRuns.WriteTo(other), SummaryJson.FileName)));
        Assert.False(without.RootElement.TryGetProperty("gpu_allocation_by_model", out _));
    }
}
