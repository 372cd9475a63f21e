using System.CommandLine;
using BrainBuddy.Api.Accounts;
using BrainBuddy.Api.Knowledge;
using BrainBuddy.Data.Audit;
using BrainBuddy.Data.Users;
using BrainBuddy.Training.Knowledge;
using Microsoft.AspNetCore.Identity;

namespace BrainBuddy.Api.Cli;

/// <summary>
/// Operator and researcher commands: `dotnet run --project src/BrainBuddy.Api -- &lt;command&gt;`. They use the same
/// configuration and services as the web host, without serving HTTP.
/// </summary>
public static class CommandLine
{
    private static readonly HashSet<string> Commands = new(StringComparer.Ordinal)
    {
        "knowledge", "users", DemoCommand.Name, DatabaseCommands.Backup, DatabaseCommands.Restore, DatabaseCommands.ExportJson, DatabaseCommands.ImportJson,
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args)
    {
        await using var app = builder.Build();
        var context = new CommandContext(app.Services);
        var root = new RootCommand("Brain Buddy operations. Without a command, the web service starts.")
        {
            KnowledgeCommand(context),
            UsersCommand(context),
            DemoCommand.Create(context),
        };
        foreach (var command in DatabaseCommands.Create(context))
        {
            root.Subcommands.Add(command);
        }

        return await root.Parse(args).InvokeAsync();
    }

    private static Command KnowledgeCommand(CommandContext context)
    {
        var path = new Argument<string>("file-or-folder") { Description = "A seed-format JSON file, or a folder of them (schema.json is skipped)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and report what would change; write nothing." };
        var load = new Command("load", "Validate and load knowledge files; a file with any problem loads nothing.") { path, dryRun };
        load.SetAction(async (result, cancellationToken) =>
        {
            var services = await context.OpenStoreAsync();
            var report = await services.GetRequiredService<KnowledgeLoader>().LoadPathAsync(result.GetValue(path)!, result.GetValue(dryRun), cancellationToken);
            await services.GetRequiredService<IAuditLog>().RecordImportAsync(AuditActors.Cli, result.GetValue(path)!, report);
            foreach (var problem in report.Problems)
            {
                await Console.Error.WriteLineAsync(problem.ToString());
            }

            Console.WriteLine(report.SummaryLine);
            return report.ExitCode;
        });
        return new Command("knowledge", "The evidence knowledge base.") { load };
    }

    private static Command UsersCommand(CommandContext context)
    {
        var email = new Argument<string>("email");
        var role = new Argument<string>("role") { Description = string.Join(" | ", RoleNames.All) };
        role.AcceptOnlyFromAmong([.. RoleNames.All]);

        var grant = new Command("grant-role", "Give a user a role.") { email, role };
        grant.SetAction(async (result, _) => await ChangeRoleAsync(await context.OpenStoreAsync(), result.GetValue(email)!, result.GetValue(role)!, grant: true));
        var revoke = new Command("revoke-role", "Take a role from a user.") { email, role };
        revoke.SetAction(async (result, _) => await ChangeRoleAsync(await context.OpenStoreAsync(), result.GetValue(email)!, result.GetValue(role)!, grant: false));
        return new Command("users", "Accounts.") { grant, revoke };
    }

    private static async Task<int> ChangeRoleAsync(IServiceProvider services, string email, string role, bool grant)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            await Console.Error.WriteLineAsync($"No account with the email {email}.");
            return 2;
        }

        var result = await scope.ServiceProvider.GetRequiredService<RoleChanges>().ChangeAsync(user, role, grant, AuditActors.Cli);
        Console.WriteLine(result.Succeeded ? $"{email}: {(grant ? "granted" : "revoked")} {role}" : string.Join("; ", result.Errors.Select(e => e.Description)));
        return result.Succeeded ? 0 : 1;
    }
}
