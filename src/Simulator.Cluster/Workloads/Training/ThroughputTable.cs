using System.Globalization;
using System.Reflection;

namespace Simulator.Cluster.Workloads.Training;

/// <summary>
/// Training speed by (model, number of accelerators, accelerator type). The default is Gavel's
/// measured table (Narayanan et al., OSDI '20: 26 job types on 1, 2, 4 and 8 K80, P100 and V100
/// GPUs, shipped in <c>data/gavel/</c> with its MIT licence); a scenario adds or overrides rows
/// with <see cref="With"/>.
/// <para>
/// Names are matched loosely so that manifests can use short forms: a model or accelerator name
/// is compared by its letters and digits only, lower-cased, with "(batch size N)" written "bsN"
/// ("resnet50-bs64" is "ResNet-50 (batch size 64)"). A model family alone ("resnet50") means its
/// smallest batch size. A node's accelerator label ("Tesla-V100-SXM2-16GB", "nvidia-a100-80gb")
/// is the table's accelerator of that exact name, else the longest one contained in it ("v100").
/// </para>
/// <para>
/// Gavel's <c>_unconsolidated</c> rows (the GPUs spread over servers) are left out: in the
/// measurements they are as often faster as slower than the consolidated ones (8 V100s for
/// ResNet-50 at batch size 128: 10.3 consolidated, 13.9 spread), so they cannot stand for the
/// cost of spreading. ksim applies <c>ksim.dev/scatter-penalty</c> instead.
/// </para>
/// </summary>
public sealed class ThroughputTable
{
    /// <summary>The manifest name of the reference accelerator that durations are measured on.</summary>
    public const string ReferenceAccelerator = "v100";

    private const string DefaultResource = "ksim.gavel.isolated_throughputs_steps_per_sec.csv";

    private static readonly Lazy<ThroughputTable> LazyDefault = new(LoadDefault);

    private readonly List<ThroughputRow> _rows;
    private readonly Dictionary<(string Model, int Count, string Accelerator), double> _rates = [];
    private readonly Dictionary<string, string> _models = new(StringComparer.Ordinal);
    private readonly List<string> _accelerators = [];
    private readonly Dictionary<string, string> _acceleratorNames = new(StringComparer.Ordinal);

