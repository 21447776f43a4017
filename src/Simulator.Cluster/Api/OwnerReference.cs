namespace Simulator.Cluster.Api;

/// <summary>
/// metav1.OwnerReference: the object that manages this one. Controllers adopt pods through it,
/// and a pod's controller is what re-creates it when it is lost.
/// </summary>
public sealed record OwnerReference(string Kind, string Name, string Uid, bool Controller = true);
