namespace Simulator.Reporting.Comparison;

/// <summary>Which way a headline metric improves: what "better" means in a comparison.</summary>
public enum MetricDirection
{
    LowerIsBetter,
    HigherIsBetter,
}
