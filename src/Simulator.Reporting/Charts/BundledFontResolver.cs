using ScottPlot;
using SkiaSharp;

namespace Simulator.Reporting.Charts;

/// <summary>
/// Answers ScottPlot's font look-ups for <see cref="ChartFonts.Family"/> with the typefaces read
/// from the bundled files, whatever the machine has installed. Bold requests (semi-bold and
/// heavier) get the bold face; there is no italic face, so slant is ignored rather than letting a
/// look-up fall through to the system.
/// </summary>
internal sealed class BundledFontResolver(SKTypeface regular, SKTypeface bold) : IFontResolver
{
    public SKTypeface Regular { get; } = regular;
    public SKTypeface Bold { get; } = bold;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
        fontName == ChartFonts.Family ? (weight >= FontWeight.SemiBold ? Bold : Regular) : null;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        CreateTypeface(fontName, bold ? FontWeight.Bold : FontWeight.Normal, FontSlant.Upright, FontSpacing.Normal);
}
