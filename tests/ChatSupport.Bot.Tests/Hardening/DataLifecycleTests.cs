using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ChatSupport.Bot.Channels.Line;
using ChatSupport.Bot.Cli;
using ChatSupport.Bot.DataLifecycle;
using ChatSupport.Bot.Storage;
using ChatSupport.Bot.Tests.Handoff;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.Bot.Tests.Line;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Storage;
using ChatSupport.TestSupport;
using ChatSupport.Tools.Line;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSupport.Bot.Tests.Hardening;

/// <summary>Audit findings: nothing erased one conversation on request, nothing expired, and an unknown command started the server.</summary>
public sealed class DataLifecycleTests
{
    [Fact]
    public async Task Erasing_a_Direct_Line_conversation_removes_its_text_from_every_table_and_the_files_and_audits_without_text()
    {
        using var factory = new ChatSupportFactory();
        await ConsoleClient.AddAccountAsync(factory, "sato", "counselor");
        var marker = "ひみつ" + Guid.NewGuid().ToString("N")[..8];
        var person = await DirectLineClient.StartAsync(factory);
        await person.SayAsync($"{marker}のことで、人と話したい");
        await person.SayAsync("人と話したい");
        var sato = await ConsoleClient.SignInAsync(factory, "sato");
        Assert.Equal(HttpStatusCode.OK, (await sato.PostAsync($"/api/console/conversations/{person.ConversationId}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sato.PostAsJsonAsync($"/api/console/conversations/{person.ConversationId}/notes", new { text = $"メモ {marker}" })).StatusCode);
        var other = await DirectLineClient.StartAsync(factory);
        await other.SayAsync("ほかの人の話");
        await factory.Services.GetRequiredService<ChatSupport.Bot.Storage.Sqlite.SqliteDatabase>().CheckpointAsync();
        Assert.True(FilesContain(factory.DatabasePath, marker), "the marker is in the files before the erasure");

        var stdout = new StringWriter();
        Assert.Equal(0, await DataCommand.RunAsync(["erase", "--conversation", person.ConversationId!], stdout, new StringWriter(), Configuration(factory.DatabasePath)));

        Assert.Empty(await factory.Services.GetRequiredService<ITranscriptStore>().ReadAsync(person.ConversationId!, 0, 100));
        Assert.Null(await factory.Services.GetRequiredService<HandoffQueries>().FindAsync(person.ConversationId!));
        Assert.Null(await factory.Services.GetRequiredService<IConversationStore>().FindAsync(person.ConversationId!));
        Assert.Contains(await factory.Services.GetRequiredService<ITranscriptStore>().ReadAsync(other.ConversationId!, 0, 100), e => e.Activity.Text == "ほかの人の話");
        Assert.False(FilesContain(factory.DatabasePath, marker), "the marker is gone from the database and its log");

        var audit = await factory.Services.GetRequiredService<IAuditLog>().ReadAsync(200);
        var erase = Assert.Single(audit, e => e.Action == AuditActions.Erase);
        Assert.Equal(person.ConversationId, erase.ConversationId);
        Assert.Contains("activities=", erase.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(audit, e => (e.Detail ?? string.Empty).Contains(marker, StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == AuditActions.Claim && e.ConversationId == person.ConversationId);
    }

    [Fact]
    public async Task Erasing_a_LINE_conversation_removes_the_raw_events_and_outbound_bodies_too()
    {
        using var host = new LineTestHost();
        var user = LineSimulator.NewUserId();
        var marker = "ないしょ" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.OK, (await host.Simulator.SendAsync(host.Simulator.TextEvent(user, marker))).StatusCode);
        await host.WaitIdleAsync();
        await host.Get<ChatSupport.Bot.Storage.Sqlite.SqliteDatabase>().CheckpointAsync();
        Assert.True(FilesContain(host.DatabasePath, marker));

        var conversationId = LineIds.ConversationId(user);
        Assert.Equal(0, await DataCommand.RunAsync(["erase", "--conversation", conversationId], new StringWriter(), new StringWriter(), Configuration(host.DatabasePath)));

        Assert.False(FilesContain(host.DatabasePath, marker));
        Assert.False(FilesContain(host.DatabasePath, user), "the LINE user id is gone as well");
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Retention_erases_quiet_ended_conversations_daily_and_keeps_those_waiting_or_recent(StoreProvider provider)
    {
        var settings = await TestStores.HostSettingsAsync(provider);
        settings["ChatSupport:Retention:Days"] = "30";
        using var factory = new ChatSupportFactory { Settings = settings };
        var old = await DirectLineClient.StartAsync(factory);
        await old.SayAsync("むかしの話");
        var waiting = await DirectLineClient.StartAsync(factory);
        await waiting.SayAsync("人と話したい");

        var worker = factory.Services.GetRequiredService<RetentionWorker>();
        var passes = new List<RetentionReport>();
        var next = new TaskCompletionSource<RetentionReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        worker.Completed += r =>
        {
            lock (passes)
            {
                passes.Add(r);
            }

            next.TrySetResult(r);
        };

        factory.Clock.Advance(TimeSpan.FromDays(31));
        var recent = await DirectLineClient.StartAsync(factory);
        await recent.SayAsync("きょうの話");

        // The daily pass runs on the host's clock: one more day and it runs by itself.
        factory.Clock.Advance(RetentionWorker.Period);
        var report = await next.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(1, report.Conversations);

        var transcript = factory.Services.GetRequiredService<ITranscriptStore>();
        Assert.Empty(await transcript.ReadAsync(old.ConversationId!, 0, 100));
        Assert.NotEmpty(await transcript.ReadAsync(waiting.ConversationId!, 0, 100));
        Assert.NotEmpty(await transcript.ReadAsync(recent.ConversationId!, 0, 100));
        Assert.Contains(await factory.Services.GetRequiredService<IAuditLog>().ReadAsync(50), e => e.Action == AuditActions.RetentionPurge && e.Detail!.StartsWith("conversations=1 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retention_empties_raw_LINE_bodies_of_a_conversation_that_is_kept()
    {
        using var host = new LineTestHost();
        host.Settings["ChatSupport:Retention:Days"] = "30";
        var user = LineSimulator.NewUserId();
        var marker = "うちあけ" + Guid.NewGuid().ToString("N")[..8];
        await host.Simulator.SendAsync(host.Simulator.TextEvent(user, marker));
        await host.Simulator.SendAsync(host.Simulator.TextEvent(user, "人と話したい"));
        await host.WaitIdleAsync();

        var next = new TaskCompletionSource<RetentionReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Get<RetentionWorker>().Completed += r => next.TrySetResult(r);
        host.Clock.Advance(TimeSpan.FromDays(31));
        var report = await next.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, report.Conversations);
        Assert.True(report.LineInboxBodies >= 2, $"{report.LineInboxBodies} inbox bodies emptied");

        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM line_inbox WHERE event LIKE $m;";
        command.Parameters.AddWithValue("$m", "%" + marker + "%");
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
        Assert.NotEmpty(await host.Get<ITranscriptStore>().ReadAsync(LineIds.ConversationId(user), 0, 100));
    }

    [Theory]
    [InlineData("data", "erase")]
    [InlineData("data", "erase", "--conversation")]
    [InlineData("data", "wipe", "--everything")]
    [InlineData("erase-everything")]
    [InlineData("acounts", "list")]
    public void Unknown_or_incomplete_commands_print_usage_and_exit_2(params string[] args)
    {
        var stderr = new StringWriter();
        Assert.Equal(2, CliCommands.Run(args, new StringReader(string.Empty), new StringWriter(), stderr));
        Assert.Contains("usage:", stderr.ToString(), StringComparison.Ordinal);
        Assert.True(CliCommands.TryRun(args, out var code), "an unknown command never starts the server");
        Assert.Equal(2, code);
    }

    [Fact]
    public void Host_options_still_start_the_server()
    {
        Assert.False(CliCommands.TryRun(["--urls", "http://127.0.0.1:5080"], out _));
        Assert.False(CliCommands.TryRun(["ChatSupport:Bot:Mode=echo"], out _));
    }

    [Fact]
    public async Task Data_Protection_keys_are_kept_beside_the_store_and_encrypted_with_the_configured_certificate()
    {
        var directory = Path.Combine(Path.GetTempPath(), "chatsupport-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var pfx = Path.Combine(directory, "dp.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=ChatSupport Data Protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx password"));
        }

        using var factory = new ChatSupportFactory(Path.Combine(directory, "store.db"))
        {
            Settings = new Dictionary<string, string>
            {
                ["ChatSupport:DataProtection:CertificatePath"] = pfx,
                ["ChatSupport:DataProtection:CertificatePassword"] = "pfx password",
            },
        };
        await ConsoleClient.AddAccountAsync(factory, "sato", "counselor");
        var client = await ConsoleClient.SignInAsync(factory, "sato");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/console/me")).StatusCode);

        var keys = System.IO.Directory.GetFiles(Path.Combine(directory, "keys"), "key-*.xml");
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var xml = await File.ReadAllTextAsync(key);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        }
    }

    private static IConfiguration Configuration(string databasePath) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["ChatSupport:Storage:ConnectionString"] = $"Data Source={databasePath}" })
        .Build();

    private static bool FilesContain(string databasePath, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        foreach (var path in new[] { databasePath, databasePath + "-wal" })
        {
            if (!File.Exists(path))
            {
                continue;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            if (memory.GetBuffer().AsSpan(0, (int)memory.Length).IndexOf(needle) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
