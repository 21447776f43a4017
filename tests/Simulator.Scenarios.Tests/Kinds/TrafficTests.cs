using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Scenarios.Tests.Kinds;

/// <summary>ksim.dev Traffic documents become <see cref="Traffic"/> aimed at a Service of the scenario.</summary>
public class TrafficTests
{
    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          selector: {app: web}
          ports: [{port: 80}]
        ---

        """;

    private static Traffic Single(string spec, string metadata = "{name: load, namespace: shop}")
    {
        var s = ScenarioFiles.Valid(Service + $"apiVersion: ksim.dev/v1alpha1\nkind: Traffic\nmetadata: {metadata}\nspec:\n{spec}");
        return Assert.Single(s.Traffic);
    }

    private static SimTime At(long seconds) => SimTime.Zero + SimDuration.FromSeconds(seconds);

    [Fact]
    public void Constant_rate_with_every_option()
    {
        var t = Single("""
              target: web.shop.svc.cluster.local
              clients: 20
              timeout: 2s
              start: 10m
              end: 1h
              rate: 50
            """);
        Assert.Equal("load", t.Name);
        Assert.Equal("shop", t.Namespace);
        Assert.Equal("web.shop.svc.cluster.local", t.Target);
        Assert.Equal(20, t.Clients);
        Assert.Equal(SimDuration.FromSeconds(2), t.Timeout);
        Assert.Equal(At(600), t.Start);
        Assert.Equal(At(3600), t.End);
        Assert.Equal(new TrafficPattern { Kind = TrafficPatternKind.Constant, Rate = 50 }, t.Pattern);
    }

    [Theory]
    [InlineData("web")]
    [InlineData("web.shop")]
    [InlineData("web.shop.svc")]
    [InlineData("web.shop.svc.cluster.local.")]
    public void Short_dns_names_resolve_from_the_traffic_namespace(string target)
    {
        var t = Single($"  target: {target}\n  rate: 1\n");
        Assert.Equal("web.shop.svc.cluster.local", t.Target);
        Assert.Equal(100, t.Clients);
        Assert.Null(t.Timeout);
        Assert.Equal(SimTime.Zero, t.Start);
        Assert.Null(t.End);
    }

    [Fact]
    public void Steps_keep_their_order()
    {
        var t = Single("""
              target: web
              steps: [{at: 0s, rate: 10}, {at: 1h, rate: 50}, {at: 90m, rate: 0}]
            """);
        Assert.Equal(TrafficPatternKind.Steps, t.Pattern.Kind);
        Assert.Equal([(At(0), 10.0), (At(3600), 50.0), (At(5400), 0.0)], t.Pattern.Points);
    }

    [Fact]
    public void Diurnal_may_dip_below_zero_and_defaults_its_period()
    {
        var t = Single("  target: web\n  diurnal: {base: 100, amplitude: 150, phase: 6h}\n");
        Assert.Equal(new TrafficPattern
        {
            Kind = TrafficPatternKind.Diurnal,
            Rate = 100,
            Amplitude = 150,
            Period = SimDuration.FromHours(24),
            Phase = SimDuration.FromHours(6),
        }, t.Pattern);
    }

    [Fact]
    public void Bursts()
    {
        var t = Single("  target: web\n  bursts: {base: 10, peak: 200, every: 1h, length: 5m}\n");
        Assert.Equal(new TrafficPattern
        {
            Kind = TrafficPatternKind.Bursts,
            Rate = 10,
            PeakRate = 200,
            BurstEvery = SimDuration.FromHours(1),
            BurstLength = SimDuration.FromMinutes(5),
        }, t.Pattern);
    }

    [Fact]
    public void Replay_reads_the_csv_next_to_the_scenario_and_lists_it_as_a_source_file()
    {
        string dir = Path.Combine(Path.GetTempPath(), "ksim-traffic-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "data"));
        try
        {
            File.WriteAllText(Path.Combine(dir, "data", "rates.csv"), "time_s,rate\n0,5\n\n# the evening peak\n3600, 12.5\n");
            var path = Path.Combine(dir, "s.yaml");
            File.WriteAllText(path, Service + "apiVersion: ksim.dev/v1alpha1\nkind: Traffic\nmetadata: {name: replayed, namespace: shop}\nspec:\n  target: web\n  replay: {file: data/rates.csv}\n");
            var result = ScenarioLoader.Load(path);
            Assert.Empty(result.Errors);
            var t = Assert.Single(result.Scenario!.Traffic);
            Assert.Equal(TrafficPatternKind.Replay, t.Pattern.Kind);
            Assert.Equal([(At(0), 5.0), (At(3600), 12.5)], t.Pattern.Points);
            Assert.Equal([path, Path.Combine(dir, "data", "rates.csv")], result.Scenario.SourceFiles);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Replay_reports_each_bad_row_with_its_csv_line_at_the_file_field()
    {
        string dir = Path.Combine(Path.GetTempPath(), "ksim-traffic-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "rates.csv"), "time_s,rate\n0,5\n60,-1\n30,2\n90,lots\n120\n");
            var path = Path.Combine(dir, "s.yaml");
            File.WriteAllText(path, Service + "apiVersion: ksim.dev/v1alpha1\nkind: Traffic\nmetadata: {name: replayed, namespace: shop}\nspec:\n  target: web\n  replay: {file: rates.csv}\n");
            var result = ScenarioLoader.Load(path);
            Assert.Null(result.Scenario);
            Assert.All(result.Errors, e => Assert.Equal((13, 18, "spec.replay.file"), (e.Line, e.Column, e.Field)));
            Assert.Equal(
                [
                    "rates.csv:3: rate must not be negative, got \"-1\"",
                    "rates.csv:4: time_s must be later than the previous row's, got \"30\"",
                    "rates.csv:5: rate must be a number, got \"lots\"",
                    "rates.csv:6: expected 2 columns (time_s,rate), got 1",
                ],
                result.Errors.Select(e => e.Message));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
