using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Validation;

/// <summary>
/// A NodePool of TPU hosts (capacity <c>google.com/tpu</c> chips per host) with a
/// <c>cloud.google.com/gke-tpu-topology</c> label: the topology's chips must be a whole number of
/// hosts. More chips than one host makes a multi-host slice, which GKE creates as exactly
/// chips / chips-per-host nodes, so the pool's count must be that number.
/// </summary>
internal static class TpuSliceRules
{
    /// <summary>The pool's slice if it is a multi-host one; null otherwise (errors are reported).</summary>
    public static TpuSlice? Read(
        IReadOnlyDictionary<string, string> labels, SourceField labelsField, ResourceList capacity, long count, SourceField countField, ScenarioErrors errors)
    {
        long perHost = capacity.Get(ResourceNames.GoogleTpu);
        if (perHost <= 0 || !labels.TryGetValue(AcceleratorLabels.TpuTopology, out var topology)) return null;
        var topologyField = labelsField.Child(AcceleratorLabels.TpuTopology);
        if (TpuTopology.Chips(topology) is not { } chips)
        {
            errors.At(topologyField, $"Invalid value: \"{topology}\": a TPU topology is 2 or 3 positive sizes joined by \"x\", such as \"2x4\" or \"4x4x4\"");
            return null;
        }
        string hostText = $"{perHost} per host (capacity {ResourceNames.GoogleTpu})";
        if (chips < perHost || chips % perHost != 0)
        {
            errors.At(topologyField, $"topology \"{topology}\" has {chips} chip(s), not a whole number of hosts at {hostText}");
            return null;
        }
        if (chips == perHost) return null;
        long hosts = chips / perHost;
        if (count != hosts)
        {
            errors.At(countField, $"must be {hosts} for a multi-host TPU slice: topology \"{topology}\" is {chips} chips at {hostText}, got {count}");
            return null;
        }
        return new TpuSlice(topology, (int)chips, (int)perHost);
    }
}
