using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.Random;
using Simulator.Engine;

namespace Simulator.Engine.Tests;

/// <summary>RandomStream is Math.NET's Mersenne Twister without the allocation per bounded draw: same numbers, draw by draw.</summary>
public class RandomStreamTests
{
    /// <summary>
    /// Any seed and any mix of bounded int draws (powers of two and not, 1 to int.MaxValue),
    /// bounded long draws, unbounded and double draws gives the same values as the original.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property Every_draw_equals_Math_NET_Mersenne_Twister()
    {
        var draw = Gen.OneOf(
            Gen.Choose(1, 2_000).Select(n => (Kind: 0, Max: (long)n)),
            Gen.Elements(1, 2, 3, 64, 1 << 20, (1 << 30) + 1, int.MaxValue).Select(n => (Kind: 0, Max: (long)n)),
            Gen.Elements(1L, 7L, 1L << 40, long.MaxValue).Select(n => (Kind: 1, Max: n)),
            Gen.Constant((Kind: 2, Max: 0L)),
            Gen.Constant((Kind: 3, Max: 0L)));
        var cases = Arb.From(from seed in Gen.Choose(int.MinValue, int.MaxValue)
                             from count in Gen.Choose(1, 200)
                             from draws in draw.ArrayOf(count)
                             select (seed, draws));
        return Prop.ForAll(cases, c =>
        {
            var ours = new RandomStream(c.seed);
            var original = new MersenneTwister(c.seed, threadSafe: false);
            foreach ((int kind, long max) in c.Item2)
            {
                switch (kind)
                {
                    case 0: Assert.Equal(original.Next((int)max), ours.Next((int)max)); break;
                    case 1: Assert.Equal(original.NextInt64(max), ours.NextInt64(max)); break;
                    case 2: Assert.Equal(original.Next(), ours.Next()); break;
                    default: Assert.Equal(original.NextDouble(), ours.NextDouble()); break;
                }
            }
        });
    }

    [Fact]
    public void A_bounded_draw_allocates_nothing()
    {
        var stream = new RandomStream(42);
        for (int i = 2; i < 1_000; i++) stream.Next(i); // past the JIT's first tiers
        long before = GC.GetAllocatedBytesForCurrentThread();
        int sum = 0;
        for (int i = 2; i < 10_000; i++) sum += stream.Next(i);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 0);
    }

    [Fact]
    public void Streams_are_RandomStreams_generators() =>
        Assert.IsType<RandomStream>(new RandomStreams(1).Get("scheduler-ties"));
}
