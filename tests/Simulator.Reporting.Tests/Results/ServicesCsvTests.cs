using System.Text.Json;
using Simulator.Cluster.Metrics;
using Simulator.Reporting.Results;

namespace Simulator.Reporting.Tests.Results;

/// <summary>services.csv and the requests section of summary.json, for a run with traffic and one without.</summary>
public sealed class ServicesCsvTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(RunResult result) => SampleRuns.WriteTo(_temp, result);

    [Fact]
    public void Services_csv_has_one_row_per_service_and_interval_with_fixed_decimals()
    {
        var result = SampleRuns.Result() with
        {
            Services =
            [
                new ServiceInterval(SampleRuns.Seconds(10), "default/web", 100, 90, 1, 2, 3, 4, 0.02, 0.1234567, 0.5, 3),
                new ServiceInterval(SampleRuns.Seconds(10), "default/nowhere", 7, 0, 7, 0, 0, 0, 0, 0, 0, 0),
            ],
        };
        var results = Write(result);

        Assert.Equal(
            ServicesCsv.Header + "\n" +
            "10.000000,default/web,100,90,1,2,3,4,0.020000,0.123457,0.500000,3\n" +
            "10.000000,default/nowhere,7,0,7,0,0,0,0.000000,0.000000,0.000000,0\n",
            File.ReadAllText(Path.Combine(results, ServicesCsv.FileName)));
    }

    [Fact]
    public void Summary_json_has_the_requests_section_just_before_the_hpa_section()
    {
        var result = SampleRuns.Result() with
        {
            Requests = new RequestSummary(100, 90, new RequestFailures(1, 2, 3, 4), 0.02, 0.1, 0.5, 0.875),
        };
        var results = Write(result);

        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, SummaryJson.FileName)));
        var sections = doc.RootElement.EnumerateObject().TakeLast(3).ToList();
        Assert.Equal(["requests", "hpa", "cost"], sections.Select(p => p.Name));
        var last = sections[0];
        Assert.Equal(
            """{"total":100,"completed":90,"failed":{"no_endpoints":1,"queue_full":2,"timeout":3,"pod_gone":4},"latency_s":{"p50":0.02,"p95":0.1,"p99":0.5},"slo_attainment":0.875}""",
            JsonSerializer.Serialize(last.Value));
    }

    [Fact]
    public void Without_traffic_services_csv_is_a_header_and_slo_attainment_is_null()
    {
        var results = Write(SampleRuns.Result());

        Assert.Equal(ServicesCsv.Header + "\n", File.ReadAllText(Path.Combine(results, ServicesCsv.FileName)));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, SummaryJson.FileName)));
        var requests = doc.RootElement.GetProperty("requests");
        Assert.Equal(0, requests.GetProperty("total").GetInt64());
        Assert.Equal(JsonValueKind.Null, requests.GetProperty("slo_attainment").ValueKind);
    }
}
