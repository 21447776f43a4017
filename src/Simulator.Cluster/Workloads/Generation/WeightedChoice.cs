namespace Simulator.Cluster.Workloads.Generation;

/// <summary>
/// Draws one of a few choices with given weights from a single uniform number: a scan over the
/// cumulative weights, which for the handful of choices in a mix beats anything cleverer.
/// </summary>
internal sealed class WeightedChoice<T>
{
    private readonly T[] _values;
    private readonly double[] _cumulative;

    /// <summary>Choices with weight 0 are dropped; at least one weight must be positive.</summary>
    public WeightedChoice(IEnumerable<(T Value, double Weight)> choices)
    {
        var kept = choices.Where(c => c.Weight > 0).ToList();
        if (kept.Count == 0) throw new ArgumentException("a weighted choice needs at least one positive weight", nameof(choices));
        _values = [.. kept.Select(c => c.Value)];
        _cumulative = new double[kept.Count];
        double sum = 0;
        for (int i = 0; i < kept.Count; i++) _cumulative[i] = sum += kept[i].Weight;
    }

    public IReadOnlyList<T> Values => _values;

    /// <summary>The choice for <paramref name="uniform"/> in [0, 1).</summary>
    public T Pick(double uniform)
    {
        double target = uniform * _cumulative[^1];
        for (int i = 0; i < _cumulative.Length - 1; i++)
            if (target < _cumulative[i]) return _values[i];
        return _values[^1];
    }
}
