using System.Data.Common;
using System.Globalization;
using ChatSupport.Bot.ConsoleAccess;
using ChatSupport.Bot.Storage;
using ChatSupport.Domain.Handoff;
using Microsoft.AspNetCore.Identity;

namespace ChatSupport.Bot.Handoff.Accounts;

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
}

/// <summary>
/// Console accounts: PBKDF2 password hashes (ASP.NET Core's <see cref="PasswordHasher{TUser}"/>),
/// roles, availability, and a lockout after <see cref="ConsoleOptions.MaxFailedSignIns"/> failures in a row.
/// </summary>
public sealed class ConsoleAccounts(StoreDatabase database, TimeProvider clock, ConsoleOptions options) : ICounselorDirectory
{
    public const int MinPasswordLength = 12;
    private static readonly PasswordHasher<string> Hasher = new();

    public static bool IsValidUserName(string? name) =>
        name is { Length: > 0 and <= 64 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    /// <summary>Creates an account; returns an error in plain words, or null on success.</summary>
    public async Task<string?> AddAsync(string userName, CounselorRole role, string password, CancellationToken cancellationToken = default)
    {
        if (!IsValidUserName(userName))
        {
            return "The user name must be 1 to 64 letters, digits or _ - .";
        }

        if (password.Length < MinPasswordLength)
        {
            return $"The password must be at least {MinPasswordLength} characters.";
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO console_accounts (user_name, password_hash, role, created_at) VALUES ($u, $h, $r, $at)
            ON CONFLICT (user_name) DO NOTHING;
            """;
        command.Parameters.AddWithValue("$u", userName);
        command.Parameters.AddWithValue("$h", Hasher.HashPassword(userName, password));
        command.Parameters.AddWithValue("$r", role.ToWire());
        command.Parameters.AddWithValue("$at", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1 ? null : $"The account '{userName}' already exists.";
    }

    /// <summary>Checks the password. A locked account fails even with the right password until the lockout ends.</summary>
    public async Task<(SignInOutcome Outcome, CounselorAccount? Account)> SignInAsync(string? userName, string? password, CancellationToken cancellationToken = default)
    {
        if (!IsValidUserName(userName) || string.IsNullOrEmpty(password))
        {
            return (SignInOutcome.Failed, null);
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        string hash;
        CounselorRole role;
        int failed;
        DateTimeOffset? lockedUntil;
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT password_hash, role, failed_attempts, locked_until FROM console_accounts WHERE user_name = $u;";
            read.Parameters.AddWithValue("$u", userName);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // Same work as a real check, so timing does not tell which names exist.
                Hasher.VerifyHashedPassword(userName!, DummyHash, password);
                return (SignInOutcome.Failed, null);
            }

            hash = reader.GetString(0);
            CounselorRoles.TryParse(reader.GetString(1), out role);
            failed = reader.GetInt32(2);
            lockedUntil = reader.IsDBNull(3) ? null : DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        }

        var now = clock.GetUtcNow();
        if (lockedUntil > now)
        {
            return (SignInOutcome.LockedOut, null);
        }

        var verified = Hasher.VerifyHashedPassword(userName!, hash, password) != PasswordVerificationResult.Failed;
        using var update = connection.CreateCommand();
        update.Parameters.AddWithValue("$u", userName);
        if (verified)
        {
            // Signing in means being at work: the counselor is available until they say they are away.
            update.CommandText = "UPDATE console_accounts SET failed_attempts = 0, locked_until = NULL, status = 'available' WHERE user_name = $u;";
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return (SignInOutcome.Succeeded, new CounselorAccount(userName!, role, CounselorStatus.Available, false));
        }

        failed = lockedUntil is null ? failed + 1 : 1;
        var lockNow = failed >= options.MaxFailedSignIns;
        update.CommandText = "UPDATE console_accounts SET failed_attempts = $f, locked_until = $l WHERE user_name = $u;";
        update.Parameters.AddWithValue("$f", lockNow ? 0 : failed);
        update.Parameters.AddWithValue("$l", lockNow ? (now + options.LockoutDuration).ToString("O", CultureInfo.InvariantCulture) : DBNull.Value);
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return (lockNow ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
    }

    public async Task<IReadOnlyList<CounselorAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<CounselorAccount>();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_name, role, status, locked_until FROM console_accounts ORDER BY user_name;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(ReadAccount(reader));
        }

        return list;
    }

    public async Task<CounselorAccount?> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_name, role, status, locked_until FROM console_accounts WHERE user_name = $u;";
        command.Parameters.AddWithValue("$u", userName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadAccount(reader) : null;
    }

    public async Task<bool> SetStatusAsync(string userName, CounselorStatus status, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE console_accounts SET status = $s WHERE user_name = $u;";
        command.Parameters.AddWithValue("$u", userName);
        command.Parameters.AddWithValue("$s", status == CounselorStatus.Available ? "available" : "away");
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM console_accounts);";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 1;
    }

    private static readonly string DummyHash = Hasher.HashPassword("nobody", Guid.NewGuid().ToString());

    private CounselorAccount ReadAccount(DbDataReader reader)
    {
        CounselorRoles.TryParse(reader.GetString(1), out var role);
        var locked = !reader.IsDBNull(3) && DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) > clock.GetUtcNow();
        return new CounselorAccount(reader.GetString(0), role, reader.GetString(2) == "available" ? CounselorStatus.Available : CounselorStatus.Away, locked);
    }
}
