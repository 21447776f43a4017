using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simulator.Engine;
using Simulator.Reporting.Results;
using Simulator.Reporting.Tests.Results;
using Simulator.Reporting.Views;

namespace Simulator.Reporting.Tests.Views;

/// <summary>Results files read back: exact times, quoted fields, and bad folders or values named by file and line.</summary>
public sealed class ResultsReadingTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Property]
    public Property Seconds_read_back_to_the_same_microsecond(ulong bits)
    {
        // Every time a run records: from 0 to SimTime.MaxValue.
        var written = new SimTime((long)(bits >> 1));
        return (Csv.TryParseSeconds(Csv.Seconds(written), out var read) && read == written).ToProperty();
    }

    [Fact]
    public void A_quoted_field_keeps_its_commas_quotes_and_newlines()
    {
        var path = _temp.WriteFile("t.csv", "a,b\n\"x, \"\"y\"\"\nz\",2\n");
        var row = Assert.Single(CsvTable.Read(path).Rows);
        Assert.Equal(("x, \"y\"\nz", 2), (row.Text("a"), row.Integer("b")));
    }

    [Fact]
    public void Pods_written_and_read_back_are_the_same_records()
    {
        var results = SampleRuns.WriteTo(_temp);
        var read = PodsCsv.Read(Path.Combine(results, PodsCsv.FileName));
        var written = SampleRuns.Result().Pods;
        Assert.Equal(written.Count, read.Count);
        for (int i = 0; i < read.Count; i++)
        {
            Assert.Equivalent(written[i], read[i], strict: true);
        }
    }

    [Fact]
    public void A_folder_that_is_not_a_results_folder_is_named()
    {
        var e = Assert.Throws<ResultsFormatException>(() => ResultsFolder.Read(_temp.Path));
        Assert.Equal($"{_temp.Path} is not a ksim results folder: manifest.json not found", e.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var results = SampleRuns.WriteTo(_temp);
        File.Delete(Path.Combine(results, "events.log"));
        var e = Assert.Throws<ResultsFormatException>(() => ResultsFolder.Read(results));
        Assert.Equal($"{results} is not a complete ksim results folder: events.log not found", e.Message);
    }

    [Fact]
    public void A_bad_value_is_named_by_file_line_and_column()
    {
        var results = SampleRuns.WriteTo(_temp);
        var pods = Path.Combine(results, PodsCsv.FileName);
        var lines = File.ReadAllLines(pods);
        lines[2] = lines[2].Replace(",10.000000,", ",ten,", StringComparison.Ordinal);
        File.WriteAllLines(pods, lines);
        var e = Assert.Throws<ResultsFormatException>(() => ResultsFolder.Read(results));
        Assert.Equal($"{pods}:3: column created_s: expected seconds such as 12.500000, got \"ten\"", e.Message);
    }

    [Fact]
    public void A_bad_events_line_is_named()
    {
        var results = SampleRuns.WriteTo(_temp);
        var log = Path.Combine(results, EventsLog.FileName);
        File.AppendAllText(log, "  12.000000 Info    Started pod/default/x hi\n");
        var e = Assert.Throws<ResultsFormatException>(() => ResultsFolder.Read(results));
        Assert.Equal($"{log}:4: TYPE: expected Normal or Warning, got \"Info\"", e.Message);
    }
}
