namespace Simulator.Cluster.Api;

/// <summary>The parts of a container the simulation uses: its image and its resources.</summary>
public sealed record Container(string Name, string Image, ResourceList Requests, ResourceList Limits);
