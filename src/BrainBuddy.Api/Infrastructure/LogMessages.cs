namespace BrainBuddy.Api.Infrastructure;

internal static partial class LogMessages
{
    [LoggerMessage(2001, LogLevel.Error, "Unhandled exception on {Method} {Path}")]
    public static partial void UnhandledException(this ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(2002, LogLevel.Warning, "DEVELOPMENT ONLY: generated a secret at {Path}. Never use it in production; configure real keys through the environment.")]
    public static partial void DevelopmentSecretGenerated(this ILogger logger, string path);
}
