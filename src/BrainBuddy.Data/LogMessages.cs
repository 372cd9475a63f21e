using Microsoft.Extensions.Logging;

namespace BrainBuddy.Data;

internal static partial class LogMessages
{
    [LoggerMessage(1001, LogLevel.Information, "Storage: MongoDB at {Server}, database {Database}")]
    public static partial void UsingMongo(this ILogger logger, string server, string database);

    [LoggerMessage(1002, LogLevel.Information, "Storage: embedded SQLite at {Path} (set MONGODB_URL to use MongoDB)")]
    public static partial void UsingEmbedded(this ILogger logger, string path);

    [LoggerMessage(1003, LogLevel.Critical, "The {Backend} store could not be initialised")]
    public static partial void StoreInitializationFailed(this ILogger logger, Exception exception, string backend);

    [LoggerMessage(1004, LogLevel.Error, "Audit event {Action} by {Actor} on {Target} could not be stored; the operation went on")]
    public static partial void AuditWriteFailed(this ILogger logger, Exception exception, string action, string actor, string? target);
}
