using ScottPlot;
using SkiaSharp;

namespace Simulator.Reporting.Charts;

/// <summary>
/// The charts' font: DejaVu Sans regular and bold, shipped in assets/fonts and copied next to the
/// assemblies (fonts/). ScottPlot looks fonts up by name through <see cref="Fonts.FontResolvers"/>
/// and, when nothing matches on a machine without fonts, silently draws no text; registering the
/// bundled files ahead of the system resolver makes every chart's text come from them.
/// </summary>
internal static class ChartFonts
{
    /// <summary>The family name every chart asks for (the name the DejaVu files declare).</summary>
    public const string Family = "DejaVu Sans";

    public const string RegularFile = "DejaVuSans.ttf";
    public const string BoldFile = "DejaVuSans-Bold.ttf";

    private static readonly Lazy<BundledFontResolver> s_resolver = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Where the font files are: fonts/ next to the running assemblies.</summary>
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "fonts");

    /// <summary>Registers the bundled faces once per process; every chart calls this before building a plot.</summary>
    /// <exception cref="FileNotFoundException">A font file is missing from the build output.</exception>
    public static void EnsureRegistered() => _ = s_resolver.Value;

    /// <summary>The typefaces ScottPlot now resolves for <see cref="Family"/>.</summary>
    internal static BundledFontResolver Resolver => s_resolver.Value;

    private static BundledFontResolver Register()
    {
        var resolver = new BundledFontResolver(Load(RegularFile), Load(BoldFile));
        // First in the list: ScottPlot asks resolvers in order, and the system one would answer
        // for "DejaVu Sans" on a machine that happens to have it installed.
        Fonts.FontResolvers.Insert(0, resolver);
        Fonts.Default = Family;
        Fonts.Sans = Family;
        return resolver;
    }

    private static SKTypeface Load(string file)
    {
        var path = Path.Combine(Directory, file);
        if (!File.Exists(path)) throw new FileNotFoundException($"the charts' font {path} is missing from the build output (it is copied from assets/fonts)", path);
        return SKTypeface.FromFile(path) ?? throw new InvalidDataException($"{path} is not a font SkiaSharp can read");
    }
}
