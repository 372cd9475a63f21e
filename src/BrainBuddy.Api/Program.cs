using BrainBuddy.Api;
using BrainBuddy.Api.Accounts;
using BrainBuddy.Api.Audio;
using BrainBuddy.Api.Cli;
using BrainBuddy.Api.Habits;
using BrainBuddy.Api.Infrastructure;
using BrainBuddy.Api.Knowledge;
using BrainBuddy.Api.Personalization;
using BrainBuddy.Api.Sessions;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

// appsettings.json is read from beside the binaries, whatever directory the service is started in.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Configure storage, accounts, knowledge, personal models and jobs, then the web conventions
builder.AddBrainBuddyServices();
builder.AddBrainBuddyWeb();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestBodyLimit();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapHealthApi();
app.MapBrainBuddyOpenApi();
app.MapAccountsApi();
app.MapMeApi();
app.MapSessionsApi();
app.MapHabitsApi();
app.MapAudioApi();
app.MapKnowledgeApi();
app.MapPersonalizationApi();
app.MapJobsDashboard();

await app.RunAsync();
return 0;
