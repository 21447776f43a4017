using Simulator.Reporting.Results;

namespace Simulator.Reporting.Tests.Results;

public sealed class ResultsWriterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Writes_every_results_file_and_nothing_else_beside_the_target()
    {
        var scenario = _temp.WriteFile("sample.yaml", "a: 1\n");
        var target = _temp.Combine("results", "sample", "run-1");

        ResultsWriter.Write(target, SampleRuns.Record(scenario));

        foreach (var name in ResultsWriter.FileNames) Assert.True(File.Exists(Path.Combine(target, name)), name);
        Assert.Equal(["run-1"], Directory.GetFileSystemEntries(_temp.Combine("results", "sample")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failure_leaves_neither_the_target_nor_a_temporary_folder_nor_the_parents_it_created()
    {
        var scenario = _temp.WriteFile("sample.yaml", "a: 1\n");
        var missing = _temp.Combine("traces", "does-not-exist.csv");
        var target = _temp.Combine("results", "sample", "run-1");

        Assert.ThrowsAny<IOException>(() => ResultsWriter.Write(target, SampleRuns.Record(scenario, extraFiles: [missing])));

        Assert.False(Directory.Exists(_temp.Combine("results")));
        Assert.Equal([_temp.Combine("sample.yaml")], Directory.GetFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void A_failure_keeps_parent_folders_that_existed_before()
    {
        var scenario = _temp.WriteFile("sample.yaml", "a: 1\n");
        Directory.CreateDirectory(_temp.Combine("results"));

        Assert.Throws<FileNotFoundException>(() =>
            ResultsWriter.Write(_temp.Combine("results", "run-1"), SampleRuns.Record(scenario, extraFiles: [_temp.Combine("nope.csv")])));

        Assert.Empty(Directory.GetFileSystemEntries(_temp.Combine("results")));
    }

    [Fact]
    public void Refuses_a_target_that_is_not_empty_and_leaves_it_untouched()
    {
        var scenario = _temp.WriteFile("sample.yaml", "a: 1\n");
        var existing = _temp.WriteFile("out/notes.txt", "mine");

        var e = Assert.Throws<ResultsTargetNotEmptyException>(() => ResultsWriter.Write(_temp.Combine("out"), SampleRuns.Record(scenario)));

        Assert.Contains("not empty", e.Message, StringComparison.Ordinal);
        Assert.Equal([existing], Directory.GetFileSystemEntries(_temp.Combine("out")));
    }

    [Fact]
    public void Accepts_an_empty_target_folder()
    {
        var scenario = _temp.WriteFile("sample.yaml", "a: 1\n");
        Directory.CreateDirectory(_temp.Combine("out"));

        ResultsWriter.Write(_temp.Combine("out"), SampleRuns.Record(scenario));

        Assert.True(File.Exists(_temp.Combine("out", "summary.json")));
    }

    [Fact]
    public void Writing_the_same_run_twice_gives_byte_identical_files_except_the_manifest()
    {
        var scenario = _temp.WriteFile("sample.yaml", "a: 1\n");
        ResultsWriter.Write(_temp.Combine("one"), SampleRuns.Record(scenario));
        ResultsWriter.Write(_temp.Combine("two"), SampleRuns.Record(scenario) with { Provenance = SampleRuns.Record(scenario).Provenance with { StartedUtc = DateTimeOffset.UnixEpoch } });

        var comparison = ResultsComparison.Compare(_temp.Combine("one"), _temp.Combine("two"));

        Assert.True(comparison.Identical, comparison.FirstDifference?.ToString());
        Assert.Equal(11, comparison.FilesCompared);
    }

    [Fact]
    public void Scenario_files_keep_their_layout_relative_to_the_scenario()
    {
        var scenario = _temp.WriteFile("scenarios/gpu.yaml", "trace: traces/jobs.csv\n");
        var trace = _temp.WriteFile("scenarios/traces/jobs.csv", "id\n1\n");

        ResultsWriter.Write(_temp.Combine("out"), SampleRuns.Record(scenario, extraFiles: [trace]));

        Assert.Equal("id\n1\n", File.ReadAllText(_temp.Combine("out", "scenario", "traces", "jobs.csv")));
        Assert.True(ResultsManifest.TryRead(_temp.Combine("out"), out var manifest, out _));
        Assert.Equal(_temp.Combine("out", "scenario/gpu.yaml"), manifest!.EntryPath);
    }

    [Fact]
    public void A_folder_scenario_is_rerun_from_the_copied_folder()
    {
        var folder = _temp.Combine("scenarios", "multi");
        var first = _temp.WriteFile("scenarios/multi/a.yaml", "a: 1\n");
        var second = _temp.WriteFile("scenarios/multi/b.yaml", "b: 2\n");
        var record = SampleRuns.Record(first) with { Scenario = new ScenarioSource(folder, [first, second]) };

        ResultsWriter.Write(_temp.Combine("out"), record);

        Assert.True(ResultsManifest.TryRead(_temp.Combine("out"), out var manifest, out _));
        Assert.Equal(_temp.Combine("out", "scenario", "multi"), manifest!.EntryPath);
        Assert.True(File.Exists(_temp.Combine("out", "scenario", "multi", "b.yaml")));
    }
}
