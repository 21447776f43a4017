using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Tests.Yaml;

public class SourceReaderTests
{
    private static IReadOnlyList<SourceDocument> Read(string text, out ScenarioErrors errors)
    {
        errors = new ScenarioErrors("x.yaml");
        return SourceReader.Read(text, errors)!;
    }

    [Fact]
    public void Documents_know_their_text_and_first_line()
    {
        const string Text = "# intro\na: 1\n---\nb: 2\n---\n";
        var docs = Read(Text, out var errors);
        Assert.Equal(0, errors.Count);
        Assert.Equal(3, docs.Count);
        Assert.Equal((2, "a: 1\n"), (docs[0].FirstLine, Text[docs[0].TextStart..docs[0].TextEnd]));
        Assert.Equal((3, "---\nb: 2\n"), (docs[1].FirstLine, Text[docs[1].TextStart..docs[1].TextEnd]));
        Assert.True(docs[2].IsEmpty);
    }

    [Fact]
    public void Scalars_keep_their_position_and_text()
    {
        var docs = Read("a:\n  b: \"0.5\"\n", out _);
        var b = SourceField.Root(docs[0].Root).Child("a").Child("b");
        Assert.Equal("a.b", b.Path);
        Assert.Equal(new Position(2, 6), b.Position);
        Assert.Equal(new Position(2, 3), b.KeyPosition);
        Assert.Equal("0.5", b.Scalar!.Value);
        Assert.Equal("\"0.5\"", "a:\n  b: \"0.5\"\n"[b.Scalar.StartIndex..b.Scalar.EndIndex]);
    }

    [Fact]
    public void Aliases_share_the_anchored_node()
    {
        var docs = Read("a: &x [1, 2]\nb: *x\n", out _);
        var root = SourceField.Root(docs[0].Root);
        Assert.Same(root.Child("a").Node, root.Child("b").Node);
        // The map, two keys, and the list counted once where written and once where aliased.
        Assert.Equal(1 + 2 + 3 + 3, docs[0].Root.ExpandedSize);
    }

    [Fact]
    public void Anchors_do_not_cross_documents_and_an_alias_cannot_refer_to_its_own_anchor()
    {
        Read("a: &x 1\n---\nb: *x\n---\nc: &y [*y]\n", out var errors);
        Assert.Equal(
            [
                "x.yaml:3:4: unknown anchor \"x\" (an alias must follow its anchor in the same document)",
                "x.yaml:5:8: unknown anchor \"y\" (an alias must follow its anchor in the same document)",
            ],
            errors.InFileOrder().Select(e => e.ToString()));
    }

    [Fact]
    public void A_missing_field_points_at_its_nearest_parent()
    {
        var docs = Read("spec:\n  containers: []\n", out _);
        var image = SourceField.Root(docs[0].Root).Child("spec").Child("containers").Item(0).Child("image");
        Assert.True(image.IsMissing);
        Assert.Equal("spec.containers[0].image", image.Path);
        Assert.Equal(new Position(2, 15), image.Position);
    }
}
