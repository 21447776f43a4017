using Simulator.Reporting.Results;

namespace Simulator.Reporting.Tests.Results;

/// <summary>The exact bytes of each results file for a hand-built run.</summary>
public sealed class ResultFilesTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _results;

    public ResultFilesTests()
    {
        _results = SampleRuns.WriteTo(_temp);
    }

    public void Dispose() => _temp.Dispose();

    private string Read(string name) => File.ReadAllText(Path.Combine(_results, name));

    [Fact]
    public void Pods_csv_has_one_row_per_pod_with_empty_times_that_never_happened_and_quoted_messages()
    {
        Assert.Equal(
            "namespace,name,uid,node,pod_ip,phase,priority,created_s,scheduled_s,started_s,finished_s,deleted_s," +
            "restarts,failed_scheduling_attempts,reason,message,owner_kind,owner_name,evicted,gpus,terminating_s\n" +
            "default,web-1,uid-1,node-a,10.0.0.5,Succeeded,100,0.000000,0.250000,1.500000,61.500000,,0,0,Completed,,Job,web-batch,false,,\n" +
            "ml,train-0,uid-2,,,Pending,0,10.000000,,,,,0,3,Unschedulable,\"0/2 nodes are available: 2 Insufficient nvidia.com/gpu, \"\"big\"\" pod.\",,,false,,\n" +
            "default,web-5d8f-x2k,uid-3,node-b,10.0.1.7,Running,0,5.000000,5.500000,6.500000,,90.000000,1,0,TaintManagerEviction,,ReplicaSet,web-5d8f,true,,60.000000\n",
            Read("pods.csv"));
    }

    [Fact]
    public void Timeseries_csv_has_three_columns_per_resource_in_ordinal_order_and_zero_allocation_without_capacity()
    {
        Assert.Equal(
            "time_s,pending_pods,running_pods,succeeded_pods,failed_pods,ready_nodes,not_ready_nodes,terminating_pods," +
            "requested_cpu,allocatable_cpu,allocation_cpu," +
            "requested_memory,allocatable_memory,allocation_memory," +
            "requested_nvidia.com/gpu,allocatable_nvidia.com/gpu,allocation_nvidia.com/gpu,cost\n" +
            "0.000000,1,0,0,0,2,0,0,0,8000,0.000000,0,17179869184,0.000000,0,0,0.000000,0.000000\n" +
            "10.000000,1,1,0,0,2,1,1,2000,8000,0.250000,0,17179869184,0.000000,1,0,0.000000,0.000000\n",
            Read("timeseries.csv"));
    }

    [Fact]
    public void Jobs_csv_has_one_row_per_job_with_empty_times_and_jct_while_unfinished()
    {
        Assert.Equal(
            "namespace,name,uid,submitted_s,first_start_s,completed_s,jct_s,attempts,failures,outcome,reason," +
            "kind,model,steps,workers,accelerators,accelerator_types,queueing_delay_s,run_s,interruptions,lost_gpu_hours,completions,parallelism\n" +
            "ml,train-a,j-1,0.000000,1.500000,61.500000,61.500000,1,0,Complete,,Job,,,,,,,,,,1,1\n" +
            "ml,train-b,j-2,10.000000,12.000000,100.250000,90.250000,3,3,Failed,BackoffLimitExceeded,Job,,,,,,,,,,,\n" +
            "ml,train-c,j-3,110.000000,,,,0,0,Pending,,Job,,,,,,,,,,,\n",
            Read("jobs.csv"));
    }

    [Fact]
    public void Nodes_csv_has_one_row_per_interval_and_open_intervals_last_until_the_end_of_the_run()
    {
        Assert.Equal(
            "node,pool,state,from_s,to_s,duration_s,added_s,removed_s\n" +
            "node-a,cpu,Ready,0.000000,,120.000000,0.000000,\n" +
            "node-b,gpu,Ready,0.000000,30.000000,30.000000,0.000000,\n" +
            "node-b,gpu,NotReady,30.000000,75.500000,45.500000,0.000000,\n" +
            "node-b,gpu,Ready,75.500000,,44.500000,0.000000,\n" +
            "node-c,gpu,Ready,0.000000,100.000000,100.000000,0.000000,110.000000\n" +
            "node-c,gpu,NotReady,100.000000,110.000000,10.000000,0.000000,110.000000\n",
            Read("nodes.csv"));
    }

    [Fact]
    public void Recoveries_csv_has_one_row_per_outage_and_an_unrecovered_one_has_no_end()
    {
        Assert.Equal(
            "kind,namespace,name,from_s,to_s,duration_s\n" +
            "Deployment,default,web,30.000000,80.500000,50.500000\n" +
            "ReplicaSet,default,cache,100.000000,,20.000000\n",
            Read("recoveries.csv"));
    }

    [Fact]
    public void Events_log_has_kubectl_columns_in_virtual_time_one_line_per_event()
    {
        Assert.Equal(
            "          TIME TYPE    REASON               OBJECT MESSAGE\n" +
            "      0.250000 Normal  Scheduled            pod/default/web-1 Successfully assigned default/web-1 to node-a\n" +
            "     10.000000 Warning FailedScheduling     pod/ml/train-0 0/2 nodes are available:\\n2 Insufficient nvidia.com/gpu.\n",
            Read("events.log"));
    }

    [Fact]
    public void Summary_json_has_fixed_key_order_and_allocation_ratios_sorted_by_resource()
    {
        Assert.Equal(
            """
            {
              "scenario": "sample",
              "seed": 7,
              "profile": "bin-packing",
              "partial": false,
              "end_reason": "duration",
              "end_time_s": 120.000000,
              "simulated_seconds": 120,
              "events_processed": 42,
              "pods_created": 3,
              "pods_scheduled": 2,
              "pods_unschedulable": 1,
              "pods_ever_unschedulable": 1,
              "pods_succeeded": 1,
              "pods_failed": 0,
              "pods_running_at_end": 0,
              "pods_pending_at_end": 1,
              "scheduling_latency_s": {
                "count": 1,
                "p50": 0.25,
                "p95": 0.25,
                "max": 0.25
              },
              "allocation_ratio": {
                "cpu": 0.5,
                "memory": 0.125,
                "nvidia.com/gpu": 0
              },
              "jobs": {
                "total": 3,
                "completed": 1,
                "failed": 1,
                "jct_s": {
                  "mean": 61.5,
                  "p50": 61.5,
                  "p95": 61.5,
                  "max": 61.5
                }
              },
              "pods": {
                "evicted": 1,
                "restarts": 1
              },
              "nodes": {
                "failures": 2,
                "downtime_s": 55.5
              },
              "time_to_recover_s": {
                "count": 1,
                "p50": 50.5,
                "max": 50.5
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
                "per_completed_job": 0,
                "per_million_requests": null,
                "idle_gpu_hours": 0
              }
            }

            """.ReplaceLineEndings("\n"),
            Read("summary.json"));
    }

    [Fact]
    public void Manifest_json_records_the_scenario_copy_with_its_hash_and_the_options()
    {
        var manifest = Read("manifest.json");
        // sha256("kind: Scenario\n")
        Assert.Contains("\"path\": \"scenario/sample.yaml\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"sha256\": \"" + Sha256Hex("kind: Scenario\n") + "\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"entry\": \"scenario/sample.yaml\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"format\": \"ksim-results/1\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"version\": \"1.0.0+abc\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"duration\": \"2m0s\"", manifest, StringComparison.Ordinal);
        Assert.True(
            manifest.IndexOf("\"MathNet.Numerics\"", StringComparison.Ordinal) < manifest.IndexOf("\"YamlDotNet\"", StringComparison.Ordinal),
            "packages are sorted by name");
        Assert.DoesNotContain("\r", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_folder_holds_an_exact_copy_of_the_source_file()
    {
        Assert.Equal("kind: Scenario\n"u8.ToArray(), File.ReadAllBytes(Path.Combine(_results, "scenario", "sample.yaml")));
    }

    [Fact]
    public void Manifest_reads_back_what_a_rerun_needs()
    {
        Assert.True(ResultsManifest.TryRead(_results, out var manifest, out var error), error);
        Assert.Equal("sample", manifest!.ScenarioName);
        Assert.Equal(Path.Combine(_results, "scenario/sample.yaml"), manifest.EntryPath);
        Assert.Equal(7UL, manifest.Seed);
        Assert.Equal("bin-packing", manifest.Profile);
        Assert.Equal("2m0s", manifest.DurationOverride);
        Assert.False(manifest.Partial);
    }

    private static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
