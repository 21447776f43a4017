using Simulator.Engine;

namespace Simulator.Cluster.Api;

public enum ConditionStatus
{
    True,
    False,
    Unknown,
}

/// <summary>Pod condition types, in the order kubectl prints them.</summary>
public enum PodConditionType
{
    PodScheduled,
    Initialized,
    ContainersReady,
    Ready,
}

public sealed record PodCondition(PodConditionType Type, ConditionStatus Status, SimTime LastTransitionTime, string Reason = "", string Message = "");
