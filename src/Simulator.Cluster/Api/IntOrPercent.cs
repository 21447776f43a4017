using System.Globalization;

namespace Simulator.Cluster.Api;

/// <summary>
/// intstr.IntOrString as used by maxSurge / maxUnavailable: an absolute number or a percentage
/// of the desired replicas.
/// </summary>
public readonly record struct IntOrPercent(int Value, bool IsPercent)
{
    public static IntOrPercent Percent(int percent) => new(percent, true);

    public static IntOrPercent Absolute(int value) => new(value, false);

    /// <summary>GetScaledValueFromIntOrPercent: a percentage of <paramref name="total"/>, rounded up or down.</summary>
    public int Scaled(int total, bool roundUp)
    {
        if (!IsPercent) return Value;
        long product = (long)Value * total;
        return (int)(roundUp ? (product + 99) / 100 : product / 100);
    }

    public override string ToString() => IsPercent ? Value.ToString(CultureInfo.InvariantCulture) + "%" : Value.ToString(CultureInfo.InvariantCulture);
}
