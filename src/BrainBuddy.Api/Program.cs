using BrainBuddy.Api;
using BrainBuddy.Api.Accounts;
using BrainBuddy.Api.Admin;
using BrainBuddy.Api.Audio;
using BrainBuddy.Api.Cli;
using BrainBuddy.Api.Habits;
using BrainBuddy.Api.Infrastructure;
using BrainBuddy.Api.Knowledge;
using BrainBuddy.Api.Operations;
using BrainBuddy.Api.Personalization;
using BrainBuddy.Api.Privacy;
using BrainBuddy.Api.Sessions;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

// appsettings.json is read from beside the binaries, whatever directory the service is started in.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Configure storage, accounts, knowledge, personal models and jobs, then the web conventions, hardening and metrics
builder.AddBrainBuddyServices();
builder.AddBrainBuddyWeb();
builder.AddBrainBuddyHardening();
builder.AddBrainBuddyMetrics();

var app = builder.Build();

app.UseRequestLogging();
app.UseBrainBuddyHardening();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestBodyLimit();
app.UseRouting();
app.UseBrainBuddyHttpMetrics();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapHealthApi();
app.MapBrainBuddyMetrics();
app.MapBrainBuddyOpenApi();
app.MapAccountsApi();
app.MapMeApi();
app.MapPrivacyApi();
app.MapSessionsApi();
app.MapHabitsApi();
app.MapAudioApi();
app.MapKnowledgeApi();
app.MapPersonalizationApi();
app.MapAdminApi();
app.MapJobsDashboard();

await app.RunAsync();
return 0;
