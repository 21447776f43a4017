using Simulator.Cluster.Metrics;
using Simulator.Reporting.Results;

namespace Simulator.Reporting.Tests.Results;

/// <summary>
/// A run without Jobs, node intervals or outages still writes every file (so reruns always
/// compare the same set), with a header only, and zero sections in summary.json.
/// </summary>
public sealed class EmptySectionsTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _results;

    public EmptySectionsTests()
    {
        var bare = SampleRuns.Result() with { Jobs = [], Nodes = [], Recoveries = [] };
        _results = SampleRuns.WriteTo(_temp, bare with { Summary = NoSections(bare) });
    }

    public void Dispose() => _temp.Dispose();

    private static RunSummary NoSections(RunResult result) => result.Summary with
    {
        Jobs = JobsSummary.None,
        PodDisruptions = PodDisruptionSummary.None,
        NodeHealth = NodeHealthSummary.None,
        TimeToRecover = RecoverySummary.None,
    };

    private string Read(string name) => File.ReadAllText(Path.Combine(_results, name));

    [Theory]
    [InlineData("jobs.csv", "namespace,name,uid,submitted_s,first_start_s,completed_s,jct_s,attempts,failures,outcome,reason,"
        + "kind,model,steps,workers,accelerators,accelerator_types,queueing_delay_s,run_s,interruptions,lost_gpu_hours,completions,parallelism\n")]
    [InlineData("nodes.csv", "node,pool,state,from_s,to_s,duration_s,added_s,removed_s\n")]
    [InlineData("recoveries.csv", "kind,namespace,name,from_s,to_s,duration_s\n")]
    public void Csv_files_without_rows_have_their_header(string file, string expected)
    {
        Assert.Equal(expected, Read(file));
    }

    [Fact]
    public void Summary_sections_are_zero()
    {
        Assert.EndsWith(
            """
              "jobs": {
                "total": 0,
                "completed": 0,
                "failed": 0,
                "jct_s": {
                  "mean": 0,
                  "p50": 0,
                  "p95": 0,
                  "max": 0
                }
              },
              "pods": {
                "evicted": 0,
                "restarts": 0
              },
              "nodes": {
                "failures": 0,
                "downtime_s": 0
              },
              "time_to_recover_s": {
                "count": 0,
                "p50": 0,
                "max": 0
              },
              "requests": {
                "total": 0,
                "completed": 0,
                "failed": {
                  "no_endpoints": 0,
                  "queue_full": 0,
                  "timeout": 0,
                  "pod_gone": 0
                },
                "latency_s": {
                  "p50": 0,
                  "p95": 0,
                  "p99": 0
                },
                "slo_attainment": null
              },
              "hpa": {
                "count": 0,
                "max_replicas_seen": 0,
                "rescales": 0
              },
              "cost": {
                "total": 0,
                "by_pool": [],
                "per_completed_job": null,
                "per_million_requests": null,
                "idle_gpu_hours": 0
              }
            }

            """.ReplaceLineEndings("\n"),
            Read("summary.json"),
            StringComparison.Ordinal);
    }
}
