using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Tests.Builders;
using Simulator.Cluster.Workloads.Generation;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Workloads.Generation;

/// <summary>Generators in a whole cluster: the Jobs they create, their determinism, their end and their measure window.</summary>
public class WorkloadGeneratorsTests
{
    private static WorkloadGenerator Generator(string name = "gavel", double rate = 6, long? jobs = 20, SimTime? until = null) => new()
    {
        Name = name,
        RateSteps = [new ArrivalRateStep(SimTime.Zero, rate)],
        Jobs = jobs,
        Until = until,
    };

    private static (ClusterSimulation Sim, RunResult Result) Run(ulong seed, params WorkloadGenerator[] generators)
    {
        var sim = new ClusterSimulation(new ClusterOptions { Seed = seed });
        foreach (var g in generators) sim.AddGenerator(g);
        return (sim, sim.Run(null));
    }

    private static List<(string Name, SimTime Created, int Gpus, string Model, long Steps)> Jobs(ClusterSimulation sim, string generator) =>
    [
        .. sim.Store.Jobs.Items
            .Where(j => j.Metadata.Labels.GetValueOrDefault(GeneratedJob.GeneratorLabel) == generator)
            .Select(j => (j.Name, j.Metadata.CreationTimestamp, (int)j.Spec.Template.Spec.Containers[0].Requests.Get(ResourceNames.NvidiaGpu),
                j.Spec.Template.Workload.Training!.Model, j.Spec.Template.Workload.Training.Steps)),
    ];

    [Fact]
    public void Each_arrival_is_a_one_pod_training_job_named_after_the_generator_and_index()
    {
        var generator = Generator(jobs: 3) with
        {
            Namespace = "research",
            GpuCounts = [new(4, 1)],
            Models = [new("resnet50", 1)],
            Template = new GeneratedPodTemplate { CpuPerGpu = 2_000, MemoryPerGpu = 8L << 30, Labels = new Dictionary<string, string> { ["team"] = "vision" } },
        };
        var (sim, result) = Run(1, generator);

        Assert.Equal(RunEnd.Quiescent, result.EndReason);
        Assert.Equal(["gavel-0", "gavel-1", "gavel-2"], sim.Store.Jobs.Items.Select(j => j.Name));
        var job = sim.Store.Jobs.Items[1];
        Assert.Equal("research", job.Metadata.Namespace);
        Assert.Equal("gavel", job.Metadata.Labels[GeneratedJob.GeneratorLabel]);
        Assert.Equal("1", job.Metadata.Annotations[GeneratedJob.IndexAnnotation]);
        Assert.Equal(1, job.Spec.Parallelism);
        Assert.Equal(1, job.Spec.Completions);
        Assert.Equal(6, job.Spec.BackoffLimit);
        var template = job.Spec.Template;
        Assert.Equal(RestartPolicy.Never, template.Spec.RestartPolicy);
        Assert.Equal("gavel-1", template.Labels[JobController.JobNameLabel]);
        Assert.Equal("vision", template.Labels["team"]);
        Assert.True(job.Spec.Selector.Matches(template.Labels));
        var requests = template.Spec.Containers.Single().Requests;
        Assert.Equal(ResourceList.Of((ResourceNames.Cpu, 8_000), (ResourceNames.Memory, 32L << 30), (ResourceNames.NvidiaGpu, 4)).ToString(), requests.ToString());
        Assert.Equal(new TrainingSpec { Model = "ResNet-50 (batch size 16)", Steps = template.Workload.Training!.Steps, Workers = 1 }, template.Workload.Training);
        Assert.Equal(3, Assert.Single(result.Summary.Generators).JobsCreated);
    }

    [Fact]
    public void The_same_seed_gives_the_same_jobs_and_another_seed_other_jobs()
    {
        var first = Jobs(Run(42, Generator()).Sim, "gavel");
        var again = Jobs(Run(42, Generator()).Sim, "gavel");
        var other = Jobs(Run(43, Generator()).Sim, "gavel");
        Assert.Equal(20, first.Count);
        Assert.Equal(first, again);
        Assert.NotEqual(first.Select(j => j.Created), other.Select(j => j.Created));
    }

