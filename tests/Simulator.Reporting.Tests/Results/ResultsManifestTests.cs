using Simulator.Reporting.Results;

namespace Simulator.Reporting.Tests.Results;

public sealed class ResultsManifestTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_folder_without_manifest_is_not_a_results_folder()
    {
        Assert.False(ResultsManifest.TryRead(_temp.Path, out _, out var error));
        Assert.Contains("not a ksim results folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_of_another_format_is_rejected()
    {
        _temp.WriteFile("manifest.json", "{\"format\": \"something-else\"}");
        Assert.False(ResultsManifest.TryRead(_temp.Path, out _, out var error));
        Assert.Contains("not a ksim results manifest", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_that_is_not_json_is_rejected_with_a_reason()
    {
        _temp.WriteFile("manifest.json", "not json");
        Assert.False(ResultsManifest.TryRead(_temp.Path, out _, out var error));
        Assert.Contains("unreadable", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partial_run_is_flagged()
    {
        var scenario = _temp.WriteFile("s.yaml", "a: 1\n");
        ResultsWriter.Write(_temp.Combine("out"), SampleRuns.Record(scenario, SampleRuns.Result(partial: true)));

        Assert.True(ResultsManifest.TryRead(_temp.Combine("out"), out var manifest, out _));
        Assert.True(manifest!.Partial);
        Assert.Contains("\"partial\": true", File.ReadAllText(_temp.Combine("out", "summary.json")), StringComparison.Ordinal);
    }
}
