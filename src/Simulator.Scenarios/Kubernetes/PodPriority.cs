using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>A pod's resolved priority, as the Priority admission plugin sets it.</summary>
internal readonly record struct PodPriority(int Value, PreemptionPolicy PreemptionPolicy, string ClassName)
{
    /// <summary>
    /// The named class, else the global default class, else the pod's own <c>priority</c> (0 if
    /// unset). The last is a ksim convenience: Kubernetes would reject a priority without a class,
    /// but a scenario can then set priorities without defining classes.
    /// </summary>
    public static PodPriority? Resolve(V1PodSpec spec, SourceField specField, PriorityClassTable classes, ScenarioErrors errors)
    {
        int before = errors.Count;
        var ownPolicy = PodRules.PreemptionPolicy(spec.PreemptionPolicy, specField.Child("preemptionPolicy"), errors);
        string className = spec.PriorityClassName ?? "";
        PriorityClassInfo? priorityClass;
        if (className.Length > 0)
        {
            priorityClass = classes.Find(className);
            if (priorityClass is null)
                errors.At(specField.Child("priorityClassName"), $"no PriorityClass with name {className} was found");
        }
        else
        {
            priorityClass = classes.GlobalDefault;
        }
        if (errors.Count > before) return null;

        if (priorityClass is null)
            return new PodPriority(spec.Priority ?? 0, ownPolicy ?? PreemptionPolicy.PreemptLowerPriority, "");

        if (spec.Priority is { } own && own != priorityClass.Value)
            errors.At(specField.Child("priority"),
                $"the integer value of priority ({own}) must not be provided in pod spec; priority admission controller computed {priorityClass.Value} from the given PriorityClass name");
        if (ownPolicy is { } policy && policy != priorityClass.PreemptionPolicy)
            errors.At(specField.Child("preemptionPolicy"),
                $"the string value of PreemptionPolicy ({policy}) must not be provided in pod spec; priority admission controller computed {priorityClass.PreemptionPolicy} from the given PriorityClass name");
        if (errors.Count > before) return null;
        return new PodPriority(priorityClass.Value, priorityClass.PreemptionPolicy, priorityClass.Name);
    }
}
