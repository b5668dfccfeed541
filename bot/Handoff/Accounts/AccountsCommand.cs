using ChatSupport.Bot.ConsoleAccess;
using ChatSupport.Bot.Storage;
using ChatSupport.Domain.Handoff;

namespace ChatSupport.Bot.Handoff.Accounts;

/// <summary>
/// <c>accounts add --user NAME --role counselor|supervisor|admin --password-stdin</c> and
/// <c>accounts list</c>: manage console accounts in the configured store (the same configuration
/// as the host: appsettings, environment variables, <c>ChatSupport__Storage__ConnectionString</c>).
/// </summary>
public static class AccountsCommand
{
    private const string Usage = "usage: accounts add --user NAME --role counselor|supervisor|admin --password-stdin\n       accounts list";

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var configuration = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] }).Configuration;
        return RunAsync(args, stdin, stdout, stderr, configuration).GetAwaiter().GetResult();
    }

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] is not ("add" or "list"))
        {
            await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        var database = StorageOptions.CreateDatabase(configuration);
        await database.MigrateAsync().ConfigureAwait(false);
        var consoleOptions = configuration.GetSection(ConsoleOptions.SectionName).Get<ConsoleOptions>() ?? new ConsoleOptions();
        var accounts = new ConsoleAccounts(database, TimeProvider.System, consoleOptions);

        if (args[0] == "list")
        {
            foreach (var account in await accounts.ListAsync().ConfigureAwait(false))
            {
                await stdout.WriteLineAsync($"{account.UserName}\t{account.Role.ToWire()}{(account.LockedOut ? "\tlocked" : string.Empty)}").ConfigureAwait(false);
            }

            return 0;
        }

        string? user = null;
        string? roleText = null;
        var passwordFromStdin = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--user" when i + 1 < args.Length: user = args[++i]; break;
                case "--role" when i + 1 < args.Length: roleText = args[++i]; break;
                case "--password-stdin": passwordFromStdin = true; break;
                default:
                    await stderr.WriteLineAsync($"Unknown or incomplete option '{args[i]}'.\n{Usage}").ConfigureAwait(false);
                    return 2;
            }
        }

        if (user is null || roleText is null || !passwordFromStdin)
        {
            await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        if (!CounselorRoles.TryParse(roleText, out var role))
        {
            await stderr.WriteLineAsync("The role must be counselor, supervisor or admin.").ConfigureAwait(false);
            return 2;
        }

        var password = (await stdin.ReadLineAsync().ConfigureAwait(false))?.TrimEnd('\r') ?? string.Empty;
        var error = await accounts.AddAsync(user, role, password).ConfigureAwait(false);
        if (error is not null)
        {
            await stderr.WriteLineAsync(error).ConfigureAwait(false);
            return 1;
        }

        await stdout.WriteLineAsync($"Created {role.ToWire()} account '{user}'.").ConfigureAwait(false);
        return 0;
    }
}
