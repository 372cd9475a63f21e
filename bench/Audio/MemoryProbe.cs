using System.Diagnostics;
using BrainBuddy.Audio.Rendering;

namespace BrainBuddy.Audio.Bench;

/// <summary>Renders the standard work of a given length in this process and prints one tab-separated line for the parent.</summary>
internal static class MemoryProbe
{
    public static void RenderAndReport(double minutes)
    {
        var renderer = WavRenderer.Create(StandardWork.Binaural(minutes * 60));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        renderer.WriteAsync(Stream.Null).GetAwaiter().GetResult();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"{process.PeakWorkingSet64}\t{allocated}\t{renderer.ContentLength}");
    }

    /// <summary>Runs <see cref="RenderAndReport"/> in a child process and returns (peak working set, allocated bytes, file bytes).</summary>
    public static async Task<(long PeakWorkingSet, long Allocated, long FileBytes)> MeasureInChildAsync(double minutes)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true };

        // Launched as "dotnet Bench.dll" the process path is the host, which needs the assembly as its first argument.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(MemoryProbe).Assembly.Location);
        }

        start.ArgumentList.Add("memory");
        start.ArgumentList.Add(minutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var child = Process.Start(start)!;
        var line = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var fields = line.Trim().Split('\t').Select(long.Parse).ToArray();
        return (fields[0], fields[1], fields[2]);
    }
}