    private ThroughputTable(List<ThroughputRow> rows)
    {
        _rows = rows;
        var families = new Dictionary<string, (string Model, int Batch)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var model = Normalize(row.Model);
            var accelerator = Normalize(row.Accelerator);
            _rates[(model, row.Accelerators, accelerator)] = row.StepsPerSecond;
            _models.TryAdd(model, row.Model);
            if (_acceleratorNames.TryAdd(accelerator, row.Accelerator)) _accelerators.Add(accelerator);
            if (BatchSize(row.Model) is { } batch)
            {
                var family = Normalize(row.Model[..row.Model.IndexOf('(', StringComparison.Ordinal)]);
                if (!families.TryGetValue(family, out var known) || batch < known.Batch) families[family] = (row.Model, batch);
            }
        }
        foreach (var (family, (model, _)) in families) _models.TryAdd(family, model);
        // Longest first, so that "a100" wins over "a10" for an "nvidia-a100-80gb" label.
        _accelerators.Sort((a, b) => b.Length != a.Length ? b.Length.CompareTo(a.Length) : string.CompareOrdinal(a, b));
    }

    /// <summary>Gavel's measured table.</summary>
    public static ThroughputTable Default => LazyDefault.Value;

    /// <summary>Every row, in the order given (overridden rows replaced in place, new rows at the end).</summary>
    public IReadOnlyList<ThroughputRow> Rows => _rows;

    /// <summary>The model names as written in the table, in first-seen order.</summary>
    public IEnumerable<string> Models => _rows.Select(r => r.Model).Distinct(StringComparer.Ordinal);

    /// <summary>This table with <paramref name="rows"/> added, each replacing the row with the same model, count and accelerator.</summary>
    public ThroughputTable With(IEnumerable<ThroughputRow> rows)
    {
        var merged = new List<ThroughputRow>(_rows);
        var index = new Dictionary<(string, int, string), int>();
        for (int i = 0; i < merged.Count; i++) index[Key(merged[i])] = i;
        foreach (var row in rows)
        {
            if (index.TryGetValue(Key(row), out int at)) merged[at] = row;
            else
            {
                index[Key(row)] = merged.Count;
                merged.Add(row);
            }
        }
        return new ThroughputTable(merged);
    }

    /// <summary>The table's name for <paramref name="model"/>, or null if the table has no such model.</summary>
    public string? ResolveModel(string model) => _models.GetValueOrDefault(Normalize(model));

    /// <summary>
    /// The table's accelerator for a node's accelerator label, as the table first wrote it
    /// ("v100", "tpu-v5-lite-podslice"), or null if none matches.
    /// </summary>
    public string? ResolveAccelerator(string? label)
    {
        if (string.IsNullOrEmpty(label)) return null;
        var normalized = Normalize(label);
        if (_acceleratorNames.TryGetValue(normalized, out var exact)) return exact;
        foreach (var accelerator in _accelerators)
            if (normalized.Contains(accelerator, StringComparison.Ordinal)) return _acceleratorNames[accelerator];
        return null;
    }

    /// <summary>
    /// Steps per second of <paramref name="model"/> on <paramref name="accelerators"/> of
    /// <paramref name="accelerator"/> (a table accelerator or a node label); null if the table
    /// has no row or the job does not run there (a rate of 0).
    /// </summary>
    public double? StepsPerSecond(string model, int accelerators, string accelerator)
    {
        var m = ResolveModel(model);
        var a = ResolveAccelerator(accelerator);
        if (m is null || a is null) return null;
        return _rates.TryGetValue((Normalize(m), accelerators, Normalize(a)), out var rate) && rate > 0 ? rate : null;
    }

    /// <summary>Accelerator counts with at least one positive rate for <paramref name="model"/>, ascending.</summary>
    public IReadOnlyList<int> CountsFor(string model)
    {
        var m = ResolveModel(model);
        if (m is null) return [];
        var key = Normalize(m);
        return _rates.Where(e => e.Key.Model == key && e.Value > 0).Select(e => e.Key.Count).Distinct().Order().ToList();
    }

    /// <summary>Letters and digits only, lower-cased, "(batch size N)" as "bsN".</summary>
    public static string Normalize(string name)
    {
        var text = name.ToLowerInvariant().Replace("batch size", "bs", StringComparison.Ordinal);
        return string.Concat(text.Where(char.IsAsciiLetterOrDigit));
    }

    /// <summary>
    /// Reads rows from CSV text with the header <c>job_type,num_gpus,worker_type,steps_per_sec</c>
    /// (Gavel's format). Each bad line is reported with its 1-based line number; it is skipped.
    /// </summary>
    public static List<ThroughputRow> ReadCsv(string text, Action<int, string> error, bool skipUnconsolidated = false)
    {
        var rows = new List<ThroughputRow>();
        var lines = text.Split('\n');
        int first = 0;
        while (first < lines.Length && lines[first].Trim().Length == 0) first++;
        if (first == lines.Length)
        {
            error(1, "the table is empty: expected the header job_type,num_gpus,worker_type,steps_per_sec");
            return rows;
        }
        var header = lines[first].Trim().TrimStart('\uFEFF');
        if (header != "job_type,num_gpus,worker_type,steps_per_sec")
        {
            error(first + 1, $"expected the header job_type,num_gpus,worker_type,steps_per_sec, got \"{header}\"");
            return rows;
        }
        for (int i = first + 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            // The model names contain no commas; the last three fields are plain.
            var parts = line.Split(',');
            if (parts.Length != 4)
            {
                error(i + 1, $"expected 4 comma-separated fields, got {parts.Length}");
                continue;
            }
            var model = parts[0].Trim();
            var accelerator = parts[2].Trim();
            if (model.Length == 0 || accelerator.Length == 0)
            {
                error(i + 1, "job_type and worker_type must not be empty");
                continue;
            }
            if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1)
            {
                error(i + 1, $"num_gpus must be a positive integer, got \"{parts[1]}\"");
                continue;
            }
            if (!double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out double rate) || !double.IsFinite(rate) || rate < 0)
            {
                error(i + 1, $"steps_per_sec must be a number >= 0, got \"{parts[3]}\"");
                continue;
            }
            if (skipUnconsolidated && accelerator.EndsWith("_unconsolidated", StringComparison.Ordinal)) continue;
            rows.Add(new ThroughputRow(model, count, accelerator, rate));
        }
        return rows;
    }

    private static (string, int, string) Key(ThroughputRow row) => (Normalize(row.Model), row.Accelerators, Normalize(row.Accelerator));

    private static int? BatchSize(string model)
    {
        int open = model.IndexOf("(batch size ", StringComparison.Ordinal);
        if (open < 0) return null;
        var digits = new string(model[(open + 12)..].TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int batch) ? batch : null;
    }

    private static ThroughputTable LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"the default throughput table ({DefaultResource}) is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}");
        using var reader = new StreamReader(stream);
        var rows = ReadCsv(reader.ReadToEnd(), (line, message) =>
            throw new InvalidOperationException($"the default throughput table, line {line}: {message}"), skipUnconsolidated: true);
        return new ThroughputTable(rows);
    }
}
