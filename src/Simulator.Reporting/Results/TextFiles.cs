using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Simulator.Reporting.Results;

/// <summary>
/// The byte-level conventions every results file shares, so that two runs compare byte for byte
/// on any OS: UTF-8 without BOM, "\n" line endings, two-space indented JSON.
/// </summary>
internal static class TextFiles
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static StreamWriter CreateText(string path) =>
        new(path, append: false, Utf8NoBom) { NewLine = "\n" };

    /// <summary>Writes one indented JSON document followed by a final newline.</summary>
    public static void WriteJson(string path, Action<Utf8JsonWriter> write)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        var options = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            // Results are files, never embedded in HTML: keep '+' in versions and non-ASCII in
            // pod names readable instead of \u escapes.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            write(writer);
        }
        stream.WriteByte((byte)'\n');
    }

    /// <summary>JSON has no NaN or infinity; a ratio over nothing is written as null.</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumber(name, value);
        else writer.WriteNull(name);
    }
}
