using System.Text;

namespace Simulator.Reporting.Html;

/// <summary>
/// A plain table: a header row and body rows of text cells, all escaped. A cell is right-aligned
/// (class <c>num</c>) when its column is declared numeric, so numbers line up.
/// </summary>
internal sealed class HtmlTable(IReadOnlyList<string> headers, IReadOnlySet<int>? numericColumns = null, string? id = null)
{
    private readonly List<IReadOnlyList<string>> _rows = [];

    public int RowCount => _rows.Count;

    public HtmlTable Add(params IReadOnlyList<string> cells)
    {
        if (cells.Count != headers.Count) throw new ArgumentException($"expected {headers.Count} cells, got {cells.Count}", nameof(cells));
        _rows.Add(cells);
        return this;
    }

    public void WriteTo(StringBuilder html)
    {
        html.Append(id is null ? "<table>" : $"<table id=\"{HtmlText.Encode(id)}\">").Append('\n');
        html.Append("<thead><tr>");
        for (int c = 0; c < headers.Count; c++) html.Append(Cell("th", c, headers[c]));
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in _rows)
        {
            html.Append("<tr>");
            for (int c = 0; c < row.Count; c++) html.Append(Cell("td", c, row[c]));
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private string Cell(string tag, int column, string text) =>
        numericColumns?.Contains(column) == true
            ? $"<{tag} class=\"num\">{HtmlText.Encode(text)}</{tag}>"
            : $"<{tag}>{HtmlText.Encode(text)}</{tag}>";
}
