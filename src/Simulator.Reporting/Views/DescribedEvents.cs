using Simulator.Engine;
using Simulator.Reporting.Results;

namespace Simulator.Reporting.Views;

/// <summary>
/// The Events section that ends every <c>kubectl describe</c>: "&lt;none&gt;" on the Events line
/// itself, or a table in time order. kubectl writes one row per Event object with "(x3 over 5m)"
/// for repeats; ksim records each occurrence as its own event, so repeats are separate rows.
/// </summary>
internal static class DescribedEvents
{
    public static void Write(TabWriter w, IReadOnlyList<EventsLogEntry> events, SimTime at, Func<string, string> source)
    {
        if (events.Count == 0)
        {
            w.WriteLine("Events:\t<none>");
            return;
        }
        w.WriteLine("Events:");
        w.WriteLine("  Type\tReason\tAge\tFrom\tMessage");
        w.WriteLine("  ----\t------\t----\t----\t-------");
        foreach (var e in events)
        {
            w.WriteLine($"  {e.Type}\t{e.Reason}\t{HumanDuration.Format(at - e.Time)}\t{source(e.Reason)}\t{e.Message.Trim()}");
        }
    }
}
