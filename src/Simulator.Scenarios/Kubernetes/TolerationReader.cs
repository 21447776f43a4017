using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>Pod tolerations, checked as Kubernetes' ValidateTolerations does.</summary>
internal static class TolerationReader
{
    public static List<Toleration> Read(IList<V1Toleration>? v1, SourceField list, ScenarioErrors errors)
    {
        var tolerations = new List<Toleration>();
        if (v1 is null) return tolerations;
        for (int i = 0; i < v1.Count; i++)
        {
            var t = v1[i];
            var field = list.Item(i);
            int before = errors.Count;
            string key = t.Key ?? "";
            string value = t.Value ?? "";
            string op = t.OperatorProperty ?? "";

            if (key.Length == 0 && op != "Exists")
                errors.At(field.Child("operator"), $"Invalid value: \"{op}\": operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
            if (t.TolerationSeconds is not null && t.Effect != "NoExecute")
                errors.At(field.Child("effect"), $"Invalid value: \"{t.Effect ?? ""}\": effect must be 'NoExecute' when `tolerationSeconds` is set");

            var parsedOperator = TolerationOperator.Equal;
            switch (op)
            {
                case "" or "Equal":
                    break;
                case "Exists":
                    parsedOperator = TolerationOperator.Exists;
                    if (value.Length > 0)
                        errors.At(field.Child("value"), "must be empty when `operator` is 'Exists'");
                    break;
                default:
                    errors.At(field.Child("operator"), $"Unsupported value: \"{op}\": supported values: \"Equal\", \"Exists\"");
                    break;
            }
            TaintRules.TryEffect(t.Effect, field.Child("effect"), allowEmpty: true, errors, out var effect);

            if (errors.Count == before)
                tolerations.Add(new Toleration(key, parsedOperator, value, effect, t.TolerationSeconds));
        }
        return tolerations;
    }
}
