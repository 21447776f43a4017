using Simulator.Cluster.Api;
using Simulator.Cluster.Workloads.Generation;
using Simulator.Cluster.Workloads.Training;
using Simulator.Engine;
using Simulator.Scenarios.Kubernetes;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// <c>ksim.dev/v1alpha1 WorkloadGenerator</c>: training Jobs arriving as a Poisson process.
/// <code>
/// spec:
///   rate: 2.5                      # jobs per hour; or steps: [{at: 0s, rate: 1}, {at: 10h, rate: 4}]
///   start: 0s                      # no arrival before (default 0)
///   jobs: 6000                     # stop after this many, and/or
///   until: 100h                    # no arrival at or after this
///   models: {resnet50: 1, ...}     # default: uniform over the table's models with a V100 row for the GPU count
///   gpus: {1: 0.7, 2: 0.1, 4: 0.15, 8: 0.05}
///   durations: [{weight: 0.8, min: 31m37s, max: 16h40m}, ...]   # V100 time, log-uniform in each band
///   template: {...}                # see GeneratedPodTemplateReader
///   measure: {fromJob: 4000, toJob: 5000}
/// </code>
/// Model names are checked once the throughput table is complete (the Scenario document, read
/// last, may add rows).
/// </summary>
internal static class WorkloadGeneratorReader
{
    /// <summary>Far above any real cluster's arrivals; it keeps a typo such as 4e9 from running forever.</summary>
    public const decimal MaxRate = 1_000_000;

    /// <summary>Bounds <c>jobs</c> (and so the run's memory): a hundred times Gavel's longest trace.</summary>
    public const long MaxJobs = 10_000_000;

    /// <summary>Room left in a 63-character name for "-" and the index, as the Job's name becomes a label value.</summary>
    public const int MaxNameLength = KubernetesNames.LabelMaxLength - 9;

    private static readonly string[] SpecFields = ["rate", "steps", "start", "jobs", "until", "models", "gpus", "durations", "template", "measure"];

    public static void Read(SourceDocument document, LoadContext context)
    {
        var errors = context.Errors;
        int before = errors.Count;
        var root = SourceField.Root(document.Root);
        FieldValues.CheckFields(root, errors, "apiVersion", "kind", "metadata", "spec");
        var metadata = root.Child("metadata");
        FieldValues.CheckFields(metadata, errors, "name", "namespace", "labels", "annotations");
        var nameField = metadata.Child("name");
        var name = FieldValues.String(nameField, errors);
        // A label, not a subdomain: "<name>-<index>" is the value of the Job's job-name label.
        if (KubernetesNames.Check(nameField, name, NameRule.Label, errors) && name!.Length > MaxNameLength)
            errors.At(nameField, $"must be no more than {MaxNameLength} characters, so that \"<name>-<index>\" is a valid Job name");
        var ns = Kubernetes.ManifestMetadata.Namespace(metadata, errors);

        var spec = root.Child("spec");
        if (spec.IsMissing)
        {
            errors.At(spec, "Required value: at least a rate and a limit, e.g. {rate: 2, jobs: 100}");
            return;
        }
        FieldValues.CheckFields(spec, errors, SpecFields);
        var start = FieldValues.Duration(spec.Child("start"), errors, positive: false) ?? SimDuration.Zero;
        var rate = Rate(spec, start, errors);
        var (jobs, until) = Limits(spec, start, errors);
        var models = GeneratorMixReader.Models(spec.Child("models"), errors);
        var gpus = GeneratorMixReader.GpuCounts(spec.Child("gpus"), errors);
        var durations = GeneratorMixReader.Durations(spec.Child("durations"), errors);
        var template = GeneratedPodTemplateReader.Read(spec.Child("template"), context);
        var measure = Measure(spec.Child("measure"), jobs, errors);
        if (errors.Count > before || name is null || rate is null || models is null || gpus is null || durations is null || template is null) return;

        var generator = new WorkloadGenerator
        {
            Name = name,
            Namespace = ns,
            RateSteps = rate,
            Start = SimTime.Zero + start,
            Jobs = jobs,
            Until = until is { } u ? SimTime.Zero + u : null,
            Models = [.. models.Select(m => m.Model)],
            GpuCounts = gpus,
            Durations = durations,
            Template = template,
            Measure = measure,
        };
        context.AddGenerator(generator, nameField);
        context.CheckWithThroughputTable(table => CheckModels(generator, models, spec.Child("gpus"), table, errors));
    }

