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

    /// <summary>The account is disabled (<c>accounts disable</c>); the password is not checked.</summary>
    Disabled,
}

/// <summary>
/// Console accounts: PBKDF2 password hashes (ASP.NET Core's <see cref="PasswordHasher{TUser}"/>, HMAC-SHA512 at
/// <see cref="Pbkdf2Iterations"/> iterations; an older hash is replaced at the next sign-in), roles, availability,
/// disabling, and a lockout after <see cref="ConsoleOptions.MaxFailedSignIns"/> failures in a row, counted atomically.
/// </summary>
public sealed class ConsoleAccounts(StoreDatabase database, TimeProvider clock, ConsoleOptions options) : ICounselorDirectory, ICounselorPresence
{
    public const int MinPasswordLength = 12;

    /// <summary>PBKDF2-HMAC-SHA512 iterations: OWASP's Password Storage Cheat Sheet figure for SHA-512 (210,000).</summary>
    public const int Pbkdf2Iterations = 210_000;

    private static readonly PasswordHasher<string> Hasher = new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = Pbkdf2Iterations,
    }));

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

    /// <summary>
    /// Checks the password. A locked account fails even with the right password until the lockout ends; a
    /// disabled account always fails. Failures are counted in one conditional update, so parallel wrong
    /// passwords lock the account exactly as sequential ones do.
    /// </summary>
    public async Task<(SignInOutcome Outcome, CounselorAccount? Account)> SignInAsync(string? userName, string? password, CancellationToken cancellationToken = default)
    {
        if (!IsValidUserName(userName) || string.IsNullOrEmpty(password))
        {
            return (SignInOutcome.Failed, null);
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        string hash;
        CounselorRole role;
        DateTimeOffset? lockedUntil;
        bool disabled;
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT password_hash, role, locked_until, disabled FROM console_accounts WHERE user_name = $u;";
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
            lockedUntil = reader.IsDBNull(2) ? null : DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            disabled = reader.GetInt64(3) != 0;
        }

        var now = clock.GetUtcNow();
        if (disabled)
        {
            Hasher.VerifyHashedPassword(userName!, DummyHash, password);
            return (SignInOutcome.Disabled, null);
        }

        if (lockedUntil > now)
        {
            return (SignInOutcome.LockedOut, null);
        }

        var verification = Hasher.VerifyHashedPassword(userName!, hash, password);
        using var update = connection.CreateCommand();
        update.Parameters.AddWithValue("$u", userName);
        if (verification != PasswordVerificationResult.Failed)
        {
            // Signing in means being at work: the counselor is available until they say they are away.
            // A hash made with fewer iterations is replaced by one at today's count.
            update.CommandText = verification == PasswordVerificationResult.SuccessRehashNeeded
                ? "UPDATE console_accounts SET failed_attempts = 0, locked_until = NULL, status = 'available', seen_at = $now, password_hash = $h WHERE user_name = $u AND disabled = 0;"
                : "UPDATE console_accounts SET failed_attempts = 0, locked_until = NULL, status = 'available', seen_at = $now WHERE user_name = $u AND disabled = 0;";
            if (verification == PasswordVerificationResult.SuccessRehashNeeded)
            {
                update.Parameters.AddWithValue("$h", Hasher.HashPassword(userName!, password));
            }

            update.Parameters.AddWithValue("$now", Stamp(now));

            return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1
                ? (SignInOutcome.Succeeded, new CounselorAccount(userName!, role, CounselorStatus.Available, false, InConsole: true))
                : (SignInOutcome.Disabled, null);
        }

        // One statement reads and writes the count (no lost updates between parallel failures). An expired
        // lockout starts the count again at one; a lockout still running is never shortened.
        update.CommandText = """
            UPDATE console_accounts SET
                failed_attempts = CASE WHEN (CASE WHEN locked_until IS NOT NULL AND locked_until <= $now THEN 1 ELSE failed_attempts + 1 END) >= $max
                    THEN 0 ELSE (CASE WHEN locked_until IS NOT NULL AND locked_until <= $now THEN 1 ELSE failed_attempts + 1 END) END,
                locked_until = CASE
                    WHEN (CASE WHEN locked_until IS NOT NULL AND locked_until <= $now THEN 1 ELSE failed_attempts + 1 END) >= $max THEN $lockUntil
                    WHEN locked_until > $now THEN locked_until
                    ELSE NULL END
            WHERE user_name = $u
            RETURNING locked_until;
            """;
        update.Parameters.AddWithValue("$now", now.ToString("O", CultureInfo.InvariantCulture));
        update.Parameters.AddWithValue("$max", options.MaxFailedSignIns);
        update.Parameters.AddWithValue("$lockUntil", (now + options.LockoutDuration).ToString("O", CultureInfo.InvariantCulture));
        var locked = await update.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return (locked is string ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
    }

    /// <summary>Disables or enables an account; false when it does not exist. Disabling ends its sessions (the caller revokes them).</summary>
    public async Task<bool> SetDisabledAsync(string userName, bool disabled, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = disabled
            ? "UPDATE console_accounts SET disabled = 1, status = 'away' WHERE user_name = $u;"
            : "UPDATE console_accounts SET disabled = 0, failed_attempts = 0, locked_until = NULL WHERE user_name = $u;";
        command.Parameters.AddWithValue("$u", userName);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Sets a new password (same rules as <see cref="AddAsync"/>); returns an error in plain words, or null.</summary>
    public async Task<string?> SetPasswordAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        if (password.Length < MinPasswordLength)
        {
            return $"The password must be at least {MinPasswordLength} characters.";
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE console_accounts SET password_hash = $h, failed_attempts = 0, locked_until = NULL WHERE user_name = $u;";
        command.Parameters.AddWithValue("$u", userName);
        command.Parameters.AddWithValue("$h", Hasher.HashPassword(userName, password));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1 ? null : $"There is no account '{userName}'.";
    }

    /// <summary>True when the account exists and is disabled.</summary>
    public async Task<bool> IsDisabledAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE((SELECT disabled FROM console_accounts WHERE user_name = $u), 0);";
        command.Parameters.AddWithValue("$u", userName);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) != 0;
    }

    public async Task<IReadOnlyList<CounselorAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<CounselorAccount>();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_name, role, status, locked_until, seen_at FROM console_accounts ORDER BY user_name;";
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
        command.CommandText = "SELECT user_name, role, status, locked_until, seen_at FROM console_accounts WHERE user_name = $u;";
        command.Parameters.AddWithValue("$u", userName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadAccount(reader) : null;
    }

    public async Task<bool> SetStatusAsync(string userName, CounselorStatus status, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();

        // Saying "available" is done from the console, so it counts as being seen there.
        command.CommandText = status == CounselorStatus.Available
            ? "UPDATE console_accounts SET status = 'available', seen_at = $now WHERE user_name = $u;"
            : "UPDATE console_accounts SET status = 'away' WHERE user_name = $u;";
        command.Parameters.AddWithValue("$u", userName);
        command.Parameters.AddWithValue("$now", Stamp(clock.GetUtcNow()));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>The console of <paramref name="userName"/> is open now (<see cref="ICounselorPresence"/>).</summary>
    public async Task SeenAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE console_accounts SET seen_at = $now WHERE user_name = $u;";
        command.Parameters.AddWithValue("$u", userName);
        command.Parameters.AddWithValue("$now", Stamp(clock.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM console_accounts);";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 1;
    }

    private static string Stamp(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static readonly string DummyHash = Hasher.HashPassword("nobody", Guid.NewGuid().ToString());

    private CounselorAccount ReadAccount(DbDataReader reader)
    {
        CounselorRoles.TryParse(reader.GetString(1), out var role);
        var now = clock.GetUtcNow();
        var locked = !reader.IsDBNull(3) && DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) > now;
        var inConsole = !reader.IsDBNull(4) && now - DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) <= CounselorPresence.Window;
        return new CounselorAccount(reader.GetString(0), role, reader.GetString(2) == "available" ? CounselorStatus.Available : CounselorStatus.Away, locked, inConsole);
    }
}
