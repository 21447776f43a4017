using ScottPlot;
using Simulator.Reporting.Charts;
using SkiaSharp;

namespace Simulator.Reporting.Tests.Charts;

/// <summary>
/// The charts' text comes from the bundled DejaVu Sans files, never from fonts installed on the
/// machine. SkiaSharp's Linux build used here has no fontconfig (it scans /usr/share/fonts
/// itself), so FONTCONFIG_FILE cannot hide the system fonts from a child process; instead these
/// tests prove every text style of every chart resolves to the typeface read from the bundled
/// file, the resolver ScottPlot asks first, which it never falls through to the system from.
/// </summary>
public sealed class ChartFontsTests
{
    [Theory]
    [InlineData(ChartFonts.RegularFile, false)]
    [InlineData(ChartFonts.BoldFile, true)]
    public void The_typefaces_are_the_bundled_files_byte_for_byte(string file, bool bold)
    {
        ChartFonts.EnsureRegistered();
        var typeface = bold ? ChartFonts.Resolver.Bold : ChartFonts.Resolver.Regular;

        using var stream = typeface.OpenStream();
        using var data = SKData.Create(stream);
        Assert.Equal(File.ReadAllBytes(Path.Combine(ChartFonts.Directory, file)), data.ToArray());
        Assert.Equal("DejaVu Sans", typeface.FamilyName);
        Assert.Equal(bold, typeface.IsBold);
    }

    [Fact]
    public void The_font_files_and_their_licence_are_copied_to_the_build_output()
    {
        Assert.True(File.Exists(Path.Combine(ChartFonts.Directory, ChartFonts.RegularFile)));
        Assert.True(File.Exists(Path.Combine(ChartFonts.Directory, ChartFonts.BoldFile)));
        Assert.Contains("Bitstream Vera", File.ReadAllText(Path.Combine(ChartFonts.Directory, "DejaVu-LICENSE.txt")));
    }

    [Fact]
    public void The_bundled_resolver_is_asked_before_the_system_one()
    {
        ChartFonts.EnsureRegistered();

        Assert.IsType<BundledFontResolver>(Fonts.FontResolvers[0]);
        Assert.Same(ChartFonts.Resolver.Regular, Fonts.GetTypeface(ChartFonts.Family, bold: false, italic: false));
        Assert.Same(ChartFonts.Resolver.Bold, Fonts.GetTypeface(ChartFonts.Family, bold: true, italic: false));
    }

    [Theory]
    [MemberData(nameof(RunChartsTests.Charts), MemberType = typeof(RunChartsTests))]
    public void Every_text_of_every_chart_is_drawn_with_a_bundled_typeface(string name, string title, string xLabel, string yLabel)
    {
        _ = (title, xLabel, yLabel);
        using var plot = RunChartsTests.Chart(name).Build(ChartRuns.Full());
        plot.GetImage(1200, 700).Dispose();

        var styles = new List<LabelStyle>
        {
            plot.Axes.Title.Label, plot.Axes.Bottom.Label, plot.Axes.Left.Label,
            plot.Axes.Bottom.TickLabelStyle, plot.Axes.Left.TickLabelStyle,
        };
        styles.AddRange(plot.Legend.GetItems().Select(i => i.LabelStyle));
        // No typeface pinned on a style: ScottPlot resolves each by name and weight at render
        // time, and for this name the bundled resolver answers first (test above).
        Assert.All(styles, style => Assert.Equal((ChartFonts.Family, (SKTypeface?)null), (style.FontName, style.Font)));
        Assert.Equal(ChartFonts.Family, plot.Legend.FontName);
        Assert.True(plot.Axes.Title.Label.Bold);
        Assert.False(plot.Legend.SetBestFontOnEachRender);
    }

    [Fact]
    public void The_title_is_drawn_as_glyphs()
    {
        using var titled = ChartPlotWithTitle("ksim pending pods");
        using var untitled = ChartPlotWithTitle("");

        // The title band (above the data area) holds dark pixels only when there is a title to draw.
        Assert.True(DarkPixelsInTitleBand(titled) > 200);
        Assert.Equal(0, DarkPixelsInTitleBand(untitled));
    }

    private static Plot ChartPlotWithTitle(string title)
    {
        var plot = ChartPlot.Create(title, "", "");
        plot.Add.ScatterLine(new double[] { 0, 1 }, new double[] { 0, 1 });
        return plot;
    }

    private static int DarkPixelsInTitleBand(Plot plot)
    {
        using var bitmap = SKBitmap.Decode(plot.GetImageBytes(1200, 700, ImageFormat.Png));
        int top = (int)plot.LastRender.DataRect.Top;
        int dark = 0;
        for (int y = 0; y < top - 2; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red < 128 && c.Green < 128 && c.Blue < 128) dark++;
            }
        }
        return dark;
    }
}
