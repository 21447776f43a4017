using Simulator.Engine;

namespace Simulator.Benchmarks.Engine;

/// <summary>
/// Exponential inter-event delays drawn once, so the benchmarks time the event queue rather
/// than the random number generator. The table is a power of two long so that a cursor can
/// wrap with a mask instead of a bounds check and a branch.
/// </summary>
internal static class ExponentialDelays
{
    public const int Length = 1 << 20;
    public const int Mask = Length - 1;
    public const long MeanMicroseconds = 1_000_000;

    /// <summary>Delays in microseconds, at least 1 so no event lands on its parent's instant.</summary>
    public static long[] Generate(ulong seed)
    {
        var rng = new RandomStreams(seed).Get("benchmark-delays");
        var delays = new long[Length];
        for (int i = 0; i < delays.Length; i++)
        {
            double u = 1.0 - rng.NextDouble(); // (0, 1]: keeps Log finite
            delays[i] = Math.Max(1, (long)(-Math.Log(u) * MeanMicroseconds));
        }
        return delays;
    }
}
