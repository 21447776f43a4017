using MathNet.Numerics.Distributions;
using Xunit.Abstractions;

namespace Simulator.Cluster.Tests.Workloads;

/// <summary>
/// A 99 % confidence interval for a steady-state mean from batch means: consecutive batches of a
/// long run are close to independent, so their means are treated as an i.i.d. sample (Student t).
/// </summary>
internal sealed class BatchMeans
{
    private readonly List<double> _means = [];

    public void Add(double batchMean) => _means.Add(batchMean);

    public double Mean => _means.Average();

    public double HalfWidth
    {
        get
        {
            int n = _means.Count;
            double mean = Mean;
            double variance = _means.Sum(m => (m - mean) * (m - mean)) / (n - 1);
            return StudentT.InvCDF(0, 1, n - 1, 0.995) * Math.Sqrt(variance / n);
        }
    }

    public void AssertContains(double expected, ITestOutputHelper output)
    {
        output.WriteLine($"expected {expected:F4}, measured {Mean:F4} +/- {HalfWidth:F4} (99%, {_means.Count} batches)");
        Assert.True(Math.Abs(Mean - expected) <= HalfWidth,
            $"expected {expected:F4} within the 99% interval {Mean:F4} +/- {HalfWidth:F4} ({_means.Count} batches)");
    }
}
