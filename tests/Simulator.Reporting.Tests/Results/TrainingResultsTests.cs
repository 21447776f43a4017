using System.Text.Json;
using Simulator.Cluster.Metrics;
using Simulator.Engine;

namespace Simulator.Reporting.Tests.Results;

/// <summary>
/// Training jobs in the results: jobs.csv's training columns for a PyTorchJob that lost work to a
/// failure, and the "training" section of summary.json (written only for runs with training jobs).
/// </summary>
public sealed class TrainingResultsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static JobRecord TrainingJob()
    {
        var training = new TrainingRecord
        {
            Kind = "PyTorchJob", Namespace = "ml", Name = "ddp", Uid = "p-1", Submitted = SimTime.FromSeconds(5),
            Model = "ResNet-50 (batch size 64)", Steps = 40_000, Workers = 4,
            Accelerators = 8, AllWorkersUp = SimTime.FromSeconds(65), Finished = SimTime.FromSeconds(3665.5),
            Interruptions = 1, LostSteps = 1200, LostGpuHours = 0.5,
        };
        training.AddAcceleratorType("v100");
        training.AddAcceleratorType("k80");
        training.AddAcceleratorType("v100");
        return new JobRecord
        {
            Kind = "PyTorchJob", Namespace = "ml", Name = "ddp", Uid = "p-1", Submitted = SimTime.FromSeconds(5),
            FirstStart = SimTime.FromSeconds(64), Completed = SimTime.FromSeconds(3665.5), Outcome = JobOutcome.Complete,
            Attempts = 5, FailedPods = 1, Training = training,
        };
    }

    [Fact]
    public void Jobs_csv_has_the_training_columns_of_a_training_job()
    {
        var result = SampleRuns.Result() with { Jobs = [TrainingJob()] };
        var dir = SampleRuns.WriteTo(_temp, result);

        var rows = File.ReadAllLines(Path.Combine(dir, "jobs.csv"));
        Assert.Equal(
            "ml,ddp,p-1,5.000000,64.000000,3665.500000,3660.500000,5,1,Complete,,"
            + "PyTorchJob,ResNet-50 (batch size 64),40000,4,8,k80+v100,60.000000,3600.500000,1,0.5,,",
            rows[1]);
    }

    [Fact]
    public void Summary_json_has_a_training_section_when_the_run_had_training_jobs()
    {
        var training = new TrainingSummary(3, 2, new CompletionTimeSummary(1500, 1000, 2000, 2000), 2400.25, 1.75, 2);
        var result = SampleRuns.Result() with { Summary = SampleRuns.Result().Summary with { Training = training } };
        var dir = SampleRuns.WriteTo(_temp, result);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var section = json.RootElement.GetProperty("training");
        Assert.Equal(3, section.GetProperty("jobs").GetInt32());
        Assert.Equal(2, section.GetProperty("completed").GetInt32());
        Assert.Equal(1500, section.GetProperty("jct_s").GetProperty("mean").GetDouble());
        Assert.Equal(1000, section.GetProperty("jct_s").GetProperty("p50").GetDouble());
        Assert.Equal(2000, section.GetProperty("jct_s").GetProperty("p95").GetDouble());
        Assert.Equal(2400.25, section.GetProperty("makespan_s").GetDouble());
        Assert.Equal(2, section.GetProperty("interruptions").GetInt32());
        Assert.Equal(1.75, section.GetProperty("lost_gpu_hours").GetDouble());
    }

    [Fact]
    public void Summary_json_has_no_training_section_without_training_jobs()
    {
        var dir = SampleRuns.WriteTo(_temp, SampleRuns.Result());
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        Assert.False(json.RootElement.TryGetProperty("training", out _));
    }
}
