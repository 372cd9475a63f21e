using BrainBuddy.Api.Accounts;
using BrainBuddy.Api.Admin;
using BrainBuddy.Api.Cli;
using BrainBuddy.Api.Habits;
using BrainBuddy.Api.Infrastructure;
using BrainBuddy.Api.Knowledge;
using BrainBuddy.Api.Operations;
using BrainBuddy.Api.Privacy;
using BrainBuddy.Api.Sessions;
using BrainBuddy.Data;

// appsettings.json is read from beside the binaries, whatever directory the service is started in.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Configure storage, accounts, knowledge, the web conventions, hardening and metrics
builder.AddBrainBuddyData();
builder.AddBrainBuddyAccounts();
builder.AddBrainBuddyKnowledge();
builder.AddBrainBuddyWeb();
builder.AddBrainBuddyHardening();
builder.AddBrainBuddyMetrics();

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(builder, args);
}

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
app.MapKnowledgeApi();
app.MapAdminApi();

await app.RunAsync();
return 0;
