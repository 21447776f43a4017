using System.Text;

namespace Simulator.Engine;

/// <summary>
/// Named random streams derived from the scenario seed. Each component asks for its own stream
/// by name ("arrivals", "failures", "scheduler-ties", ...), so changing how many numbers one
/// component draws never shifts another's: two policies run on the same seed see the same
/// arrivals and failures (common random numbers).
/// </summary>
public sealed class RandomStreams
{
    private readonly ulong _seed;
    private readonly Dictionary<string, System.Random> _streams = new(StringComparer.Ordinal);

    public RandomStreams(ulong seed) => _seed = seed;

    /// <summary>The stream for <paramref name="name"/>; the same object every time it is asked for.</summary>
    public System.Random Get(string name)
    {
        if (!_streams.TryGetValue(name, out var stream))
        {
            stream = new RandomStream(DeriveSeed(_seed, name));
            _streams.Add(name, stream);
        }
        return stream;
    }

    /// <summary>
    /// A 32-bit seed from the scenario seed and the stream name, stable across processes and
    /// machines (FNV-1a over the UTF-8 name, mixed with SplitMix64). Never string.GetHashCode,
    /// which is randomized per process.
    /// </summary>
    public static int DeriveSeed(ulong seed, string name)
    {
        ulong h = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            h ^= b;
            h *= 1099511628211UL;
        }
        ulong z = SplitMix64(seed ^ SplitMix64(h));
        return unchecked((int)(z ^ (z >> 32)));
    }

    private static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
