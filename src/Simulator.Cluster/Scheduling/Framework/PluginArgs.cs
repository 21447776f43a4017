namespace Simulator.Cluster.Scheduling.Framework;

/// <summary>A plugin's configuration (KubeSchedulerConfiguration's <c>pluginConfig[].args</c>); each configurable plugin has its own record.</summary>
public abstract record PluginArgs;
