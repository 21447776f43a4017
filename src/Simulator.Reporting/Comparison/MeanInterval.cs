using MathNet.Numerics.Distributions;

namespace Simulator.Reporting.Comparison;

/// <summary>
/// A sample's mean and its two-sided confidence interval from Student's t distribution:
/// mean +/- t(1 - alpha/2, n - 1) * s / sqrt(n), with s the sample standard deviation (n - 1 in the
/// denominator). With one value there is no interval (<see cref="Low"/> and <see cref="High"/>
/// are null); with identical values it has zero width.
/// </summary>
public readonly record struct MeanInterval(int Count, double Mean, double? Low, double? High)
{
    public const double DefaultConfidence = 0.95;

    public double? HalfWidth => High is { } high ? high - Mean : null;

    /// <summary>True when there is an interval and zero is outside it.</summary>
    public bool ExcludesZero => Low > 0 || High < 0;

    public static MeanInterval Of(IReadOnlyList<double> values, double confidence = DefaultConfidence)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        int n = values.Count;
        double sum = 0;
        foreach (var v in values) sum += v;
        double mean = sum / n;
        if (n == 1) return new MeanInterval(1, mean, null, null);
        double squares = 0;
        foreach (var v in values) squares += (v - mean) * (v - mean);
        double standardError = Math.Sqrt(squares / (n - 1) / n);
        double half = StudentT.InvCDF(0, 1, n - 1, 1 - (1 - confidence) / 2) * standardError;
        return new MeanInterval(n, mean, mean - half, mean + half);
    }
}
