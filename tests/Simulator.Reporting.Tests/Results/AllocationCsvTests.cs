using System.Text.Json;
using Simulator.Cluster.Metrics;
using Simulator.Reporting.Results;

namespace Simulator.Reporting.Tests.Results;

/// <summary>allocation.csv and summary.json's trace_replay section, for a fill and for a run without a trace.</summary>
public sealed class AllocationCsvTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly AllocationSample[] Samples =
        [new(33, 1 / 3.0, 2, null, 1, 0), new(133, 1, 0, 0.25, 4, 1)];

    [Fact]
    public void One_row_per_sample_with_an_empty_fragmentation_without_a_target_workload()
    {
        var results = SampleRuns.WriteTo(_temp, SampleRuns.Result() with { Allocation = Samples });

        Assert.Equal(
            "arrived_percent,gpu_allocation_ratio,unallocated_gpus,fragmentation_rate,arrived_pods,failed_pods\n" +
            "33,0.333333,2.000,,1,0\n" +
            "133,1.000000,0.000,0.250000,4,1\n",
            File.ReadAllText(Path.Combine(results, AllocationCsv.FileName)));
    }

    [Fact]
    public void Summary_json_has_the_trace_replay_section_only_with_a_trace()
    {
        using var other = new TempDirectory();
        var plain = SampleRuns.WriteTo(other, SampleRuns.Result());
        Assert.DoesNotContain("trace_replay", File.ReadAllText(Path.Combine(plain, SummaryJson.FileName)), StringComparison.Ordinal);
        Assert.Equal(AllocationCsv.Header + "\n", File.ReadAllText(Path.Combine(plain, AllocationCsv.FileName)));

        var result = SampleRuns.Result();
        var trace = new TraceReplaySummary("t", "fill", 3000, 6, 3, [Samples[1] with { ArrivedPercent = 90 }],
            [new FailureReasonCount("Insufficient nvidia.com/gpu", 3)]);
        var results = SampleRuns.WriteTo(_temp, result with { Summary = result.Summary with { TraceReplay = trace } });
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, SummaryJson.FileName)));
        Assert.Equal(
            """{"name":"t","mode":"fill","pods_submitted":6,"total_gpus":3,"failed_pods":3,"at_arrived_percent":[{"arrived_percent":90,"gpu_allocation_ratio":1,"unallocated_gpus":0,"fragmentation_rate":0.25,"arrived_pods":4,"failed_pods":1}],"failed_pods_by_reason":{"Insufficient nvidia.com/gpu":3}}""",
            JsonSerializer.Serialize(doc.RootElement.GetProperty("trace_replay")));
    }
}
