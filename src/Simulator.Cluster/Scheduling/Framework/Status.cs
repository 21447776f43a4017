namespace Simulator.Cluster.Scheduling.Framework;

/// <summary>kube-scheduler's status codes (framework/interface.go).</summary>
public enum StatusCode
{
    Success,
    Error,

    /// <summary>The pod does not fit now, but preemption might make it fit.</summary>
    Unschedulable,

    /// <summary>The pod can never fit this node as it is (affinity, taints); preemption cannot help.</summary>
    UnschedulableAndUnresolvable,
    Wait,
    Skip,
}

/// <summary>
/// The outcome of a plugin call, as a value: a code, the reasons shown in the FailedScheduling
/// message, and the plugin that failed. Success carries nothing and allocates nothing.
/// </summary>
public readonly struct Status
{
    private readonly string? _reason;
    private readonly string[]? _reasons;

    private Status(StatusCode code, string? reason, string[]? reasons, string plugin)
    {
        Code = code;
        _reason = reason;
        _reasons = reasons;
        Plugin = plugin;
    }

    public static Status Success => default;

    public static Status Skip => new(StatusCode.Skip, null, null, "");

    public StatusCode Code { get; }

    /// <summary>The plugin that returned this status ("" for success).</summary>
    public string Plugin { get; }

    public bool IsSuccess => Code == StatusCode.Success;

    public bool IsRejected => Code is StatusCode.Unschedulable or StatusCode.UnschedulableAndUnresolvable;

    public static Status Unschedulable(string plugin, string reason) => new(StatusCode.Unschedulable, reason, null, plugin);

    public static Status Unresolvable(string plugin, string reason) => new(StatusCode.UnschedulableAndUnresolvable, reason, null, plugin);

    public static Status WithReasons(StatusCode code, string plugin, string[] reasons) =>
        reasons.Length == 1 ? new(code, reasons[0], null, plugin) : new(code, null, reasons, plugin);

    public static Status Error(string plugin, string message) => new(StatusCode.Error, message, null, plugin);

    /// <summary>The reasons, each counted once per node in the "0/N nodes are available" histogram.</summary>
    public IReadOnlyList<string> Reasons =>
        _reasons ?? (_reason is null ? [] : [_reason]);

    /// <summary>How many reasons there are; with <see cref="ReasonAt"/>, reads them without allocating.</summary>
    public int ReasonCount => _reasons?.Length ?? (_reason is null ? 0 : 1);

    public string ReasonAt(int index) => _reasons is { } all ? all[index] : index == 0 && _reason is not null ? _reason : throw new ArgumentOutOfRangeException(nameof(index));

    public override string ToString() => IsSuccess ? "Success" : $"{Code}({Plugin}): {string.Join(", ", Reasons)}";
}
