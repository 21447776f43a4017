using System.Diagnostics;
using Simulator.Cli.Support;
using SkiaSharp;
using Xunit.Abstractions;

namespace Simulator.Cli.Tests.EndToEnd;

/// <summary>
/// The built ksim, run as a child process in a mount namespace where /usr/share/fonts (the one
/// folder SkiaSharp's Linux build scans; it has no fontconfig) is an empty tmpfs: the charts'
/// text must still be drawn, from the bundled DejaVu Sans. Plain ScottPlot draws no text at all
/// there. Needs unshare(1) and the right to create the namespace (root, or unprivileged user
/// namespaces); where the OS refuses, the test fails saying so (it never passes unchecked), and
/// Simulator.Reporting.Tests' ChartFontsTests remain the in-process check.
/// </summary>
public sealed class ChartsWithoutSystemFontsTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Chart_text_is_drawn_with_the_bundled_font_when_system_fonts_are_hidden()
    {
        // A test that cannot check must not pass: where the namespace is refused it fails and says why.
        Assert.True(OperatingSystem.IsLinux(), "this check hides Linux's /usr/share/fonts; run the suite on Linux (bash .ci/run)");
        var unshare = await NamespaceOption();
        Assert.True(unshare is not null,
            "cannot create a mount namespace (unshare -m / -rm refused) to hide the system fonts: run the tests as root, e.g. bash .ci/run, or allow unprivileged user namespaces");
        var scenario = Path.Combine(RepositoryLocator.FindRootOfExecutable()!, RepositoryLocator.DefaultScenario);
        var results = _cli.PathTo("out");
        var ksim = Path.Combine(AppContext.BaseDirectory, "ksim.dll");
        // $0..$3: the dotnet host, ksim.dll, the scenario, the results folder. The first line
        // printed is how many entries the fonts folder shows inside the namespace.
        const string Script = "mount -t tmpfs none /usr/share/fonts && ls -A /usr/share/fonts | wc -l && exec \"$0\" \"$1\" run \"$2\" --duration 10m --out \"$3\"";

        var (exit, stdout, stderr) = await Run("unshare", [unshare!, "sh", "-c", Script, DotnetHost(), ksim, scenario, results]);

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Equal("0", stdout.Split('\n')[0].Trim());
        using var chart = SKBitmap.Decode(Path.Combine(results, "charts", "pending-pods.png"));
        Assert.Equal((1200, 700), (chart.Width, chart.Height));
        // The title "Pending pods by reason" is alone above the data area's frame; without text the frame
        // moves up to the top margin and nothing is drawn above it.
        int frame = FrameTop(chart);
        Assert.True(frame > 30, $"the data area starts at y = {frame}: no room was made for a title");
        Assert.True(DarkPixels(chart, rows: frame - 1) > 200, $"{DarkPixels(chart, rows: frame - 1)} dark pixels above the frame");
    }

    /// <summary>"-m" as root, "-rm" (a user namespace too) otherwise; null when neither may mount a tmpfs on the fonts folder.</summary>
    private static async Task<string?> NamespaceOption()
    {
        if (!Directory.Exists("/usr/share/fonts")) return null;
        foreach (var option in new[] { "-m", "-rm" })
        {
            try
            {
                var (exit, _, _) = await Run("unshare", [option, "sh", "-c", "mount -t tmpfs none /usr/share/fonts"]);
                if (exit == 0) return option;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null; // no unshare
            }
        }
        return null;
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private static async Task<(int Exit, string Out, string Err)> Run(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The first row mostly dark: the top edge of the data area's frame.</summary>
    private static int FrameTop(SKBitmap bitmap)
    {
        for (int y = 0; y < bitmap.Height; y++)
        {
            if (DarkPixelsInRow(bitmap, y) > bitmap.Width / 2) return y;
        }
        return bitmap.Height;
    }

    private static int DarkPixelsInRow(SKBitmap bitmap, int y)
    {
        int dark = 0;
        for (int x = 0; x < bitmap.Width; x++)
        {
            var c = bitmap.GetPixel(x, y);
            if (c.Red < 128 && c.Green < 128 && c.Blue < 128) dark++;
        }
        return dark;
    }

    private static int DarkPixels(SKBitmap bitmap, int rows)
    {
        int dark = 0;
        for (int y = 0; y < rows; y++) dark += DarkPixelsInRow(bitmap, y);
        return dark;
    }
}
