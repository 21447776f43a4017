using System.Globalization;
using System.Numerics;

namespace Simulator.Cluster.Api;

/// <summary>The suffix family a quantity was written in; <see cref="Quantity.ToString"/> keeps it.</summary>
public enum QuantityFormat
{
    /// <summary>No suffix or one of n u m k M G T P E (powers of 1000).</summary>
    DecimalSI,

    /// <summary>Ki Mi Gi Ti Pi Ei (powers of 1024).</summary>
    BinarySI,

    /// <summary>e&lt;int&gt; or E&lt;int&gt; (powers of 10).</summary>
    DecimalExponent,
}

/// <summary>
/// A Kubernetes resource quantity ("500m", "1.5Gi", "12e6"), parsed with the syntax of apimachinery
/// <c>pkg/api/resource/quantity.go</c> and held exactly as the value times 1000.
/// </summary>
/// <remarks>
/// Differences from Kubernetes, all deliberate:
/// <list type="bullet">
/// <item>Precision is one milli unit, not one nano unit: anything finer rounds away from zero to the
/// next milli ("0.1m" and "1n" become 1m, "-1n" becomes -1m). Kubernetes keeps "100u" but its
/// <c>MilliValue()</c> rounds the same way, so CPU requests agree.</item>
/// <item>A value whose milli form does not fit in a long (about 9.2P units, so "1Ei" and "10E" too) is
/// an error; Kubernetes caps BinarySI values at 2^63-1 and keeps larger decimal ones as big decimals.</item>
/// <item>A number is required: Kubernetes reads "", "-", "." and a bare "Ki" as zero; ksim rejects them.</item>
/// </list>
/// Negative quantities parse (MilliValue &lt; 0), as in Kubernetes; capacities and requests reject them
/// through <see cref="TryParseFor"/>. Equality and hashing compare the value only, like Kubernetes'
/// <c>Quantity.Equal</c>: "1Ki" equals "1024" although they print differently.
/// </remarks>
public readonly record struct Quantity(long MilliValue, QuantityFormat Format = QuantityFormat.DecimalSI)
{
    private const string SyntaxHint =
        "use a number with an optional suffix: m, k, M, G, Ki, Mi, Gi, ... or an exponent like 1e3";

    private static readonly BigInteger MaxMagnitudePositive = long.MaxValue;
    private static readonly BigInteger MaxMagnitudeNegative = BigInteger.One << 63;

    private static readonly string[] BinarySuffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    public static Quantity FromMilli(long milli, QuantityFormat format = QuantityFormat.DecimalSI) => new(milli, format);

    /// <exception cref="OverflowException">If units x 1000 does not fit in a long.</exception>
    public static Quantity FromUnits(long units, QuantityFormat format = QuantityFormat.DecimalSI) =>
        new(checked(units * 1000), format);

    /// <summary>The value in base units, rounded away from zero (Kubernetes <c>Value()</c>: "1.5" is 2, "100m" is 1).</summary>
    public long Value => MilliValue / 1000 + (MilliValue % 1000 == 0 ? 0 : Math.Sign(MilliValue));

    public bool IsInteger => MilliValue % 1000 == 0;

    public bool Equals(Quantity other) => MilliValue == other.MilliValue;

    public override int GetHashCode() => MilliValue.GetHashCode();

    public static Quantity Parse(string text) =>
        TryParse(text, out var quantity, out var error) ? quantity : throw new FormatException(error);

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> names the input and the problem.</summary>
    public static bool TryParse(string? text, out Quantity quantity, out string error)
    {
        quantity = default;
        error = "";
        if (string.IsNullOrEmpty(text))
        {
            error = $"invalid quantity \"\": empty ({SyntaxHint})";
            return false;
        }

        // <sign>? <digits>? ( "." <digits>? )? <suffix>: the same grammar as quantity.go's scanner.
        int pos = 0;
        bool negative = false;
        if (text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            pos++;
        }

        int intStart = pos;
        while (pos < text.Length && char.IsAsciiDigit(text[pos])) pos++;
        var intDigits = text.AsSpan(intStart, pos - intStart);
        var fracDigits = ReadOnlySpan<char>.Empty;
        if (pos < text.Length && text[pos] == '.')
        {
            int fracStart = ++pos;
            while (pos < text.Length && char.IsAsciiDigit(text[pos])) pos++;
            fracDigits = text.AsSpan(fracStart, pos - fracStart);
        }

        string suffix = text[pos..];
        if (intDigits.IsEmpty && fracDigits.IsEmpty)
        {
            error = IsKnownSuffix(suffix)
                ? $"invalid quantity \"{text}\": missing a number before \"{suffix}\""
                : $"invalid quantity \"{text}\": {(suffix.Length == 0 ? "missing a number" : $"unexpected \"{suffix}\"")} ({SyntaxHint})";
            return false;
        }

        if (!TryReadSuffix(text, suffix, out int base10Exponent, out int binaryPower, out var format, out error))
            return false;

        if (!TryScale(intDigits, fracDigits, base10Exponent, binaryPower, negative, out long milli))
        {
            error = $"invalid quantity \"{text}\": too large (ksim holds at most 2^63-1 milli units, about 9.2P)";
            return false;
        }

        quantity = new Quantity(milli, format);
        return true;
    }

    /// <summary>
    /// Parses a quantity for resource <paramref name="resourceName"/> into ksim's integer units:
    /// cpu in millicores; memory, ephemeral-storage and hugepages-* in bytes (rounded up); anything else
    /// (pods, nvidia.com/gpu, google.com/tpu, ksim.dev/gpu-milli, ...) in whole units, which must be an
    /// integer. Negative amounts are rejected.
    /// </summary>
    public static bool TryParseFor(string resourceName, string? text, out long baseUnits, out string error)
    {
        baseUnits = 0;
        if (!TryParse(text, out var quantity, out error)) return false;
        if (quantity.MilliValue < 0)
        {
            error = $"must not be negative, got \"{text}\"";
            return false;
        }

        switch (UnitOf(resourceName))
        {
            case ResourceUnit.Milli:
                baseUnits = quantity.MilliValue;
                break;
            case ResourceUnit.Bytes:
                baseUnits = quantity.Value;
                break;
            default:
                // pkg/apis/core/validation: extended resources "must be an integer".
                if (!quantity.IsInteger)
                {
                    error = $"must be an integer, got \"{text}\"";
                    return false;
                }
                baseUnits = quantity.Value;
                break;
        }
        return true;
    }

    /// <summary>The inverse of <see cref="TryParseFor"/> for reports: 1500 cpu is "1500m", 4294967296 memory is "4Gi".</summary>
    public static string FormatFor(string resourceName, long baseUnits)
    {
        var unit = UnitOf(resourceName);
        if (unit == ResourceUnit.Milli) return FromMilli(baseUnits).ToString();
        if (Int128.Abs((Int128)baseUnits) > long.MaxValue / 1000) return baseUnits.ToString(CultureInfo.InvariantCulture);
        return FromUnits(baseUnits, unit == ResourceUnit.Bytes ? QuantityFormat.BinarySI : QuantityFormat.DecimalSI).ToString();
    }

    /// <summary>
    /// Canonical Kubernetes form: the input's suffix family, the largest suffix that leaves an integer
    /// ("1.5" is "1500m", "1.5Gi" is "1536Mi", "12e6" stays "12e6"). BinarySI values below 1024 in
    /// magnitude or with a fraction print as DecimalSI, as in <c>CanonicalizeBytes</c>.
    /// </summary>
    public override string ToString()
    {
        if (MilliValue == 0) return "0";
        if (Format == QuantityFormat.BinarySI && IsInteger && Int128.Abs((Int128)MilliValue) >= 1024_000)
        {
            long mantissa = MilliValue / 1000;
            int power = 0;
            while (power < BinarySuffixes.Length - 1 && mantissa % 1024 == 0)
            {
                mantissa /= 1024;
                power++;
            }
            return mantissa.ToString(CultureInfo.InvariantCulture) + BinarySuffixes[power];
        }

        // Base 10: the exponent is a multiple of 3, as large as keeps the mantissa an integer.
        long m = MilliValue;
        int exponent = -3;
        while (m % 1000 == 0)
        {
            m /= 1000;
            exponent += 3;
        }
        string digits = m.ToString(CultureInfo.InvariantCulture);
        if (Format == QuantityFormat.DecimalExponent)
            return exponent == 0 ? digits : digits + "e" + exponent.ToString(CultureInfo.InvariantCulture);
        return digits + exponent switch
        {
            -3 => "m",
            0 => "",
            3 => "k",
            6 => "M",
            9 => "G",
            12 => "T",
            _ => "P", // 2^63 milli units is below 10^16, so 15 is the largest exponent.
        };
    }

    private static bool IsKnownSuffix(string suffix) => Array.IndexOf(KnownSuffixes, suffix) >= 0;

    private static bool TryReadSuffix(string text, string suffix, out int base10Exponent, out int binaryPower,
        out QuantityFormat format, out string error)
    {
        error = "";
        binaryPower = 0;
        base10Exponent = 0;
        format = QuantityFormat.DecimalSI;
        switch (suffix)
        {
            case "": return true;
            case "n": base10Exponent = -9; return true;
            case "u": base10Exponent = -6; return true;
            case "m": base10Exponent = -3; return true;
            case "k": base10Exponent = 3; return true;
            case "M": base10Exponent = 6; return true;
            case "G": base10Exponent = 9; return true;
            case "T": base10Exponent = 12; return true;
            case "P": base10Exponent = 15; return true;
            case "E": base10Exponent = 18; return true; // the table wins: "1E" is 10^18, "1E3" an exponent
        }

        int binaryIndex = Array.IndexOf(BinarySuffixes, suffix);
        if (binaryIndex > 0)
        {
            binaryPower = 10 * binaryIndex;
            format = QuantityFormat.BinarySI;
            return true;
        }

        if (suffix[0] is 'e' or 'E' && IsSignedInteger(suffix.AsSpan(1)))
        {
            // suffix.go parses the exponent at 64 bits and rejects anything outside +-(2^31-1).
            if (!int.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out base10Exponent)
                || base10Exponent == int.MinValue)
            {
                error = $"invalid quantity \"{text}\": exponent \"{suffix}\" is out of range";
                return false;
            }
            format = QuantityFormat.DecimalExponent;
            return true;
        }

        error = $"invalid quantity \"{text}\": unexpected \"{suffix}\" ({Hint(suffix)})";
        return false;
    }

    private static bool IsSignedInteger(ReadOnlySpan<char> s)
    {
        if (!s.IsEmpty && s[0] is '+' or '-') s = s[1..];
        if (s.IsEmpty) return false;
        foreach (char c in s)
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static readonly string[] KnownSuffixes =
        ["n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    private static string Hint(string suffix)
    {
        // Kubernetes suffixes are case-sensitive and have no "B": point at the nearest real one.
        if (suffix is not ("e" or "E"))
            foreach (var known in KnownSuffixes)
                if (string.Equals(known, suffix, StringComparison.OrdinalIgnoreCase))
                    return $"suffixes are case-sensitive: did you mean \"{known}\"?";
        if (suffix[0] is 'e' or 'E')
            return "an exponent is e or E and an integer, like 1e3 or 5E-1";
        char unit = char.ToUpperInvariant(suffix[0]);
        if (suffix.Length >= 2 && suffix[^1] is 'B' or 'b' && "KMGTPE".Contains(unit, StringComparison.Ordinal))
        {
            string binary = unit + "i";
            if (suffix.Length == 3 && suffix[1] is 'i' or 'I')
                return $"there is no \"B\": did you mean \"{binary}\"?";
            string decimalSuffix = unit == 'K' ? "k" : unit.ToString();
            return $"there is no \"B\": use \"{decimalSuffix}\" for powers of 1000 or \"{binary}\" for powers of 1024";
        }
        return SyntaxHint;
    }

    /// <summary>
    /// milli = ceil_away_from_zero(digits x 10^(base10Exponent - fraction length) x 2^binaryPower x 1000),
    /// without building powers the result could never need.
    /// </summary>
    private static bool TryScale(ReadOnlySpan<char> intDigits, ReadOnlySpan<char> fracDigits, int base10Exponent,
        int binaryPower, bool negative, out long milli)
    {
        milli = 0;
        var digits = string.Concat(intDigits, fracDigits).TrimStart('0');
        if (digits.Length == 0) return true;

        var mantissa = BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) << binaryPower;
        long power = (long)base10Exponent + 3 - fracDigits.Length;
        int mantissaDigits = binaryPower == 0 ? digits.Length : mantissa.ToString(CultureInfo.InvariantCulture).Length;
        BigInteger magnitude;
        if (power >= 0)
        {
            if (mantissaDigits - 1 + power >= 19) return false; // at least 10^19 > 2^63
            magnitude = mantissa * BigInteger.Pow(10, (int)power);
        }
        else if (-power >= mantissaDigits)
        {
            magnitude = BigInteger.One; // a positive fraction below 1: rounds up to one milli unit
        }
        else
        {
            magnitude = BigInteger.DivRem(mantissa, BigInteger.Pow(10, (int)-power), out var remainder);
            if (!remainder.IsZero) magnitude += 1;
        }

        if (magnitude > (negative ? MaxMagnitudeNegative : MaxMagnitudePositive)) return false;
        milli = negative ? (long)-magnitude : (long)magnitude;
        return true;
    }

    private enum ResourceUnit { Milli, Bytes, Whole }

    private static ResourceUnit UnitOf(string resourceName) => resourceName switch
    {
        ResourceNames.Cpu => ResourceUnit.Milli,
        ResourceNames.Memory or ResourceNames.EphemeralStorage => ResourceUnit.Bytes,
        _ when resourceName.StartsWith("hugepages-", StringComparison.Ordinal) => ResourceUnit.Bytes,
        _ => ResourceUnit.Whole,
    };
}