    /// <summary>
    /// Every model of the mix is in the table, and every GPU count has a model the table can time
    /// on that many V100s (its length is V100 time, so the steps need that rate).
    /// </summary>
    private static void CheckModels(WorkloadGenerator generator, List<(Weighted<string> Model, SourceField Field)> models,
        SourceField gpusField, ThroughputTable table, ScenarioErrors errors)
    {
        bool unknown = false;
        foreach (var (model, field) in models)
        {
            if (table.ResolveModel(model.Value) is not null) continue;
            unknown = true;
            errors.AtKey(field, TrainingRules.UnknownModel(model.Value, table));
        }
        if (unknown) return;
        foreach (var count in generator.GpuCounts)
        {
            if (count.Weight <= 0 || JobMix.CandidateModels(count.Value, generator.Models, table).Count > 0) continue;
            var field = gpusField.Child(count.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            string which = generator.Models.Count > 0 ? "no model of the mix" : "no model";
            errors.AtKey(field.IsMissing ? gpusField : field,
                $"{which} has a {ThroughputTable.ReferenceAccelerator} row in the throughput table for {count.Value} GPU(s), so a job's length cannot be converted to steps");
        }
    }

    /// <summary><c>rate</c> or <c>steps</c> in jobs per hour, as arrival steps; null after reporting errors.</summary>
    private static List<ArrivalRateStep>? Rate(SourceField spec, SimDuration start, ScenarioErrors errors)
    {
        var rateField = spec.Child("rate");
        var stepsField = spec.Child("steps");
        if (rateField.IsMissing && stepsField.IsMissing)
        {
            errors.At(spec, "Required value: rate (jobs per hour) or steps, e.g. rate: 2");
            return null;
        }
        if (!rateField.IsMissing && !stepsField.IsMissing)
        {
            errors.AtKey(stepsField, "Forbidden: only one of rate and steps may be set, and rate already is");
            return null;
        }
        if (!rateField.IsMissing) return JobsPerHour(rateField, errors) is { } r ? [new ArrivalRateStep(SimTime.Zero + start, r)] : null;

        if (stepsField.Node is SourceSequence { Items.Count: 0 })
            errors.At(stepsField, "Required value: at least one step such as {at: 0s, rate: 2}");
        int before = errors.Count;
        var steps = new List<ArrivalRateStep>();
        SimDuration? previous = null;
        foreach (var item in FieldValues.List(stepsField, errors))
        {
            if (!FieldValues.CheckFields(item, errors, "at", "rate")) continue;
            var atField = item.Child("at");
            var stepRateField = item.Child("rate");
            if (atField.IsMissing) errors.At(atField, "Required value");
            if (stepRateField.IsMissing) errors.At(stepRateField, "Required value");
            var at = FieldValues.Duration(atField, errors, positive: false);
            var stepRate = JobsPerHour(stepRateField, errors);
            if (at is not { } a) continue;
            if (previous is { } p && a <= p)
                errors.At(atField, $"must be later than the previous step ({p}), got \"{atField.Scalar!.Value}\"");
            previous = a;
            if (stepRate is { } r) steps.Add(new ArrivalRateStep(SimTime.Zero + a, r));
        }
        return errors.Count > before ? null : steps;
    }

    private static double? JobsPerHour(SourceField field, ScenarioErrors errors)
    {
        var value = FieldValues.NonNegativeNumber(field, errors);
        if (value is not { } v) return null;
        if (v <= MaxRate) return (double)v;
        errors.At(field, $"must be at most {MaxRate} jobs per hour, got \"{field.Scalar!.Value}\"");
        return null;
    }

    /// <summary><c>jobs</c> and <c>until</c>: at least one, so that the generator stops and a run without a duration ends.</summary>
    private static (long? Jobs, SimDuration? Until) Limits(SourceField spec, SimDuration start, ScenarioErrors errors)
    {
        var jobsField = spec.Child("jobs");
        var untilField = spec.Child("until");
        var jobs = FieldValues.Integer(jobsField, errors, 1, MaxJobs);
        var until = FieldValues.Duration(untilField, errors, positive: true);
        if (until is { } u && u <= start)
            errors.At(untilField, $"must be later than start ({start}), got \"{untilField.Scalar!.Value}\"");
        if (jobsField.IsMissing && untilField.IsMissing)
            errors.At(spec, "Required value: jobs (how many to create) or until (when to stop), so that the generator ends");
        return (jobs, until);
    }

    /// <summary><c>measure: {fromJob, toJob}</c>: the jobs with index in [fromJob, toJob), within <c>jobs</c>.</summary>
    private static MeasureWindow? Measure(SourceField field, long? jobs, ScenarioErrors errors)
    {
        if (field.IsMissing || !FieldValues.CheckFields(field, errors, "fromJob", "toJob")) return null;
        var fromField = field.Child("fromJob");
        var toField = field.Child("toJob");
        if (fromField.IsMissing) errors.At(fromField, "Required value");
        if (toField.IsMissing) errors.At(toField, "Required value");
        var from = FieldValues.Integer(fromField, errors, 0, MaxJobs);
        var to = FieldValues.Integer(toField, errors, 1, MaxJobs);
        if (from is not { } f || to is not { } t) return null;
        if (t <= f)
        {
            errors.At(toField, $"must be greater than fromJob ({f}), got \"{toField.Scalar!.Value}\"");
            return null;
        }
        if (jobs is { } n && t > n)
        {
            errors.At(toField, $"must not be greater than jobs ({n}): the window would wait for jobs that never arrive, got \"{toField.Scalar!.Value}\"");
            return null;
        }
        return new MeasureWindow(f, t);
    }
}
