using Simulator.Cli.Support;

namespace Simulator.Cli.Tests.Support;

public sealed class RepositoryLocatorTests
{
    [Fact]
    public void The_checkout_is_found_from_the_test_binaries()
    {
        var root = RepositoryLocator.FindRootOfExecutable();

        Assert.NotNull(root);
        Assert.True(File.Exists(Path.Combine(root, "Simulator.sln")));
    }

    [Fact]
    public void A_folder_outside_any_checkout_has_no_root()
    {
        Assert.Null(RepositoryLocator.FindRoot(Path.GetPathRoot(Path.GetTempPath())!));
    }

    [Fact]
    public void Git_state_is_a_commit_or_unknown_never_empty()
    {
        var (commit, _) = BuildInfo.GitState(RepositoryLocator.FindRootOfExecutable());

        Assert.False(string.IsNullOrWhiteSpace(commit));
    }

    [Fact]
    public void Package_versions_cover_the_packages_that_shape_results()
    {
        var versions = BuildInfo.PackageVersions();

        Assert.Contains("YamlDotNet", versions.Keys);
        Assert.Contains("System.CommandLine", versions.Keys);
        Assert.StartsWith("2.0.15", versions["System.CommandLine"], StringComparison.Ordinal);
    }
}
