using Hangfire.Logging;

namespace BrainBuddy.Api.Personalization;

/// <summary>Hangfire's logging, switched off (for test hosts; see where it is used).</summary>
internal sealed class SilentHangfireLog : ILogProvider, ILog
{
    public ILog GetLogger(string name) => this;

    public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string> messageFunc, Exception exception) => false;
}
