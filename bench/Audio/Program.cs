using BrainBuddy.Audio.Bench;

// Child mode measures one render's memory in a fresh process, because a peak working set only ever grows.
if (args is ["memory", var minutes])
{
    MemoryProbe.RenderAndReport(double.Parse(minutes, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

await AudioBenchmark.RunAsync(Console.Out);
