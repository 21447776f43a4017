using System.Globalization;

namespace Simulator.Cluster.Accelerators;

/// <summary>
/// GKE's <c>cloud.google.com/gke-tpu-topology</c> value: the slice's chips as a grid, "2x4" or
/// "4x4x4". The product of the dimensions is the number of chips in the slice; when it exceeds
/// the chips one host holds, the slice spans several hosts (a multi-host slice), which GKE
/// creates, repairs and deletes as one unit.
/// </summary>
public static class TpuTopology
{
    /// <summary>The number of chips in <paramref name="topology"/>, or null if it is not 2 or 3 positive integers joined by 'x'.</summary>
    public static long? Chips(string? topology)
    {
        if (string.IsNullOrEmpty(topology)) return null;
        var parts = topology.Split('x');
        if (parts.Length is < 2 or > 3) return null;
        long chips = 1;
        foreach (var part in parts)
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > 1024) return null;
            chips *= n;
        }
        return chips;
    }
}
