namespace Simulator.Engine;

/// <summary>Draws used on hot paths.</summary>
public static class RandomExtensions
{
    /// <summary>
    /// A uniform index in [0, <paramref name="count"/>). MathNet's generators allocate in
    /// <c>Next(int)</c>; scaling one <c>NextDouble</c> does not, and is uniform to within 2^-53.
    /// </summary>
    public static int NextIndex(this Random random, int count)
    {
        int i = (int)(random.NextDouble() * count);
        return i < count ? i : count - 1;
    }
}
