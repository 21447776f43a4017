namespace Simulator.Reporting.Html;

/// <summary>
/// The report's only script. The events filter hides (the <c>hidden</c> attribute) every row whose
/// text does not contain the filter, case-insensitively; <c>report.html#filter=TEXT</c> applies TEXT
/// on load, so a link can point at a filtered view (and a headless browser can check the filter).
/// Once the page has loaded, each chart image is marked <c>data-loaded="yes"</c> or <c>"no"</c>.
/// It never inserts markup: the page's text stays the escaped text the server wrote.
/// </summary>
internal static class ReportScript
{
    public const string Source = """
        (function () {
          var input = document.getElementById('event-filter');
          var table = document.getElementById('events');
          var count = document.getElementById('event-count');
          var rows = table ? Array.prototype.slice.call(table.tBodies[0].rows) : [];
          function apply() {
            var query = input.value.toLowerCase();
            var shown = 0;
            rows.forEach(function (row) {
              var match = query === '' || row.textContent.toLowerCase().indexOf(query) >= 0;
              if (match) { row.removeAttribute('hidden'); shown++; } else { row.setAttribute('hidden', ''); }
            });
            count.textContent = shown + ' of ' + rows.length + ' events';
            document.body.setAttribute('data-filter', input.value);
          }
          if (input) {
            input.addEventListener('input', apply);
            var match = /(?:^#|&)filter=([^&]*)/.exec(window.location.hash);
            if (match) {
              var text = match[1].replace(/\+/g, ' ');
              try { text = decodeURIComponent(text); } catch (e) { /* a stray %: filter on the text as written */ }
              input.value = text; apply();
            }
          }
          window.addEventListener('load', function () {
            Array.prototype.forEach.call(document.querySelectorAll('img.chart'), function (img) {
              img.setAttribute('data-loaded', img.complete && img.naturalWidth > 0 ? 'yes' : 'no');
            });
          });
        })();
        """;
}
