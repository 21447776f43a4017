using Simulator.Cluster.Scheduling.Plugins;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// ksim's GpuShare <c>pluginConfig[].args</c>: <c>gpuSelection</c>, how GPUs are chosen within the
/// chosen node (BestFit, the default; LeastFragmentation, FGD's choice). The FGD profiles set it;
/// a configuration may too.
/// </summary>
internal static class GpuShareArgsReader
{
    public const string SelectionField = "gpuSelection";

    public static GpuShareArgs? Read(SourceField args, ScenarioErrors errors)
    {
        int before = errors.Count;
        FieldValues.CheckFields(args, errors, "apiVersion", "kind", SelectionField);
        var field = args.Child(SelectionField);
        if (field.IsMissing) return new GpuShareArgs(GpuSelection.BestFit);
        var text = FieldValues.String(field, errors) ?? "";
        if (!Enum.TryParse<GpuSelection>(text, ignoreCase: false, out var selection) || !Enum.IsDefined(selection) || !char.IsLetter(text.FirstOrDefault()))
        {
            errors.At(field, $"Unsupported value: \"{text}\": supported values: {string.Join(", ", Enum.GetNames<GpuSelection>().Select(n => $"\"{n}\""))}");
            return null;
        }
        return errors.Count > before ? null : new GpuShareArgs(selection);
    }
}
