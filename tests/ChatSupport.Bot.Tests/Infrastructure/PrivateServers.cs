using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ChatSupport.Bot.Tests.Infrastructure;

/// <summary>
/// Private PostgreSQL and Redis servers for the test run: started on free loopback ports from the Debian packages'
/// binaries (tests/run.sh installs them), one of each per test process, stopped by their own pid when the process
/// ends. Outside CI, tests that need a server are skipped (with the reason) when its binaries are absent; in CI
/// (<c>CI=true</c>) they run and fail.
/// </summary>
public static class PrivateServers
{
    private static readonly Lazy<Task<PostgresServer>> Postgres = new(PostgresServer.StartAsync);
    private static readonly Lazy<Task<RedisServer>> Redis = new(RedisServer.StartAsync);

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The reason to skip PostgreSQL tests, or null when they must run.</summary>
    public static string? PostgresSkipReason =>
        InCi || PostgresServer.FindBinaries() is not null
            ? null
            : "PostgreSQL is not installed (/usr/lib/postgresql/*/bin); tests/run.sh installs it.";

    /// <summary>The reason to skip Redis tests, or null when they must run.</summary>
    public static string? RedisSkipReason =>
        InCi || RedisServer.FindBinary() is not null
            ? null
            : "redis-server is not installed; tests/run.sh installs it.";

    public static Task<PostgresServer> PostgresAsync() => Postgres.Value;

    public static Task<RedisServer> RedisAsync() => Redis.Value;

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static bool IsRoot => OperatingSystem.IsLinux() && string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    internal static async Task<string> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({process.ExitCode}): {await error.ConfigureAwait(false)}");
        }

        return await output.ConfigureAwait(false);
    }

    /// <summary>
    /// Makes sure the server stops with this test process even when the test host ends without running exit
    /// handlers: a small watcher signals the server's own pid once this process is gone.
    /// </summary>
    internal static void StopWhenThisProcessEnds(Process server, string? directory = null)
    {
        var watcher = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var arg in new[]
        {
            "-c",
            """
            while kill -0 "$1" 2>/dev/null; do sleep 1; done
            kill -INT "$2" 2>/dev/null
            i=0; while kill -0 "$2" 2>/dev/null && [ $i -lt 20 ]; do sleep 0.5; i=$((i+1)); done
            kill -KILL "$2" 2>/dev/null
            [ -n "$3" ] && rm -rf "$3"
            true
            """,
            "watcher", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), directory ?? string.Empty,
        })
        {
            watcher.ArgumentList.Add(arg);
        }

        Process.Start(watcher)?.Dispose();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(server);
    }

    /// <summary>Stops a server this process started: SIGINT (PostgreSQL's fast shutdown; Redis exits), then SIGKILL after 10 s.</summary>
    internal static void Stop(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            kill?.WaitForExit(5_000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }

        if (!process.WaitForExit(10_000))
        {
            process.Kill();
            process.WaitForExit(5_000);
        }
    }
}

/// <summary>A private PostgreSQL cluster in a temporary folder, trust authentication on 127.0.0.1 only.</summary>
public sealed class PostgresServer
{
    private const string SuperUser = "postgres";
    private readonly Process _process;
    private readonly string _directory;
    private int _databases;

    private PostgresServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
        PrivateServers.StopWhenThisProcessEnds(process, directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = SuperUser, Database = database, Pooling = true, MaxPoolSize = 20 }.ConnectionString;

    /// <summary>A new empty database (the schema is left to the code under test).</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..8]}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    internal static string? FindBinaries() =>
        System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "postgres")) && File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    internal static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (install the postgresql package; tests/run.sh does).");

        // initdb and postgres refuse to run as root: as root, both run as the 'postgres' system user the package creates.
        var asUser = PrivateServers.IsRoot ? new[] { "setpriv", "--reuid=postgres", "--regid=postgres", "--clear-groups", "--" } : [];
        var directory = Path.Combine(Path.GetTempPath(), $"chatsupport-pg-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        System.IO.Directory.CreateDirectory(directory);
        if (PrivateServers.IsRoot)
        {
            await PrivateServers.RunAsync("chown", "postgres:postgres", directory);
        }

        var data = Path.Combine(directory, "data");
        await RunAs(asUser, Path.Combine(bin, "initdb"), "-D", data, "-U", SuperUser, "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C");
        var port = PrivateServers.FreePort();
        var start = new ProcessStartInfo(asUser.Length > 0 ? asUser[0] : Path.Combine(bin, "postgres"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in asUser.Skip(1).Concat(asUser.Length > 0 ? [Path.Combine(bin, "postgres")] : []))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var arg in new[]
        {
            "-D", data, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", directory,
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
            "-c", "max_connections=300", "-c", "shared_buffers=32MB",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("postgres did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PostgresServer(process, directory, port);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
                await connection.OpenAsync();
                return server;
            }
            catch (Exception ex) when (ex is NpgsqlException or SocketException or IOException)
            {
                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    server.Stop();
                    throw new InvalidOperationException($"The private PostgreSQL server did not start (exit {(process.HasExited ? process.ExitCode : -1)}).", ex);
                }

                await Task.Delay(200);
            }
        }
    }

    private static Task<string> RunAs(string[] asUser, string file, params string[] args) =>
        asUser.Length == 0 ? PrivateServers.RunAsync(file, args) : PrivateServers.RunAsync(asUser[0], [.. asUser.Skip(1), file, .. args]);

    private void Stop()
    {
        PrivateServers.Stop(_process);
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>A private Redis server without persistence on 127.0.0.1.</summary>
public sealed class RedisServer
{
    private RedisServer(Process process, int port)
    {
        Port = port;
        PrivateServers.StopWhenThisProcessEnds(process);
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    internal static string? FindBinary() =>
        new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);

    internal static async Task<RedisServer> StartAsync()
    {
        var binary = FindBinary() ?? throw new InvalidOperationException("redis-server not found (install the redis-server package; tests/run.sh does).");
        var port = PrivateServers.FreePort();
        var start = new ProcessStartInfo(binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--protected-mode", "yes" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, port);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException)
            {
                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    PrivateServers.Stop(process);
                    throw new InvalidOperationException("The private Redis server did not start.");
                }

                await Task.Delay(100);
            }
        }
    }
}
