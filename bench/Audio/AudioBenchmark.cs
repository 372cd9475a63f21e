using System.Diagnostics;
using System.Globalization;
using BrainBuddy.Audio.Rendering;

namespace BrainBuddy.Audio.Bench;

/// <summary>
/// Measures the standard work against sox and prints a Markdown report. The machine is shared, so next to wall time it
/// reports CPU time (user + system), which other processes' load disturbs far less.
/// </summary>
internal static class AudioBenchmark
{
    private const int Runs = 5;

    public static async Task RunAsync(TextWriter report)
    {
        var outputDirectory = Path.Combine(AppContext.BaseDirectory, "bench-out");
        Directory.CreateDirectory(outputDirectory);
        var ourFile = Path.Combine(outputDirectory, "brainbuddy-600s.wav");
        var zeroFile = Path.Combine(outputDirectory, "zeros-600s.bin");
        var soxFile = Path.Combine(outputDirectory, "sox-600s.wav");

        var standard = WavRenderer.Create(StandardWork.Binaural(StandardWork.Seconds));
        var fullMix = WavRenderer.Create(StandardWork.FullMix(StandardWork.Seconds));

        // Warm-up: let tiered compilation reach its optimised tier (it recompiles in the background) before timing.
        for (var i = 0; i < 10; i++)
        {
            await WavRenderer.Create(StandardWork.Binaural(60)).WriteAsync(Stream.Null);
            await WavRenderer.Create(StandardWork.FullMix(60)).WriteAsync(Stream.Null);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));

        var toDisk = await MeasureAsync(() => WriteFileAsync(ourFile, file => standard.WriteAsync(file)));
        var ioFloor = await MeasureAsync(() => WriteFileAsync(zeroFile, file => WriteZerosAsync(file, standard.ContentLength)));
        var synthesis = await MeasureAsync(() => standard.WriteAsync(Stream.Null));
        var fullMixSynthesis = await MeasureAsync(() => fullMix.WriteAsync(Stream.Null));
        var sox = await MeasureSoxAsync(soxFile);

        report.WriteLine($"Standard work: {StandardWork.Seconds / 60} min, 44.1 kHz, stereo, 16-bit, binaural 200 Hz / 10 Hz beat, level 0.5, 5 s fades ({standard.ContentLength:N0} bytes).");
        report.WriteLine($"Runtime: .NET {Environment.Version}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; {Runs} runs each after warm-up; load average at start {LoadAverage()}.");
        report.WriteLine($"Same file sizes: ours {new FileInfo(ourFile).Length:N0} bytes, sox {(File.Exists(soxFile) ? new FileInfo(soxFile).Length.ToString("N0", CultureInfo.InvariantCulture) : "-")} bytes.");
        report.WriteLine();
        report.WriteLine("| measurement | wall median | wall best | CPU median | samples/s (wall median) | sox ÷ ours, wall | sox ÷ ours, CPU |");
        report.WriteLine("|---|---|---|---|---|---|---|");
        Row(report, "Brain Buddy: render and write the WAV to disk", standard, toDisk, sox);
        Row(report, "I/O floor: write the same number of zero bytes in 64 KiB writes, as the renderer does", standard, ioFloor, sox);
        Row(report, "Brain Buddy: synthesis only (render + 16-bit packing to Stream.Null)", standard, synthesis, sox);
        Row(report, $"sox `{StandardWork.SoxArguments("out.wav")}`", standard, sox, sox);
        Row(report, "Brain Buddy: full mix (binaural + isochronic + pink noise, smooth slide), synthesis only", fullMix, fullMixSynthesis, null);
        report.WriteLine();
        report.WriteLine("| render length (to Stream.Null, fresh process each) | file bytes | peak working set | managed bytes allocated during the render |");
        report.WriteLine("|---|---|---|---|");
        foreach (var minutes in new[] { 1.0, 10, 60 })
        {
            var (peak, allocated, bytes) = await MemoryProbe.MeasureInChildAsync(minutes);
            report.WriteLine($"| {minutes} min | {bytes:N0} | {peak / 1048576.0:F1} MiB | {allocated / 1024.0:F1} KiB |");
        }

