using System.Globalization;
using Simulator.Cluster.Workloads.Training;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// The Scenario's <c>spec.throughputTable</c>: rows added to Gavel's default table, first from a
/// CSV file in Gavel's format (<c>job_type,num_gpus,worker_type,steps_per_sec</c>, relative to
/// the scenario file, copied into the results with it), then inline rows. A row for a model,
/// count and accelerator already in the table replaces it, so later rows win: file over Gavel,
/// inline over file.
/// <code>
/// throughputTable:
///   file: a100-rows.csv
///   rows: [{model: resnet50-bs64, accelerators: 8, accelerator: a100, stepsPerSecond: 21.5}]
/// </code>
/// </summary>
internal static class ThroughputTableReader
{
    /// <summary>A bad file is reported line by line up to this many lines; the rest would only repeat.</summary>
    private const int MaxReportedLines = 10;

    /// <summary>More accelerators than any job could hold; keeps counts in an int.</summary>
    private const int MaxAccelerators = 1_000_000;

    /// <summary>The table, or null if the section is absent or has errors (reported).</summary>
    public static ThroughputTable? Read(SourceField section, LoadContext context)
    {
        var errors = context.Errors;
        if (section.IsMissing) return null;
        int before = errors.Count;
        FieldValues.CheckFields(section, errors, "file", "rows");
        var rows = new List<ThroughputRow>();
        if (!section.Child("file").IsMissing) rows.AddRange(FileRows(section.Child("file"), context));
        foreach (var item in FieldValues.List(section.Child("rows"), errors))
            if (Row(item, errors) is { } row) rows.Add(row);
        if (errors.Count > before) return null;
        return ThroughputTable.Default.With(rows);
    }

    private static List<ThroughputRow> FileRows(SourceField fileField, LoadContext context)
    {
        var errors = context.Errors;
        var file = FieldValues.String(fileField, errors);
        if (string.IsNullOrEmpty(file))
        {
            errors.At(fileField, "Required value: a CSV file with the header job_type,num_gpus,worker_type,steps_per_sec, relative to the scenario file");
            return [];
        }
        var path = DataFile.PathOf(context, file);
        var text = DataFile.ReadText(path, file, fileField, errors);
        if (text is null) return [];
        int reported = 0;
        var rows = ThroughputTable.ReadCsv(text, (line, message) =>
        {
            if (reported++ < MaxReportedLines) errors.At(fileField, $"{file}:{line.ToString(CultureInfo.InvariantCulture)}: {message}");
        }, skipUnconsolidated: true);
        if (reported == 0 && rows.Count == 0)
            errors.At(fileField, $"{file}: has no rows after the header job_type,num_gpus,worker_type,steps_per_sec");
        if (reported == 0) context.AddDataFile(path);
        return rows;
    }

    private static ThroughputRow? Row(SourceField item, ScenarioErrors errors)
    {
        int before = errors.Count;
        FieldValues.CheckFields(item, errors, "model", "accelerators", "accelerator", "stepsPerSecond");
        var model = Required(item.Child("model"), errors, "the job type, e.g. \"ResNet-50 (batch size 64)\" or \"resnet50-bs64\"");
        var count = Required(item.Child("accelerators"), errors, "how many accelerators the rate is for, e.g. 8") is null
            ? null
            : FieldValues.Integer(item.Child("accelerators"), errors, 1, MaxAccelerators);
        var accelerator = Required(item.Child("accelerator"), errors, "the accelerator type, e.g. \"a100\" or \"tpu-v5-lite-podslice\"");
        var rate = Required(item.Child("stepsPerSecond"), errors, "steps per second, 0 if the job does not run there") is null
            ? null
            : FieldValues.NonNegativeNumber(item.Child("stepsPerSecond"), errors);
        if (errors.Count > before || model is null || count is null || accelerator is null || rate is null) return null;
        return new ThroughputRow(model, (int)count, accelerator, (double)rate);
    }

    /// <summary>The field's text, or null after reporting it missing or empty with <paramref name="what"/>.</summary>
    private static string? Required(SourceField field, ScenarioErrors errors, string what)
    {
        if (field.IsMissing)
        {
            errors.At(field, "Required value: " + what);
            return null;
        }
        var text = FieldValues.String(field, errors);
        if (text is { Length: 0 }) errors.At(field, "must not be empty: " + what);
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
