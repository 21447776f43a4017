using System.Net;

namespace Simulator.Reporting.Html;

/// <summary>
/// The one way text reaches an HTML page: every string from a scenario, a result or the file
/// system goes through <see cref="Encode"/>, which escapes &lt; &gt; &amp; " and ', so the same
/// call is safe in element content and in quoted attribute values.
/// </summary>
internal static class HtmlText
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
