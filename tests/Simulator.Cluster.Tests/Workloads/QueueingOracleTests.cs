using Simulator.Engine;
using Xunit.Abstractions;

namespace Simulator.Cluster.Tests.Workloads;

/// <summary>
/// The serving model against queueing theory. Each run is long (tens of thousands of simulated
/// seconds) and split into batches after a warm-up batch; the analytic value must fall within
/// the 99 % confidence interval of the batch means.
/// </summary>
public class QueueingOracleTests(ITestOutputHelper output)
{
    private const int Batches = 30;
    private static readonly SimDuration Batch = SimDuration.FromSeconds(1000);

    /// <summary>M/M/1 with lambda 8/s, mu 10/s: mean time in system 1 / (mu - lambda) = 0.5 s.</summary>
    [Fact]
    public void One_server_with_exponential_service_matches_MM1_mean_latency()
    {
        var h = new ServingHarness(seed: 11);
        h.AddPod("web-0", "exponential:100ms", concurrency: 1);
        h.Traffic(8);

        var latency = RunBatches(h, (dCompleted, dSum, _, _) => dSum / dCompleted);

        latency.AssertContains(1.0 / (10 - 8), output);
    }

    /// <summary>
    /// M/M/4 with lambda 32/s and mu 10/s per server (rho 0.8): the mean wait in queue is Erlang
    /// C's C(c, a) / (c mu - lambda). Wait is latency minus the constant mean service time 0.1 s,
    /// which is unbiased for the mean.
    /// </summary>
    [Fact]
    public void Four_servers_match_Erlang_C_mean_wait()
    {
        var h = new ServingHarness(seed: 12);
        h.AddPod("web-0", "exponential:100ms", cpu: "4");
        h.Traffic(32);

        var wait = RunBatches(h, (dCompleted, dSum, _, _) => dSum / dCompleted - 0.1);

        wait.AssertContains(ErlangC(4, 32.0 / 10) / (4 * 10 - 32), output);
    }

    /// <summary>M/M/1/K, K = queue limit + 1 in service: by PASTA the share of arrivals refused is P_K.</summary>
    [Fact]
    public void A_queue_limit_refuses_the_MM1K_blocking_share()
    {
        var h = new ServingHarness(seed: 13);
        h.AddPod("web-0", "exponential:100ms", concurrency: 1, queueLimit: 4);
        h.Traffic(8);

        var blocked = RunBatches(h, (_, _, dArrivals, dQueueFull) => dQueueFull / dArrivals);

        double rho = 0.8;
        int k = 5;
        blocked.AssertContains((1 - rho) * Math.Pow(rho, k) / (1 - Math.Pow(rho, k + 1)), output);
    }

    private static double ErlangC(int c, double a)
    {
        double term = 1, sum = 1;
        for (int k = 1; k < c; k++)
        {
            term *= a / k;
            sum += term;
        }
        double last = term * a / c * c / (c - a);
        return last / (sum + last);
    }

    /// <summary>Runs a warm-up batch then <see cref="Batches"/> batches; <paramref name="measure"/> gets each batch's deltas (completed, latency sum in s, arrivals, queue-full).</summary>
    private static BatchMeans RunBatches(ServingHarness h, Func<double, double, double, double, double> measure)
    {
        h.Cluster.RunTo("10s");
        h.Cluster.Engine.RunUntil(h.Cluster.Engine.Now + Batch);
        var stats = h.Stats;
        var result = new BatchMeans();
        for (int b = 0; b < Batches; b++)
        {
            long completed = stats.Completed, sum = stats.LatencySumMicroseconds, arrivals = stats.Arrivals, full = stats.Failed[1];
            h.Cluster.Engine.RunUntil(h.Cluster.Engine.Now + Batch);
            result.Add(measure(stats.Completed - completed, (stats.LatencySumMicroseconds - sum) / 1e6, stats.Arrivals - arrivals, stats.Failed[1] - full));
        }
        return result;
    }
}
