using System.Collections.Frozen;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Prometheus;

namespace BrainBuddy.Data.Storage.Metrics;

/// <summary>
/// Wraps a repository so that every call returning a task is timed into <see cref="StorageMetrics.OperationDuration"/>.
/// One proxy serves every repository interface of both backends, so the labels are the same on each and a new
/// repository method is timed without anyone remembering to. Property reads and streamed listings pass through untimed.
/// </summary>
#pragma warning disable CA1852 // Seal internal types: DispatchProxy generates a subclass of this type at run time.
internal class TimedRepository<T> : DispatchProxy
#pragma warning restore CA1852
    where T : class
{
    private T inner = null!;
    private FrozenDictionary<MethodInfo, Histogram.Child> timers = FrozenDictionary<MethodInfo, Histogram.Child>.Empty;

    public static T Wrap(T inner, string backend, string collection)
    {
        var proxy = Create<T, TimedRepository<T>>();
        var timed = (TimedRepository<T>)(object)proxy;
        timed.inner = inner;
        timed.timers = typeof(T).GetMethods()
            .Where(method => typeof(Task).IsAssignableFrom(method.ReturnType))
            .ToFrozenDictionary(method => method, method => StorageMetrics.OperationDuration.WithLabels(backend, collection, OperationName(method)));
        return proxy;
    }

    /// <summary>"GetLatestLabelledChangeByUserAsync" → "get_latest_labelled_change_by_user".</summary>
    public static string OperationName(MethodInfo method) =>
        BsonConfiguration.ToSnakeCase(method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name[..^5] : method.Name);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod is null || !timers.TryGetValue(targetMethod, out var timer))
        {
            return Call(targetMethod!, args);
        }

        var started = Stopwatch.GetTimestamp();
        var task = (Task)Call(targetMethod, args)!;
        if (task.IsCompleted)
        {
            // The embedded store answers most reads synchronously: no continuation needed.
            timer.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        else
        {
            task.ContinueWith(
                static (_, state) => ((Timing)state!).Stop(),
                new Timing(timer, started),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        return task;
    }

    private object? Call(MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(inner, args);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is { } thrown)
        {
            // The caller sees the repository's own exception (DuplicateKeyException, …), not reflection's wrapper.
            ExceptionDispatchInfo.Capture(thrown).Throw();
            throw;
        }
    }

    private sealed record Timing(Histogram.Child Timer, long Started)
    {
        public void Stop() => Timer.Observe(Stopwatch.GetElapsedTime(Started).TotalSeconds);
    }
}
