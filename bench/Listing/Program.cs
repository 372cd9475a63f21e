using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(BrainBuddy.Bench.Listing.PageJsonBenchmark).Assembly).Run(args);
