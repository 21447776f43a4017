using System.Text;

namespace Simulator.Reporting.Views;

/// <summary>
/// Go's text/tabwriter, which kubectl prints every table through, for space padding and no flags.
/// Cells end with '\t'; the text after a line's last tab is not a cell and is never padded. A
/// column is aligned over a block of consecutive lines that all have a cell in it, so a line with
/// fewer cells (a section title in <c>kubectl describe</c>) starts new blocks below it. A cell is
/// as wide as the widest in its block plus <c>padding</c>, and at least <c>minWidth</c>.
/// </summary>
public sealed class TabWriter(int minWidth, int padding)
{
    /// <summary><c>kubectl get</c>: printers.GetNewTabWriter, minwidth 6, padding 3.</summary>
    public static TabWriter Get() => new(6, 3);

    /// <summary><c>kubectl describe</c>: minwidth 0, padding 2.</summary>
    public static TabWriter Describe() => new(0, 2);

    private readonly List<string[]> _lines = [];

    /// <summary>One line: tab-separated cells, as kubectl's printers write them.</summary>
    public void WriteLine(string line) => _lines.Add(line.Split('\t'));

    public void WriteLine(IEnumerable<string> cells) => WriteLine(string.Join('\t', cells));

    public void Flush(TextWriter writer)
    {
        var output = new StringBuilder();
        Format(output, [], 0, _lines.Count);
        writer.Write(output.ToString());
        _lines.Clear();
    }

    private void Format(StringBuilder output, List<int> widths, int line0, int line1)
    {
        int column = widths.Count;
        for (int current = line0; current < line1; current++)
        {
            if (column >= _lines[current].Length - 1) continue;

            // This line has a cell in the column: the lines above keep the widths so far, and a
            // block of lines with a cell here begins.
            Print(output, widths, line0, current);
            line0 = current;
            int width = minWidth;
            for (; current < line1; current++)
            {
                var cells = _lines[current];
                if (column >= cells.Length - 1) break;
                width = Math.Max(width, cells[column].Length + padding);
            }
            widths.Add(width);
            Format(output, widths, line0, current);
            widths.RemoveAt(widths.Count - 1);
            line0 = current;
            current--;
        }
        Print(output, widths, line0, line1);
    }

    private void Print(StringBuilder output, List<int> widths, int line0, int line1)
    {
        for (int i = line0; i < line1; i++)
        {
            var cells = _lines[i];
            for (int j = 0; j < cells.Length; j++)
            {
                output.Append(cells[j]);
                if (j < widths.Count && j < cells.Length - 1) output.Append(' ', widths[j] - cells[j].Length);
            }
            output.Append('\n');
        }
    }
}
