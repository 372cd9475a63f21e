using System.Collections.Frozen;
using System.Diagnostics;
using System.Linq.Expressions;
using System.Reflection;
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
    private FrozenDictionary<MethodInfo, Forward> forwards = FrozenDictionary<MethodInfo, Forward>.Empty;

    public static T Wrap(T inner, string backend, string collection)
    {
        var proxy = Create<T, TimedRepository<T>>();
        var timed = (TimedRepository<T>)(object)proxy;
        timed.inner = inner;
        timed.forwards = typeof(T).GetInterfaces().Append(typeof(T)).SelectMany(type => type.GetMethods()).ToFrozenDictionary(method => method, method => new Forward(
            Compile(method),
            typeof(Task).IsAssignableFrom(method.ReturnType) ? StorageMetrics.OperationDuration.WithLabels(backend, collection, OperationName(method)) : null));
        return proxy;
    }

    /// <summary>"GetLatestLabelledChangeByUserAsync" → "get_latest_labelled_change_by_user".</summary>
    public static string OperationName(MethodInfo method) =>
        BsonConfiguration.ToSnakeCase(method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name[..^5] : method.Name);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var forward = forwards[targetMethod!];
        if (forward.Timer is not { } timer)
        {
            return forward.Call(inner, args);
        }

        var started = Stopwatch.GetTimestamp();
        var task = (Task)forward.Call(inner, args)!;
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

    /// <summary>
    /// <c>(repository, args) =&gt; repository.Method((A0)args[0], …)</c>, compiled once. Calling through
    /// <see cref="MethodBase.Invoke(object, object[])"/> instead checked every argument and wrapped every exception on
    /// every call, about a twentieth of a session listing's CPU (bench/README.md); the repository's own exceptions
    /// (DuplicateKeyException, …) now reach the caller as they are.
    /// </summary>
    private static Func<T, object?[]?, object?> Compile(MethodInfo method)
    {
        var repository = Expression.Parameter(typeof(T), "repository");
        var args = Expression.Parameter(typeof(object[]), "args");
        var arguments = method.GetParameters().Select((parameter, i) =>
            Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), parameter.ParameterType));
        var call = Expression.Call(repository, method, arguments);
        var body = method.ReturnType == typeof(void)
            ? (Expression)Expression.Block(call, Expression.Constant(null))
            : Expression.Convert(call, typeof(object));
        return Expression.Lambda<Func<T, object?[]?, object?>>(body, repository, args).Compile();
    }

    /// <summary>How one interface method reaches the repository, and its timer if it returns a task.</summary>
    private sealed record Forward(Func<T, object?[]?, object?> Call, Histogram.Child? Timer);

    private sealed record Timing(Histogram.Child Timer, long Started)
    {
        public void Stop() => Timer.Observe(Stopwatch.GetElapsedTime(Started).TotalSeconds);
    }
}
