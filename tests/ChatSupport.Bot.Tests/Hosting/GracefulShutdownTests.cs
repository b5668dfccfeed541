using System.Net;
using System.Net.Http.Json;
using ChatSupport.Bot.Channels.DirectLine;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Turns;
using ChatSupport.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSupport.Bot.Tests.Hosting;

public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Stopping_the_host_lets_an_in_flight_turn_finish_and_keeps_its_reply()
    {
        var path = Path.Combine(Path.GetTempPath(), "chatsupport-tests", Guid.NewGuid().ToString("N") + ".db");
        var turnStarted = new TaskCompletionSource();
        var factory = new ChatSupportFactory(path)
        {
            ExtraServices = services => services.AddSingleton<IBot>(new SlowBot(turnStarted)),
        };
        factory.UseKestrel(0);
        factory.StartServer();
        using var http = new HttpClient { BaseAddress = factory.ClientOptions.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", ChatSupportFactory.Secret);
        var conversation = (await (await http.PostAsync("/v3/directline/conversations", null)).Content.ReadFromJsonAsync<DirectLineConversation>())!;

        var posting = http.PostAsJsonAsync($"/v3/directline/conversations/{conversation.ConversationId}/activities", new { type = "message", from = new { id = "dl_x" }, text = "待って" });
        await turnStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var stopping = factory.DisposeAsync().AsTask();

        var response = await posting.WaitAsync(TimeSpan.FromSeconds(20));
        await stopping.WaitAsync(TimeSpan.FromSeconds(40));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var restarted = new ChatSupportFactory(path, "echo");
        var json = await restarted.CreateClientWith(ChatSupportFactory.Secret).GetStringAsync($"/v3/directline/conversations/{conversation.ConversationId}/activities");
        Assert.Contains("待って", json, StringComparison.Ordinal);
        Assert.Contains("finished after the stop began", json, StringComparison.Ordinal);
    }

    private sealed class SlowBot(TaskCompletionSource started) : ActivityHandler
    {
        protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            started.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            await turnContext.SendActivityAsync(Activity.CreateMessage("finished after the stop began"), CancellationToken.None);
        }
    }
}
