using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// The <c>plugins</c> fields of a KubeSchedulerConfiguration profile that ksim simulates, and the
/// extension point each names; shared by the reader and the writer so the two cannot drift apart.
/// </summary>
internal static class SchedulerConfigurationPoints
{
    public const string MultiPoint = "multiPoint";

    /// <summary>The single points, in the framework's order.</summary>
    public static IReadOnlyList<(string Field, ExtensionPoints At)> Single { get; } =
    [
        ("queueSort", ExtensionPoints.QueueSort),
        ("preFilter", ExtensionPoints.PreFilter),
        ("filter", ExtensionPoints.Filter),
        ("postFilter", ExtensionPoints.PostFilter),
        ("preScore", ExtensionPoints.PreScore),
        ("score", ExtensionPoints.Score),
        ("reserve", ExtensionPoints.Reserve),
        ("permit", ExtensionPoints.Permit),
    ];

    /// <summary>multiPoint (every point the plugin implements), then the single points.</summary>
    public static IReadOnlyList<(string Field, ExtensionPoints At)> All { get; } = [(MultiPoint, ExtensionPoints.All), .. Single];
}
