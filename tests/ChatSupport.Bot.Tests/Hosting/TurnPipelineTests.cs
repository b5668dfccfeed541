using ChatSupport.Bot.Channels;
using ChatSupport.Bot.Channels.DirectLine;
using ChatSupport.Bot.Channels.Line;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.Bot.Tests.Line;
using ChatSupport.Bot.Turns;
using ChatSupport.BotKit.State;
using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Handoff;
using ChatSupport.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSupport.Bot.Tests.Hosting;

public sealed class TurnPipelineTests
{
    [Fact]
    public void Every_channel_runs_the_one_pipeline_in_the_order_that_keeps_the_person_safe()
    {
        using var host = new LineTestHost();
        var pipeline = host.Get<TurnPipeline>();

        Assert.Equal(
            [typeof(ChatSupport.Bot.Telemetry.TurnTelemetryMiddleware), typeof(MessageLengthMiddleware), typeof(ChatSupport.Bot.Triage.TriageConsentMiddleware), typeof(HandoffRelayMiddleware), typeof(AutoSaveStateMiddleware)],
            pipeline.Steps.Select(s => s.GetType()));
        Assert.Equal(pipeline.Steps, host.Get<DirectLineAdapter>().Middleware.Items);
        Assert.Equal(pipeline.Steps, host.Get<LineAdapter>().Middleware.Items);
        var channels = host.Get<IChannelAdapters>();
        Assert.Same(host.Get<DirectLineAdapter>(), channels.Find(DirectLineAdapter.ChannelId));
        Assert.Same(host.Get<LineAdapter>(), channels.Find(LineAdapter.ChannelId));
    }

    [Fact]
    public void Without_LINE_only_Direct_Line_is_a_channel()
    {
        using var factory = new ChatSupportFactory();
        var channels = factory.Services.GetRequiredService<IChannelAdapters>();
        Assert.NotNull(channels.Find(DirectLineAdapter.ChannelId));
        Assert.Null(channels.Find(LineAdapter.ChannelId));
        Assert.Single(factory.Services.GetServices<ChannelAdapter>());
    }

    [Fact]
    public void A_step_that_must_be_there_but_was_not_registered_stops_the_start_naming_it()
    {
        var services = new ServiceCollection();
        services.AddTurnPipeline(p => p.Use<StepA>().UseIfRegistered<StepB>());
        using var provider = services.BuildServiceProvider();
        var e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<TurnPipeline>());
        Assert.Contains(nameof(StepA), e.Message, StringComparison.Ordinal);

        services.AddSingleton<StepA>();
        using var withA = services.BuildServiceProvider();
        Assert.IsType<StepA>(Assert.Single(withA.GetRequiredService<TurnPipeline>().Steps));
    }

    private sealed class StepA : ITurnMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken) => next(cancellationToken);
    }

    private sealed class StepB : ITurnMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken) => next(cancellationToken);
    }
}
