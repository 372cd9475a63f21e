using System.CommandLine;
using BrainBuddy.Api.Demo;

namespace BrainBuddy.Api.Cli;

internal static class DemoCommand
{
    public const string Name = "seed-demo";

    public static Command Create(CommandContext context)
    {
        var password = new Option<string?>("--password") { Description = "The demo account's password (at least 10 characters); a random one is printed otherwise." };
        var command = new Command(Name, $"Create the demo account {DemoSeeder.Email} with four weeks of sessions and two habits; does nothing if it exists.") { password };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var scope = (await context.OpenStoreAsync()).CreateScope();
            DemoSeedResult seeded;
            try
            {
                seeded = await ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider).SeedAsync(result.GetValue(password), cancellationToken);
            }
            catch (InvalidOperationException exception)
            {
                await Console.Error.WriteLineAsync(exception.Message);
                return 1;
            }

            Console.WriteLine(seeded.Created
                ? $"created {DemoSeeder.Email} (id {seeded.UserId}) with {seeded.Sessions} sessions, {seeded.Habits} habits and {seeded.Attempts} attempts\npassword: {seeded.Password}"
                : $"{DemoSeeder.Email} exists (id {seeded.UserId}); nothing changed");
            return 0;
        });
        return command;
    }
}
