using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace ChatSupport.Bot.ConsoleAccess;

/// <summary>Configuration section <c>ChatSupport:DataProtection</c>: where the keys that sign console cookies and bearer tokens live.</summary>
public sealed class DataProtectionSettings
{
    public const string SectionName = "ChatSupport:DataProtection";

    /// <summary>Directory of the key ring. Default: <c>keys</c> beside the SQLite file (<c>data/keys</c>). Share it between nodes.</summary>
    public string? KeysPath { get; set; }

    /// <summary>A PFX certificate that encrypts the keys at rest (required for production; see docs/security.md).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Its password, from the environment only (<c>ChatSupport__DataProtection__CertificatePassword</c>).</summary>
    public string? CertificatePassword { get; set; }
}

public static partial class ConsoleDataProtection
{
    public const string ApplicationName = "ChatSupport";

    /// <summary>
    /// Keeps the Data Protection key ring in a known directory (so cookies and tokens survive a restart and
    /// several nodes can share it) and, when a certificate is configured, encrypts every key with it. Outside
    /// Development a key ring without a certificate is stored unencrypted; a warning says so at start.
    /// </summary>
    public static IServiceCollection AddConsoleDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(DataProtectionSettings.SectionName).Get<DataProtectionSettings>() ?? new DataProtectionSettings();
        var keys = settings.KeysPath ?? DefaultKeysPath(configuration);
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToFileSystem(Directory.CreateDirectory(keys));
        if (!string.IsNullOrEmpty(settings.CertificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(settings.CertificatePath, settings.CertificatePassword);
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            services.AddHostedService<UnprotectedKeysWarning>();
        }

        return services;
    }

    private static string DefaultKeysPath(IConfiguration configuration)
    {
        var connection = configuration.GetSection(Storage.StorageOptions.SectionName)[nameof(Storage.StorageOptions.ConnectionString)] ?? Storage.StorageOptions.DefaultSqliteConnectionString;
        string? source;
        try
        {
            source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource;
        }
        catch (ArgumentException)
        {
            source = null; // another store's connection string (PostgreSQL): keep the keys under data/
        }

        var directory = string.IsNullOrEmpty(source) || source == ":memory:" ? "data" : Path.GetDirectoryName(Path.GetFullPath(source)) ?? "data";
        return Path.Combine(directory, "keys");
    }

    private sealed partial class UnprotectedKeysWarning(ILogger<UnprotectedKeysWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            Log.Unprotected(logger);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private static partial class Log
        {
            [LoggerMessage(1, LogLevel.Warning, "The Data Protection keys are stored without encryption; set ChatSupport:DataProtection:CertificatePath (docs/security.md).", EventName = "KeysUnprotected")]
            public static partial void Unprotected(ILogger logger);
        }
    }
}
