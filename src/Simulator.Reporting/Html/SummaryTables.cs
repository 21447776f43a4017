using System.Text;
using System.Text.Json;

namespace Simulator.Reporting.Html;

/// <summary>
/// summary.json as tables, read from the file itself so that a section added to summary.json
/// appears in the report with no change here. The top-level numbers and strings make the headline
/// table; each top-level object becomes its own section (jobs, requests, cost, cluster_autoscaler...,
/// only when summary.json has it), nested objects flattened to dotted keys ("jct_s.p50"); an array
/// of objects (cost.by_pool, cluster_autoscaler.node_groups) becomes a table with one row per item.
/// Values are printed as summary.json has them, so the page and the file never disagree.
/// </summary>
internal static class SummaryTables
{
    public static void Write(StringBuilder html, JsonElement summary)
    {
        var headline = new HtmlTable(["metric", "value"], new HashSet<int> { 1 }, "summary");
        foreach (var property in summary.EnumerateObject())
        {
            if (property.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)) headline.Add(property.Name, Text(property.Value));
        }
        html.Append("<h2 id=\"summary-heading\">Summary</h2>\n");
        headline.WriteTo(html);

        foreach (var property in summary.EnumerateObject())
        {
            if (property.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)) continue;
            html.Append("<h3>").Append(HtmlText.Encode(property.Name)).Append("</h3>\n");
            WriteSection(html, property.Value);
        }
    }

    private static void WriteSection(StringBuilder html, JsonElement section)
    {
        if (section.ValueKind == JsonValueKind.Array)
        {
            WriteArray(html, section);
            return;
        }
        var table = new HtmlTable(["metric", "value"], new HashSet<int> { 1 });
        var arrays = new List<(string Name, JsonElement Value)>();
        Flatten(section, "", table, arrays);
        if (table.RowCount > 0) table.WriteTo(html);
        foreach (var (name, value) in arrays)
        {
            html.Append("<p>").Append(HtmlText.Encode(name)).Append(":</p>\n");
            WriteArray(html, value);
        }
    }

    private static void Flatten(JsonElement obj, string prefix, HtmlTable table, List<(string, JsonElement)> arrays)
    {
        foreach (var property in obj.EnumerateObject())
        {
            var name = prefix + property.Name;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object: Flatten(property.Value, name + ".", table, arrays); break;
                case JsonValueKind.Array: arrays.Add((name, property.Value)); break;
                default: table.Add(name, Text(property.Value)); break;
            }
        }
    }

    /// <summary>An array of objects as one table, its columns the first item's keys; anything else as a list of values.</summary>
    private static void WriteArray(StringBuilder html, JsonElement array)
    {
        var items = array.EnumerateArray().ToList();
        if (items.Count == 0)
        {
            html.Append("<p class=\"note\">(none)</p>\n");
            return;
        }
        if (items[0].ValueKind != JsonValueKind.Object)
        {
            html.Append("<p>").Append(HtmlText.Encode(string.Join(", ", items.Select(Text)))).Append("</p>\n");
            return;
        }
        var columns = new List<string>();
        foreach (var item in items) CollectColumns(item, "", columns);
        var numeric = new HashSet<int>();
        var table = new HtmlTable(columns, numeric);
        foreach (var item in items)
        {
            var cells = new string[columns.Count];
            for (int c = 0; c < columns.Count; c++)
            {
                var value = Lookup(item, columns[c]);
                cells[c] = value is { } v ? Text(v) : "";
                if (value?.ValueKind == JsonValueKind.Number) numeric.Add(c);
            }
            table.Add(cells);
        }
        table.WriteTo(html);
    }

    private static void CollectColumns(JsonElement obj, string prefix, List<string> columns)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object) CollectColumns(property.Value, prefix + property.Name + ".", columns);
            else if (!columns.Contains(prefix + property.Name)) columns.Add(prefix + property.Name);
        }
    }

    private static JsonElement? Lookup(JsonElement obj, string dotted)
    {
        var current = obj;
        foreach (var part in dotted.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current)) return null;
        }
        return current;
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "-",
        _ => value.GetRawText(),
    };
}
