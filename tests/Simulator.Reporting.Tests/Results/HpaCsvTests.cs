using System.Text.Json;
using Simulator.Cluster.Metrics;
using Simulator.Reporting.Results;

namespace Simulator.Reporting.Tests.Results;

/// <summary>hpa.csv and the hpa section of summary.json, for a run with HPAs and one without.</summary>
public sealed class HpaCsvTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(RunResult result) => SampleRuns.WriteTo(_temp, result);

    [Fact]
    public void Hpa_csv_has_one_row_per_hpa_and_sample_with_an_empty_metric_before_the_first_measurement()
    {
        var result = SampleRuns.Result() with
        {
            Hpas =
            [
                new HpaSample(SampleRuns.Seconds(0), "default", "web", "Deployment", "web", 1, 10, 2, 0, null),
                new HpaSample(SampleRuns.Seconds(10.5), "default", "web", "Deployment", "web", 1, 10, 4, 4, 123.4567891),
                new HpaSample(SampleRuns.Seconds(10.5), "shop", "api,v2", "ReplicaSet", "api", 2, 3, 3, 2, 0.5),
            ],
        };
        var results = Write(result);

        Assert.Equal(
            "time_s,namespace,name,target,min_replicas,max_replicas,current_replicas,desired_replicas,metric_value\n" +
            "0.000000,default,web,Deployment/web,1,10,2,0,\n" +
            "10.500000,default,web,Deployment/web,1,10,4,4,123.456789\n" +
            "10.500000,shop,\"api,v2\",ReplicaSet/api,2,3,3,2,0.500000\n",
            File.ReadAllText(Path.Combine(results, HpaCsv.FileName)));
    }

    [Fact]
    public void Summary_json_has_the_hpa_section_just_before_the_cost_section()
    {
        var result = SampleRuns.Result();
        result = result with { Summary = result.Summary with { Hpa = new HpaSummary(2, 7, 5) } };
        var results = Write(result);

        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, SummaryJson.FileName)));
        var sections = doc.RootElement.EnumerateObject().TakeLast(2).ToList();
        Assert.Equal(["hpa", "cost"], sections.Select(p => p.Name));
        var last = sections[0];
        Assert.Equal("""{"count":2,"max_replicas_seen":7,"rescales":5}""", JsonSerializer.Serialize(last.Value));
    }

    [Fact]
    public void Without_hpas_hpa_csv_is_a_header()
    {
        var results = Write(SampleRuns.Result());

        Assert.Equal(HpaCsv.Header + "\n", File.ReadAllText(Path.Combine(results, HpaCsv.FileName)));
    }
}
