namespace Simulator.Reporting.Charts;

/// <summary>
/// Thins a sampled series for drawing: a 1200-pixel chart cannot show more than a few thousand
/// points, and a year-long run samples millions (an SVG of them runs to hundreds of MB). First,
/// a step series loses nothing by dropping a sample equal to the one before; then, if more than
/// <see cref="MaxPoints"/> remain, each bucket of consecutive points keeps its first, lowest and
/// highest (in time order), so every spike and dip still shows.
/// </summary>
internal static class StepSeries
{
    /// <summary>About two points per horizontal pixel of a 1200-pixel chart.</summary>
    public const int MaxPoints = 2400;

    public static (double[] Xs, double[] Ys) Thin(double[] xs, double[] ys)
    {
        if (xs.Length <= MaxPoints) return (xs, ys);
        var keptX = new List<double>(Math.Min(xs.Length, 4 * MaxPoints));
        var keptY = new List<double>(keptX.Capacity);
        for (int i = 0; i < xs.Length; i++)
        {
            // The last point stays so the line reaches the end of the run.
            if (i > 0 && i < xs.Length - 1 && ys[i] == ys[i - 1]) continue;
            keptX.Add(xs[i]);
            keptY.Add(ys[i]);
        }
        if (keptX.Count <= MaxPoints) return ([.. keptX], [.. keptY]);
        int buckets = MaxPoints / 3;
        double size = (double)keptX.Count / buckets;
        var outX = new List<double>(MaxPoints + 1);
        var outY = new List<double>(MaxPoints + 1);
        for (int b = 0; b < buckets; b++)
        {
            int from = (int)(b * size), to = Math.Min(keptX.Count, (int)((b + 1) * size));
            if (from >= to) continue;
            int min = from, max = from;
            for (int i = from; i < to; i++)
            {
                if (keptY[i] < keptY[min]) min = i;
                if (keptY[i] > keptY[max]) max = i;
            }
            foreach (int i in new SortedSet<int> { from, min, max })
            {
                outX.Add(keptX[i]);
                outY.Add(keptY[i]);
            }
        }
        outX.Add(keptX[^1]);
        outY.Add(keptY[^1]);
        return ([.. outX], [.. outY]);
    }
}
