using Simulator.Cluster.Api;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Validation;

/// <summary>Kubernetes' taint validation (validateNodeTaints, validateTaintEffect), shared by Node and NodePool.</summary>
internal static class TaintRules
{
    private const string SupportedEffects = "supported values: \"NoExecute\", \"NoSchedule\", \"PreferNoSchedule\"";

    /// <summary>An effect, or null when it is empty and <paramref name="allowEmpty"/> (a toleration of every effect).</summary>
    public static bool TryEffect(string? effect, SourceField field, bool allowEmpty, ScenarioErrors errors, out TaintEffect? result)
    {
        result = null;
        switch (effect)
        {
            case "NoSchedule": result = TaintEffect.NoSchedule; return true;
            case "PreferNoSchedule": result = TaintEffect.PreferNoSchedule; return true;
            case "NoExecute": result = TaintEffect.NoExecute; return true;
            case null or "" when allowEmpty: return true;
            case null or "":
                errors.At(field, "Required value");
                return false;
            default:
                errors.At(field, $"Unsupported value: \"{effect}\": {SupportedEffects}");
                return false;
        }
    }

    /// <summary>A taint from its written parts; <paramref name="taint"/> is the list item it came from.</summary>
    public static Taint? Build(string? key, string? value, string? effect, SourceField taint, ScenarioErrors errors)
    {
        bool ok = TryEffect(effect, taint.Child("effect"), allowEmpty: false, errors, out var parsed);
        if (string.IsNullOrEmpty(key))
        {
            errors.At(taint.Child("key"), "Required value");
            ok = false;
        }
        return ok ? new Taint(key!, value ?? "", parsed!.Value) : null;
    }
}
