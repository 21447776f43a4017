using System.Text;

namespace Simulator.Reporting.Html;

/// <summary>
/// The frame every ksim HTML page shares: one self-contained file (inline CSS, inline script, images
/// as data URIs), nothing fetched from the network, so a page opens the same offline, attached to a
/// mail or years later. The title is escaped here; the body is HTML its builder already escaped.
/// </summary>
internal static class HtmlPage
{
    private const string Style = """
        body { font-family: sans-serif; margin: 1.5em auto; max-width: 1280px; padding: 0 1em; color: #222; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; }
        h2 { font-size: 1.25em; margin-top: 1.8em; border-bottom: 1px solid #ccc; }
        h3 { font-size: 1.05em; }
        p.description { color: #444; margin-top: 0; }
        table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
        th, td { border: 1px solid #ddd; padding: 0.2em 0.6em; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        tr[hidden] { display: none; }
        figure { margin: 1em 0; }
        figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { font-size: 0.9em; color: #555; }
        pre { background: #f7f7f7; padding: 0.6em; overflow-x: auto; font-size: 0.85em; }
        input#event-filter { width: 30em; padding: 0.3em; }
        .note { color: #555; font-size: 0.9em; }
        """;

    public static string Render(string title, string body, string? script = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(HtmlText.Encode(title)).Append("</title>\n");
        html.Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");
        html.Append(body);
        if (script is not null) html.Append("<script>\n").Append(script).Append("\n</script>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }
}