    [Fact]
    public void Adding_a_generator_does_not_change_another_ones_jobs()
    {
        var alone = Jobs(Run(7, Generator()).Sim, "gavel");
        var withOther = Jobs(Run(7, Generator("other", rate: 30, jobs: 50), Generator()).Sim, "gavel");
        Assert.Equal(alone, withOther);
    }

    [Fact]
    public void Until_stops_the_arrivals_and_the_run_ends_by_itself()
    {
        var (sim, result) = Run(3, Generator(rate: 60, jobs: null, until: SimTime.Zero + SimDuration.FromHours(2)));
        var created = Jobs(sim, "gavel").Select(j => j.Created).ToList();
        Assert.All(created, t => Assert.True(t < SimTime.Zero + SimDuration.FromHours(2)));
        // 120 expected; the Poisson 99.9 % interval is about +/- 36.
        Assert.InRange(created.Count, 84, 156);
        Assert.Equal(RunEnd.Quiescent, result.EndReason);
    }

    [Fact]
    public void Start_delays_the_first_arrival()
    {
        var (sim, _) = Run(5, Generator(jobs: 5) with { Start = SimTime.Zero + SimDuration.FromHours(10), RateSteps = [new ArrivalRateStep(SimTime.Zero, 6)] });
        Assert.All(Jobs(sim, "gavel"), j => Assert.True(j.Created > SimTime.Zero + SimDuration.FromHours(10)));
    }

    [Fact]
    public void A_name_a_scenario_job_already_has_is_skipped_with_a_warning()
    {
        var sim = new ClusterSimulation(new ClusterOptions { Seed = 2 });
        var generator = Generator(jobs: 3);
        // A Job of the scenario that happens to have the first generated Job's name.
        var spec = GeneratedJob.Create(generator with { Name = "other" }, 0, new JobDraw(1, "A3C", 60, 100)).Spec;
        sim.SubmitObject(SimTime.Zero, new Job { Metadata = new ObjectMeta { Name = "gavel-0" }, Spec = spec });
        sim.AddGenerator(generator);
        var result = sim.Run(null);

        Assert.Equal(["gavel-0", "gavel-1", "gavel-2"], sim.Store.Jobs.Items.Select(j => j.Name));
        Assert.Equal(2, Assert.Single(result.Summary.Generators).JobsCreated);
        var warning = Assert.Single(result.Events, e => e.Reason == "FailedCreate");
        Assert.Equal("Error creating: jobs.batch \"gavel-0\" already exists", warning.Message);
    }

    [Fact]
    public void The_measure_window_averages_the_completion_time_of_its_jobs()
    {
        var sim = new ClusterSimulation(new ClusterOptions { Seed = 9 });
        for (int i = 0; i < 4; i++)
            sim.AddNode(SimTime.Zero, new NodeBuilder($"v100-{i}").Cpu("32").Memory("128Gi").Gpus(8).Label("nvidia.com/gpu.product", "Tesla-V100-SXM2-16GB").Build());
        // One-minute ResNet-50 jobs on one V100: 60 s x 11.396 steps/s = 684 steps, about 60 s of training.
        sim.AddGenerator(Generator(rate: 10, jobs: 8) with
        {
            Models = [new("resnet50", 1)],
            GpuCounts = [new(1, 1)],
            Durations = [new(new DurationBand(60, 60), 1)],
            Measure = new MeasureWindow(2, 6),
        });
        var result = sim.Run(null);

        var window = sim.Store.Jobs.Items.Where(j => int.Parse(j.Metadata.Annotations[GeneratedJob.IndexAnnotation], System.Globalization.CultureInfo.InvariantCulture) is >= 2 and < 6).ToList();
        Assert.Equal(4, window.Count);
        var jcts = window.Select(j => (j.Status.Conditions.Single(c => c.Type == JobConditionType.Complete).LastTransitionTime - j.Metadata.CreationTimestamp).TotalSeconds).ToList();
        var measure = Assert.Single(result.Summary.Generators).Measure!;
        Assert.Equal(new MeasureSummary(2, 6, 4, jcts.Average()), measure);
        // The container starts 1 s after binding, then trains 684 / 11.396 = 60.02 s.
        Assert.InRange(measure.MeanJctSeconds!.Value, 60, 63);
        Assert.Equal(RunEnd.Quiescent, result.EndReason);
    }
}
