using Simulator.Cluster.Faults;
using Simulator.Scenarios.Kubernetes;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// <c>spec.faults</c> of a Scenario: random failure models. Each selects nodes by label and
/// draws their times to failure and to repair; <c>correlatedBy</c> makes all selected nodes that
/// share a label value (a zone, a rack) fail and recover together.
/// </summary>
internal static class FaultModelReader
{
    public static IReadOnlyList<FaultModel> Read(SourceField faults, ScenarioErrors errors)
    {
        var models = new List<FaultModel>();
        var names = new TakenNames(errors);
        foreach (var item in FieldValues.List(faults, errors))
        {
            int before = errors.Count;
            if (!FieldValues.CheckFields(item, errors, "name", "nodeSelector", "timeToFailure", "timeToRepair", "correlatedBy")) continue;
            var nameField = item.Child("name");
            var name = FieldValues.String(nameField, errors);
            // A label: the name also names the model's random stream and appears in events.
            if (KubernetesNames.Check(nameField, name, NameRule.Label, errors)) names.TryTake("fault model", name!, nameField);

            var selectorField = item.Child("nodeSelector");
            if (selectorField.IsMissing)
                errors.At(selectorField, "Required value: the nodes this model fails, e.g. {matchLabels: {ksim.dev/node-pool: gpu}}; {} selects every node");
            var selector = LabelSelectorReader.Read(selectorField, errors);

            var toFailure = DistributionReader.Read(item.Child("timeToFailure"), errors);
            var toRepair = DistributionReader.Read(item.Child("timeToRepair"), errors);
            var correlatedField = item.Child("correlatedBy");
            var correlatedBy = FieldValues.String(correlatedField, errors);
            if (correlatedBy is "")
                errors.At(correlatedField, "must be a label key such as topology.kubernetes.io/zone");

            if (errors.Count > before || name is null || selector is null || toFailure is null || toRepair is null) continue;
            models.Add(new FaultModel(name, selector, toFailure, toRepair, correlatedBy));
        }
        return models;
    }
}
