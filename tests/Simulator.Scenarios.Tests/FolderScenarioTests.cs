namespace Simulator.Scenarios.Tests;

/// <summary>A folder of YAML files loads as one stream of documents in file-name order.</summary>
public sealed class FolderScenarioTests : IDisposable
{
    private const string Nodes = """
        apiVersion: v1
        kind: Node
        metadata: {name: n1}
        status:
          capacity: {cpu: 4}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: n2}
        status:
          capacity: {cpu: 8}

        """;

    private const string Pods = """
        apiVersion: scheduling.k8s.io/v1
        kind: PriorityClass
        metadata: {name: high}
        value: 1000
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p1}
        spec:
          priorityClassName: high
          containers: [{name: c, image: busybox}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p2}
        spec:
          priorityClassName: high
          containers: [{name: c, image: busybox}]

        """;

    private const string Settings = """
        apiVersion: ksim.dev/v1alpha1
        kind: Scenario
        metadata: {name: split}
        spec:
          seed: 7
          timeline:
          - {at: 1h, action: FailNode, node: n2}

        """;

    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: NAME}
        spec:
          priorityClassName: high
          containers: [{name: c, image: busybox}]

        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "ksim-folder-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Folder(string name, params (string File, string Yaml)[] files)
    {
        string folder = Path.Combine(_root, name);
        Directory.CreateDirectory(folder);
        foreach (var (file, yaml) in files) File.WriteAllText(Path.Combine(folder, file), yaml);
        return folder;
    }

    /// <summary>The errors with every file shown relative to the temporary root, as "folder/file.yaml".</summary>
    private string[] Errors(string path) =>
        [.. ScenarioLoader.Load(path).Errors.Select(e => e.ToString().Replace(_root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal))];

    [Fact]
    public void A_folder_loads_to_the_same_model_as_its_documents_in_one_file()
    {
        string folder = Folder("split", ("1-nodes.yaml", Nodes), ("2-pods.yaml", Pods), ("3-scenario.yml", Settings));
        string single = Path.Combine(Folder("one"), "all.yaml");
        File.WriteAllText(single, Nodes + "---\n" + Pods + "---\n" + Settings);

        var fromFolder = ScenarioLoader.Load(folder);
        var fromFile = ScenarioLoader.Load(single);

        Assert.Empty(fromFolder.Errors);
        Assert.Empty(fromFile.Errors);
        var s = fromFolder.Scenario!;
        Assert.Equivalent(fromFile.Scenario! with { SourceFiles = [] }, s with { SourceFiles = [] }, strict: true);
        Assert.Equal([Path.Combine(folder, "1-nodes.yaml"), Path.Combine(folder, "2-pods.yaml"), Path.Combine(folder, "3-scenario.yml")], s.SourceFiles);
        Assert.Equal("split", s.Name);
        Assert.Equal(1000, s.Pods[1].Pod.Spec.Priority);
        Assert.Single(s.Timeline);
    }

    [Fact]
    public void References_work_whichever_file_comes_first_and_the_name_defaults_to_the_folder()
    {
        // The pods' class is defined in a later file, the timeline's node in an earlier one.
        string folder = Folder("mixed", ("a.yaml", Pod.Replace("NAME", "p0", StringComparison.Ordinal)), ("b.yaml", Pods),
            ("c.yaml", Nodes), ("d.yaml", Settings.Replace("metadata: {name: split}\n", "", StringComparison.Ordinal)));

        var result = ScenarioLoader.Load(folder);

        Assert.Empty(result.Errors);
        Assert.Equal("mixed", result.Scenario!.Name);
        Assert.Equal(1000, result.Scenario.Pods[0].Pod.Spec.Priority);
    }

    [Fact]
    public void Errors_name_the_file_they_are_in_with_its_positions()
    {
        string folder = Folder("bad", ("a.yaml", Nodes), ("b.yaml", "\n\n" + Pods.Replace("value: 1000", "value: lots", StringComparison.Ordinal)),
            ("c.yaml", Settings.Replace("node: n2", "node: n9", StringComparison.Ordinal)));

        var errors = Errors(folder);

        Assert.Equal(
            [
                "bad/b.yaml:6:8: value: must be an integer, got \"lots\"",
                "bad/b.yaml:12:22: spec.priorityClassName: no PriorityClass with name high was found",
                "bad/b.yaml:19:22: spec.priorityClassName: no PriorityClass with name high was found",
                "bad/c.yaml:7:38: spec.timeline[0].node: nodes \"n9\" not found; did you mean \"n1\"?",
            ],
            errors);
    }

    [Fact]
    public void Duplicates_across_files_are_errors_that_point_at_the_first()
    {
        string folder = Folder("dup", ("a.yaml", Nodes + "---\n" + Pods), ("b.yaml", Pods + "---\n" + Settings + "---\n" + Settings));
        const string a = "dup/a.yaml", b = "dup/b.yaml";

        Assert.Equal(
            [
                $"{b}:3:18: metadata.name: priorityclasses.scheduling.k8s.io \"high\" already exists (first defined at {a}:15)",
                $"{b}:8:18: metadata.name: pods \"p1\" already exists (first defined at {a}:20)",
                $"{b}:15:18: metadata.name: pods \"p2\" already exists (first defined at {a}:27)",
                $"{b}:29:7: kind: only one Scenario document is allowed (the first is at line 21)",
            ],
            Errors(folder));
    }

    [Fact]
    public void An_empty_folder_is_an_error()
    {
        string folder = Folder("empty", ("notes.txt", Nodes));
        Directory.CreateDirectory(Path.Combine(folder, "sub.yaml"));

        Assert.Equal(["empty/: no .yaml or .yml files"], Errors(folder));
    }

    [Fact]
    public void Files_are_read_in_ordinal_name_order_and_subfolders_are_ignored()
    {
        string folder = Folder("order",
            ("b.yaml", Pod.Replace("NAME", "from-b", StringComparison.Ordinal)),
            ("a.yml", Pod.Replace("NAME", "from-a", StringComparison.Ordinal)),
            ("B.yaml", Pod.Replace("NAME", "from-upper-b", StringComparison.Ordinal)),
            ("10.yaml", Pods),
            ("notes.md", "not yaml"));
        Directory.CreateDirectory(Path.Combine(folder, "nested"));
        File.WriteAllText(Path.Combine(folder, "nested", "0.yaml"), Nodes);

        var s = ScenarioLoader.Load(folder).Scenario!;

        Assert.Equal(["p1", "p2", "from-upper-b", "from-a", "from-b"], s.Pods.Select(p => p.Pod.Name));
        Assert.Empty(s.Nodes);
        Assert.Equal(["10.yaml", "B.yaml", "a.yml", "b.yaml"], s.SourceFiles.Select(Path.GetFileName));
    }

    [Fact]
    public void Input_limits_are_for_the_whole_folder()
    {
        // 600 aliases per file are within the limit for one file, not for the two together.
        string aliases = "x: &a 1\ny: [" + string.Join(", ", Enumerable.Repeat("*a", 600)) + "]\n";
        string folder = Folder("limits", ("a.yaml", aliases), ("b.yaml", aliases));

        Assert.Equal("limits/b.yaml:2:", Errors(folder)[^1][..16]);
        Assert.EndsWith("more than 1000 YAML aliases in the scenario (a limit against alias bombs)", Errors(folder)[^1], StringComparison.Ordinal);
    }
}
