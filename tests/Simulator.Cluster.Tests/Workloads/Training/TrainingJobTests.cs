using FsCheck.Xunit;
using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Workloads.Training;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Workloads.Training;

/// <summary>
/// One job's checkpoint arithmetic without a cluster: a failure after t of training keeps
/// floor(t / interval) intervals and loses t mod interval, and the progress kept plus the steps
/// lost are what was trained.
/// </summary>
public class TrainingJobTests
{
    private static TrainingJob Job(long steps, SimDuration? every) =>
        new(new TrainingSpec { Model = "m", Steps = steps, CheckpointEvery = every },
            new TrainingRecord { Kind = "Pod", Namespace = "default", Name = "p", Uid = "u", Submitted = SimTime.Zero, Model = "m", Steps = steps, Workers = 1 },
            "Pod", "default/p");

    [Fact]
    public void A_segment_of_one_hundred_steps_at_four_per_second_takes_25_seconds()
    {
        var job = Job(100, null);
        job.SetRate(4, 1, "1 x v100");
        Assert.Equal(SimDuration.FromSeconds(25), job.BeginSegment(SimTime.Zero));
        Assert.Equal(40, job.StepsAt(SimTime.FromSeconds(10)));
    }

    [Fact]
    public void A_second_segment_starts_from_the_last_checkpoint()
    {
        var job = Job(1000, SimDuration.FromSeconds(30));
        job.SetRate(2, 1, "1 x v100");
        job.BeginSegment(SimTime.Zero);
        var (lostTime, lostSteps) = job.Interrupt(SimTime.FromSeconds(75));   // checkpoints at 30 s and 60 s
        Assert.Equal(SimDuration.FromSeconds(15), lostTime);
        Assert.Equal(30, lostSteps);
        Assert.Equal(120, job.Checkpointed);
        job.SetRate(4, 1, "1 x v100");
        Assert.Equal(SimDuration.FromSeconds(220), job.BeginSegment(SimTime.FromSeconds(100)));  // (1000 - 120) / 4
    }

    [Fact]
    public void A_job_of_more_steps_than_any_run_can_take_is_scheduled_far_away_without_overflowing_the_clock()
    {
        var job = Job(long.MaxValue, null);
        job.SetRate(0.001, 1, "1 x k80");
        var toGo = job.BeginSegment(SimTime.FromSeconds(3600));
        Assert.Equal(100_000_000_000_000_000, toGo.Microseconds);
        Assert.True((SimTime.FromSeconds(3600) + toGo).Microseconds > 0);
    }

    [Property(MaxTest = 500)]
    public bool A_failure_keeps_whole_intervals_and_loses_the_rest(ushort seconds, byte intervalSeconds, byte rateTenths)
    {
        var every = SimDuration.FromSeconds(1 + intervalSeconds);
        double rate = (1 + rateTenths) / 10.0;
        var job = Job(long.MaxValue / 2, every);
        job.SetRate(rate, 1, "1 x v100");
        job.BeginSegment(SimTime.Zero);
        var at = SimTime.FromSeconds((double)seconds);
        var (lostTime, lostSteps) = job.Interrupt(at);

        long kept = seconds / (1 + intervalSeconds) * (1 + intervalSeconds);
        return lostTime == SimDuration.FromSeconds(seconds - kept)
            && Math.Abs(job.Checkpointed - rate * kept) < 1e-6
            && Math.Abs(job.Checkpointed + lostSteps - rate * seconds) < 1e-6;
    }
}
