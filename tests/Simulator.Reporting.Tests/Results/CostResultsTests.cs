using System.Text.Json;
using Simulator.Cluster.Metrics;
using Simulator.Reporting.Results;

namespace Simulator.Reporting.Tests.Results;

/// <summary>Cost in the results: summary.json's "cost" section and timeseries.csv's last column.</summary>
public sealed class CostResultsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static RunResult Priced(RequestSummary requests)
    {
        var sample = SampleRuns.Result();
        var rows = sample.TimeSeries;
        return sample with
        {
            TimeSeries = [rows[0] with { Cost = 0 }, rows[1] with { Cost = 0.0125 }],
            Requests = requests,
            Summary = sample.Summary with
            {
                Cost = new CostSummary(9.5, [new PoolCost("cpu", 4, 2), new PoolCost("gpu", 2.5, 7.5)], 7.25, true),
            },
        };
    }

    [Fact]
    public void Summary_json_has_the_cost_by_pool_per_completed_job_and_per_million_requests()
    {
        var requests = RequestSummary.None with { Total = 2_000, Completed = 1_900 };
        var path = Path.Combine(SampleRuns.WriteTo(_temp, Priced(requests)), SummaryJson.FileName);
        var cost = JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("cost");

        Assert.Equal(
            """{"total":9.5,"by_pool":[{"pool":"cpu","node_hours":4,"cost":2},{"pool":"gpu","node_hours":2.5,"cost":7.5}],""" +
            """ "per_completed_job":9.5,"per_million_requests":5000,"idle_gpu_hours":7.25}""".TrimStart(),
            JsonSerializer.Serialize(cost));
    }

    [Fact]
    public void Without_completed_requests_the_per_request_cost_is_null()
    {
        var path = Path.Combine(SampleRuns.WriteTo(_temp, Priced(RequestSummary.None)), SummaryJson.FileName);
        var cost = JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("cost");

        // The sample run has 1 completed Job.
        Assert.Equal(9.5, cost.GetProperty("per_completed_job").GetDouble());
        Assert.Equal(JsonValueKind.Null, cost.GetProperty("per_million_requests").ValueKind);
    }

    [Fact]
    public void Timeseries_csv_ends_with_the_cumulative_cost()
    {
        var results = SampleRuns.WriteTo(_temp, Priced(RequestSummary.None));
        var lines = File.ReadAllLines(Path.Combine(results, TimeSeriesCsv.FileName));

        Assert.EndsWith(",cost", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",0.000000", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",0.012500", lines[2], StringComparison.Ordinal);
    }
}
