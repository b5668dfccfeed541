using ChatSupport.Bot.ConsoleAccess;
using ChatSupport.Bot.Storage;
using ChatSupport.Domain.Handoff;

namespace ChatSupport.Bot.Handoff.Accounts;

/// <summary>
/// <c>accounts add --user NAME --role counselor|supervisor|admin --password-stdin</c>, <c>accounts list</c>,
/// <c>accounts disable|enable --user NAME</c> and <c>accounts set-password --user NAME --password-stdin</c>:
/// manage console accounts in the configured store (the same configuration as the host: appsettings,
/// environment variables, <c>ChatSupport__Storage__ConnectionString</c>). Every change is in the audit log
/// (actor <c>cli</c>); disabling and a new password end the account's sessions at once.
/// </summary>
public static class AccountsCommand
{
    /// <summary>The audit actor of changes made on the command line.</summary>
    public const string CliActor = "cli";

    private const string Usage = """
        usage: accounts add --user NAME --role counselor|supervisor|admin --password-stdin
               accounts list
               accounts disable --user NAME
               accounts enable --user NAME
               accounts set-password --user NAME --password-stdin
        """;

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
        if (args.Length == 0 || args[0] is not ("add" or "list" or "disable" or "enable" or "set-password"))
        {
            await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
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

        var command = args[0];
        var valid = command switch
        {
            "list" => user is null && roleText is null && !passwordFromStdin,
            "add" => user is not null && roleText is not null && passwordFromStdin,
            "set-password" => user is not null && roleText is null && passwordFromStdin,
            _ => user is not null && roleText is null && !passwordFromStdin,
        };
        if (!valid)
        {
            await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        var role = CounselorRole.Counselor;
        if (roleText is not null && !CounselorRoles.TryParse(roleText, out role))
        {
            await stderr.WriteLineAsync("The role must be counselor, supervisor or admin.").ConfigureAwait(false);
            return 2;
        }

        var database = StorageOptions.CreateDatabase(configuration);
        // The tables this verb uses (accounts and the audit log, console sessions); the host migrates the other features.
        await database.MigrateAsync([new HandoffMigrations(), new ConsoleAccessMigrations()]).ConfigureAwait(false);
        var consoleOptions = configuration.GetSection(ConsoleOptions.SectionName).Get<ConsoleOptions>() ?? new ConsoleOptions();
        var accounts = new ConsoleAccounts(database, TimeProvider.System, consoleOptions);
        var sessions = new ConsoleSessions(database, TimeProvider.System);
        var audit = new SqliteAuditLog(database, TimeProvider.System);

        switch (command)
        {
            case "list":
                foreach (var account in await accounts.ListAsync().ConfigureAwait(false))
                {
                    var disabled = await accounts.IsDisabledAsync(account.UserName).ConfigureAwait(false);
                    await stdout.WriteLineAsync($"{account.UserName}\t{account.Role.ToWire()}{(account.LockedOut ? "\tlocked" : string.Empty)}{(disabled ? "\tdisabled" : string.Empty)}").ConfigureAwait(false);
                }

                return 0;

            case "add":
                {
                    var error = await accounts.AddAsync(user!, role, await ReadPasswordAsync(stdin).ConfigureAwait(false)).ConfigureAwait(false);
                    if (error is not null)
                    {
                        await stderr.WriteLineAsync(error).ConfigureAwait(false);
                        return 1;
                    }

                    await audit.AppendAsync(CliActor, AuditActions.AccountAdd, null, $"{user} {role.ToWire()}").ConfigureAwait(false);
                    await stdout.WriteLineAsync($"Created {role.ToWire()} account '{user}'.").ConfigureAwait(false);
                    return 0;
                }

            case "set-password":
                {
                    var error = await accounts.SetPasswordAsync(user!, await ReadPasswordAsync(stdin).ConfigureAwait(false)).ConfigureAwait(false);
                    if (error is not null)
                    {
                        await stderr.WriteLineAsync(error).ConfigureAwait(false);
                        return 1;
                    }

                    var ended = await sessions.RevokeAllAsync(user!).ConfigureAwait(false);
                    await audit.AppendAsync(CliActor, AuditActions.AccountSetPassword, null, user).ConfigureAwait(false);
                    await stdout.WriteLineAsync($"Set a new password for '{user}'; {ended} session(s) ended.").ConfigureAwait(false);
                    return 0;
                }

            default:
                {
                    var disable = command == "disable";
                    if (!await accounts.SetDisabledAsync(user!, disable).ConfigureAwait(false))
                    {
                        await stderr.WriteLineAsync($"There is no account '{user}'.").ConfigureAwait(false);
                        return 1;
                    }

                    var ended = disable ? await sessions.RevokeAllAsync(user!).ConfigureAwait(false) : 0;
                    await audit.AppendAsync(CliActor, disable ? AuditActions.AccountDisable : AuditActions.AccountEnable, null, user).ConfigureAwait(false);
                    await stdout.WriteLineAsync(disable ? $"Disabled '{user}'; {ended} session(s) ended." : $"Enabled '{user}'.").ConfigureAwait(false);
                    return 0;
                }
        }
    }

    private static async Task<string> ReadPasswordAsync(TextReader stdin) =>
        (await stdin.ReadLineAsync().ConfigureAwait(false))?.TrimEnd('\r') ?? string.Empty;
}