        File.Delete(ourFile);
        File.Delete(zeroFile);
        File.Delete(soxFile);
    }

    private static void Row(TextWriter report, string name, WavRenderer work, Timing? timing, Timing? sox)
    {
        if (timing is not { } t)
        {
            report.WriteLine($"| {name} | not measured (sox not installed) | | | | | |");
            return;
        }

        var samplesPerSecond = work.Frames * 2 / t.WallMedian.TotalSeconds;
        var versus = sox is { } s ? $"{s.WallMedian / t.WallMedian:F1}x | {s.CpuMedian / t.CpuMedian:F1}x" : "- | -";
        report.WriteLine($"| {name} | {Ms(t.WallMedian)} | {Ms(t.WallBest)} | {Ms(t.CpuMedian)} | {samplesPerSecond / 1e9:F2} G | {versus} |");
    }

    private static async Task WriteFileAsync(string path, Func<Stream, Task> write)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        await write(file);
    }

    private static async Task WriteZerosAsync(Stream file, long bytes)
    {
        var zeros = new byte[64 * 1024];
        for (var written = 0L; written < bytes; written += zeros.Length)
        {
            await file.WriteAsync(zeros.AsMemory(0, (int)Math.Min(zeros.Length, bytes - written)));
        }
    }

    private static async Task<Timing> MeasureAsync(Func<Task> work)
    {
        using var self = Process.GetCurrentProcess();
        var runs = new List<(TimeSpan Wall, TimeSpan Cpu)>();
        for (var i = 0; i < Runs; i++)
        {
            self.Refresh();
            var cpu = self.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await work();
            watch.Stop();
            self.Refresh();
            runs.Add((watch.Elapsed, self.TotalProcessorTime - cpu));
        }

        return Timing.Of(runs);
    }

    /// <summary>Runs sox under bash so the shell's <c>times</c> builtin can report the child's CPU time.</summary>
    private static async Task<Timing?> MeasureSoxAsync(string output)
    {
        if (!File.Exists("/usr/bin/sox"))
        {
            return null;
        }

        var runs = new List<(TimeSpan Wall, TimeSpan Cpu)>();
        for (var i = 0; i < Runs; i++)
        {
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add($"sox {StandardWork.SoxArguments(output)} && times");
            var watch = Stopwatch.StartNew();
            using var bash = Process.Start(start)!;
            var times = await bash.StandardOutput.ReadToEndAsync();
            await bash.StandardError.ReadToEndAsync();
            await bash.WaitForExitAsync();
            watch.Stop();

            // Second line of `times`: the children's user and system time, e.g. "0m8.123s 0m0.101s".
            var children = times.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Split(' ');
            runs.Add((watch.Elapsed, ParseShellTime(children[0]) + ParseShellTime(children[1])));
        }

        return Timing.Of(runs);
    }

    private static TimeSpan ParseShellTime(string text)
    {
        var minutes = text.Split('m');
        return TimeSpan.FromMinutes(double.Parse(minutes[0], CultureInfo.InvariantCulture))
            + TimeSpan.FromSeconds(double.Parse(minutes[1].TrimEnd('s'), CultureInfo.InvariantCulture));
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Ms(TimeSpan time) => $"{time.TotalMilliseconds:F0} ms";

    private readonly record struct Timing(TimeSpan WallMedian, TimeSpan WallBest, TimeSpan CpuMedian)
    {
        public static Timing Of(List<(TimeSpan Wall, TimeSpan Cpu)> runs)
        {
            var walls = runs.Select(run => run.Wall).Order().ToList();
            var cpus = runs.Select(run => run.Cpu).Order().ToList();
            return new Timing(walls[runs.Count / 2], walls[0], cpus[runs.Count / 2]);
        }
    }
}
