using MathNet.Numerics.Random;

namespace Simulator.Engine;

/// <summary>
/// The generator behind every named stream: Math.NET's Mersenne Twister, drawing exactly the same
/// numbers, without its one allocation per bounded draw. <c>Next(maxExclusive)</c> draws an
/// integer of ceil(log2 maxExclusive) bits (again while it is out of range), and Math.NET takes
/// each such integer from a new 4-byte array filled by <c>DoSampleBytes</c>. The scheduler breaks
/// score ties with one such draw per tied node (hundreds per pod on a cluster of identical nodes:
/// 40 MB per fgd-openb run), so the array is kept here and reused. The value is computed as
/// Math.NET computes it (the four bytes as a little-endian uint, its top <c>bits</c> bits), which
/// the tests compare draw by draw with the original.
/// </summary>
public sealed class RandomStream(int seed) : MersenneTwister(seed, threadSafe: false)
{
    private readonly byte[] _int32Bytes = new byte[4];
    private readonly byte[] _int64Bytes = new byte[8];

    protected override int DoSampleInt32WithNBits(int bits)
    {
        if (bits == 0) return 0;
        DoSampleBytes(_int32Bytes);
        return unchecked((int)(BitConverter.ToUInt32(_int32Bytes, 0) >> ((32 - bits) & 31)));
    }

    protected override long DoSampleInt64WithNBits(int bits)
    {
        if (bits == 0) return 0;
        DoSampleBytes(_int64Bytes);
        return unchecked((long)(BitConverter.ToUInt64(_int64Bytes, 0) >> ((64 - bits) & 63)));
    }
}
