using System.Runtime.InteropServices;

namespace Simulator.Benchmarks.Engine;

/// <summary>
/// CPU time consumed by the calling thread, in microsecond resolution. The process-wide figure
/// .NET offers ticks in 10 ms steps on Linux, too coarse for rounds of a tenth of a second.
/// Linux only; elsewhere <see cref="IsAvailable"/> is false.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3; // CLOCK_THREAD_CPUTIME_ID

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport rather than LibraryImport: the source-generated form needs unsafe code enabled.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out Timespec time);

    public static bool IsAvailable { get; } = Probe();

    public static TimeSpan Now()
    {
        if (!IsAvailable || ClockGetTime(ClockThreadCpuTimeId, out var t) != 0) return TimeSpan.Zero;
        return TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100);
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess) return false;
        try
        {
            return ClockGetTime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
