using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;

namespace Simulator.Scenarios.Validation;

/// <summary>
/// ksim's GPU share rules: <c>ksim.dev/gpu-milli</c> is a share of ONE physical GPU, so it is
/// 1 to 1000 per pod, and a pod asks either for whole GPUs (<c>nvidia.com/gpu</c>) or for a share,
/// never both (a device plugin hands out whole devices or a slice of one, not a mix).
/// </summary>
internal static class GpuShareRules
{
    private const string AskForWholeGpus = "ask for nvidia.com/gpu for more";

    /// <summary>The range of one value as written in a requests or limits map.</summary>
    public static void CheckAmount(ResourceAmount amount, ScenarioErrors errors)
    {
        if (amount.Name != ResourceNames.GpuMilli) return;
        if (amount.Value > GpuDemand.MilliPerGpu)
            errors.At(amount.Field, $"must be at most {GpuDemand.MilliPerGpu} (one whole GPU), got \"{amount.Canonical}\"; {AskForWholeGpus}");
        else if (amount.Value < 1)
            errors.At(amount.Field, $"must be at least 1 (a thousandth of a GPU), got \"{amount.Canonical}\"");
    }

    /// <summary>The effective requests of the containers of one list (containers or initContainers), together.</summary>
    public static void CheckPod(IReadOnlyList<List<ResourceAmount>> containers, ScenarioErrors errors)
    {
        bool wholeGpus = false;
        foreach (var amounts in containers)
            if (ResourceAmounts.Find(amounts, ResourceNames.NvidiaGpu) is { Value: > 0 }) wholeGpus = true;
        long milli = 0;
        foreach (var amounts in containers)
        {
            if (ResourceAmounts.Find(amounts, ResourceNames.GpuMilli) is not { Value: > 0 } share) continue;
            if (wholeGpus)
            {
                errors.At(share.Field, $"may not be combined with {ResourceNames.NvidiaGpu} in one pod: ask for whole GPUs or a share of one GPU, not both");
                return;
            }
            milli += share.Value;
            if (milli > GpuDemand.MilliPerGpu && share.Value <= GpuDemand.MilliPerGpu)
            {
                errors.At(share.Field, $"the pod's containers ask for {milli} in total, more than one GPU ({GpuDemand.MilliPerGpu}); a share must fit on one GPU, {AskForWholeGpus}");
                return;
            }
        }
    }
}
