using Simulator.Cluster.Api;
using Simulator.Engine;
using Simulator.Scenarios.Yaml;
using static Simulator.Scenarios.Kubernetes.WorkloadAnnotations;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// The training annotations of one pod or template, collected while <see cref="WorkloadAnnotations"/>
/// reads them: <c>ksim.dev/model</c> and <c>ksim.dev/steps</c> make the pod a training worker;
/// <c>ksim.dev/checkpoint-every</c>, <c>ksim.dev/checkpoint-restore</c> and
/// <c>ksim.dev/scatter-penalty</c> tune it. The model is checked against the throughput table
/// later (<see cref="Loading.TrainingChecks"/>), since the Scenario document, read last, can add rows.
/// </summary>
internal sealed class TrainingAnnotations
{
    private string? _model;
    private long? _steps;
    private SimDuration? _checkpointEvery;
    private SimDuration? _checkpointRestore;
    private double? _scatterPenalty;
    private bool _seen;

    /// <summary>Reads one of the training keys (any other key is ignored).</summary>
    public void Read(string key, SourceField field, ScenarioErrors errors)
    {
        switch (key)
        {
            case Model:
                _seen = true;
                var model = FieldValues.String(field, errors);
                if (model is { Length: 0 }) errors.At(field, "must name a model of the throughput table, e.g. \"resnet50-bs64\"");
                else _model = model;
                break;
            case Steps:
                _seen = true;
                _steps = FieldValues.Integer(field, errors, 1, long.MaxValue);
                break;
            case CheckpointEvery:
                _seen = true;
                _checkpointEvery = FieldValues.Duration(field, errors, positive: true);
                break;
            case CheckpointRestore:
                _seen = true;
                _checkpointRestore = FieldValues.Duration(field, errors, positive: false);
                break;
            case ScatterPenalty:
                _seen = true;
                var penalty = FieldValues.PositiveNumber(field, errors);
                if (penalty > 1) errors.At(field, $"must be greater than 0 and at most 1 (a speed factor), got \"{field.Scalar!.Value}\"");
                else if (penalty is { } p) _scatterPenalty = (double)p;
                break;
        }
    }

    /// <summary>
    /// The pod's training spec (one worker; a Job or PyTorchJob sets its count), or null if it
    /// does not train or after reporting why the annotations do not go together.
    /// </summary>
    public TrainingSpec? Build(SourceField annotations, Workload workload, ScenarioErrors errors)
    {
        if (!_seen) return null;
        var hasModel = !annotations.Child(Model).IsMissing;
        var hasSteps = !annotations.Child(Steps).IsMissing;
        if (hasModel != hasSteps)
        {
            var (given, missing) = hasModel ? (Model, Steps) : (Steps, Model);
            errors.AtKey(annotations.Child(given), $"{given} needs {missing}: a training pod names its model and how many steps it trains");
            return null;
        }
        if (!hasModel)
        {
            foreach (var key in (string[])[CheckpointEvery, CheckpointRestore, ScatterPenalty])
                if (!annotations.Child(key).IsMissing)
                    errors.AtKey(annotations.Child(key), $"{key} only applies to a training pod: add {Model} and {Steps}");
            return null;
        }
        // A training pod ends when its steps are done; a fixed duration would contradict that.
        if (workload.Duration is not null)
        {
            errors.AtKey(annotations.Child(Duration), $"{Duration} does not apply to a training pod: it runs until its {Steps} are done");
            return null;
        }
        if (_model is null || _steps is null) return null;
        return new TrainingSpec
        {
            Model = _model,
            Steps = _steps.Value,
            CheckpointEvery = _checkpointEvery,
            CheckpointRestore = _checkpointRestore ?? SimDuration.Zero,
            ScatterPenalty = _scatterPenalty,
        };
    }
}
