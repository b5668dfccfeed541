using ChatSupport.Domain.Activities;
using ChatSupport.Domain.Directory;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Dialogs.Consultation;

public sealed record FindSupportOptions(bool ForFriend);

/// <summary>
/// 相談先を知りたい: topic → age → optional prefecture → preferred way to talk → one to three service
/// cards with open-now status and a tap-to-call or open action. 友だちのことで相談 uses the same
/// dialog in someone-else mode (topic only; services that also take calls about another person).
/// Every question takes a button or a typed answer; after two answers it cannot read it goes on
/// with a sensible default (national services) instead of asking again.
/// </summary>
public sealed class FindSupportDialog : ComponentDialog
{
    public const string DialogId = "find";
    private const string Flow = "find.flow";
    private const string TopicPrompt = "find.topic";
    private const string AgePrompt = "find.age";
    private const string PrefecturePrompt = "find.prefecture";
    private const string ChannelPrompt = "find.channel";
    private const int Attempts = 2;

    private static readonly string[] SkipWords = ["答えない", "答えたくない", "スキップ", "わからない", "分からない", "なし", "いい", "skip", "no"];

    private readonly BotTexts _texts;
    private readonly SupportRouter _router;
    private readonly ServiceCards _cards;
    private readonly TimeProvider _clock;

    public FindSupportDialog(BotTexts texts, SupportRouter router, ServiceCards cards, TimeProvider clock)
        : base(DialogId)
    {
        _texts = texts;
        _router = router;
        _cards = cards;
        _clock = clock;
        AddDialog(new WaterfallDialog(Flow, [AskTopicAsync, AskAgeAsync, AskPrefectureAsync, AskChannelAsync, ShowServicesAsync]));
        AddDialog(new ChoicePrompt(TopicPrompt));
        AddDialog(new TextPrompt(AgePrompt, (context, _) => Task.FromResult(IsSkip(context.Recognized.Value) || AgeFrom(context.Recognized.Value) is not null)));
        AddDialog(new TextPrompt(PrefecturePrompt, (context, _) => Task.FromResult(IsSkip(context.Recognized.Value) || JapaneseAnswers.TryParsePrefecture(context.Recognized.Value, out Prefecture _))));
        AddDialog(new ChoicePrompt(ChannelPrompt));
        InitialDialogId = Flow;
    }

    private async Task<DialogTurnResult> AskTopicAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var english = ConsultationProfile.IsEnglish(step.Context);
        var forFriend = step.GetOptions<FindSupportOptions>()?.ForFriend ?? false;
        step.SetValue("friend", forFriend);
        var prompt = _texts.Get(forFriend ? "friend.topic" : "find.topic", english);
        if (forFriend)
        {
            prompt = _texts.Get("friend.intro", english) + "\n" + prompt;
        }

        return await step.PromptAsync(TopicPrompt, new PromptOptions
        {
            Prompt = Activity.CreateMessage(prompt),
            RetryPrompt = Activity.CreateMessage(_texts.Get("find.topic.retry", english)),
            Choices = Topics.Choices(_texts, english),
            MaxAttempts = Attempts,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskAgeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var english = ConsultationProfile.IsEnglish(step.Context);
        if (step.Result is FoundChoice topic)
        {
            step.SetValue("topic", Topics.All[topic.Index].Key);
        }
        else
        {
            await step.Context.SendActivityAsync(_texts.Get("find.defaulted", english), cancellationToken).ConfigureAwait(false);
        }

        if (step.GetValue<bool>("friend"))
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        string[] buttons = ["age.elementary", "age.junior", "age.high", "age.young", "age.adult", "skip"];
        return await step.PromptAsync(AgePrompt, WithButtons("find.age", "find.age.retry", buttons, english), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskPrefectureAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.GetValue<bool>("friend"))
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var english = ConsultationProfile.IsEnglish(step.Context);
        var profile = ConsultationProfile.For(step.Context);
        if (step.Result is string answer && AgeFrom(answer) is { } age)
        {
            profile.AgeBand = age.Band;
            profile.Age = age.Age;
        }

        return await step.PromptAsync(PrefecturePrompt, WithButtons("find.prefecture", "find.prefecture.retry", ["skip"], english), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskChannelAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.GetValue<bool>("friend"))
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var english = ConsultationProfile.IsEnglish(step.Context);
        if (step.Result is string answer && JapaneseAnswers.TryParsePrefecture(answer, out var prefecture))
        {
            ConsultationProfile.For(step.Context).PrefectureCode = prefecture.Code;
        }

        return await step.PromptAsync(ChannelPrompt, new PromptOptions
        {
            Prompt = Activity.CreateMessage(_texts.Get("find.channel", english)),
            Choices =
            [
                new(_texts.Get("channel.phone", english), "でんわ", "tel", "call"),
                new(_texts.Get("channel.line", english), "LINE", "ライン", "SNS"),
                new(_texts.Get("channel.chat", english), "チャット", "chat"),
                new(_texts.Get("any", english), "なんでも", "どれでもいい", "any"),
            ],
            MaxAttempts = Attempts,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ShowServicesAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var english = ConsultationProfile.IsEnglish(step.Context);
        var profile = ConsultationProfile.For(step.Context);
        var forFriend = step.GetValue<bool>("friend");
        ChannelKind? channel = (step.Result as FoundChoice)?.Index switch
        {
            0 => ChannelKind.Phone,
            1 => ChannelKind.Line,
            2 => ChannelKind.Chat,
            _ => null,
        };
        var topic = Topics.All.FirstOrDefault(t => t.Key == step.GetValue<string>("topic"));
        var categories = topic?.Categories.ToList() ?? [];
        if (forFriend)
        {
            categories.Add(SupportCategory.OtherPerson);
        }

        var query = new RouteQuery
        {
            Categories = categories,
            AgeBand = forFriend ? null : profile.AgeBand,
            Age = forFriend ? null : profile.Age,
            PrefectureCode = forFriend ? null : profile.PrefectureCode,
            PreferredChannel = channel,
            RiskLevel = profile.Risk.Level,
            MaxResults = 3,
        };
        var services = _router.Route(query, _clock.GetUtcNow());
        if (services.Count == 0)
        {
            services = _router.Route(query with { Categories = [], AgeBand = null, Age = null, PrefectureCode = null, PreferredChannel = null }, _clock.GetUtcNow());
        }

        var intro = forFriend ? _texts.Get("friend.advice", english) : _texts.Get(services.Count > 0 ? "find.result" : "find.result.none", english);
        await step.Context.SendActivityAsync(_cards.Message(intro, services, english), cancellationToken).ConfigureAwait(false);
        await step.Context.SendActivityAsync(_texts.Get("find.outro", english), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private PromptOptions WithButtons(string promptKey, string retryKey, IReadOnlyList<string> buttonKeys, bool english)
    {
        var actions = buttonKeys.Select(k => CardAction.ImBack(_texts.Get(k, english))).ToList();
        var prompt = Activity.CreateMessage(_texts.Get(promptKey, english));
        prompt.SuggestedActions = new SuggestedActions { Actions = actions };
        var retry = Activity.CreateMessage(_texts.Get(retryKey, english));
        retry.SuggestedActions = new SuggestedActions { Actions = actions };
        return new PromptOptions { Prompt = prompt, RetryPrompt = retry, MaxAttempts = Attempts };
    }

    private static bool IsSkip(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return SkipWords.Any(w => TextNormalizer.Normalize(w) == normalized) || normalized == TextNormalizer.Normalize("Skip");
    }

    /// <summary>An age from a button title (小学生 … 30歳以上, English too) or typed (中3, 17, 17歳, 大学生).</summary>
    private static AgeAnswer? AgeFrom(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        (string[] Titles, AgeBand Band)[] buttons =
        [
            (["小学生", "elementary school"], AgeBand.ElementarySchool),
            (["中学生", "junior high"], AgeBand.JuniorHighSchool),
            (["高校生", "high school"], AgeBand.HighSchool),
            (["18〜29歳", "18-29"], AgeBand.YoungAdult),
            (["30歳以上", "30 or older"], AgeBand.Adult),
        ];
        foreach (var (titles, band) in buttons)
        {
            if (titles.Any(t => TextNormalizer.Normalize(t) == normalized))
            {
                return new AgeAnswer(band, null);
            }
        }

        return JapaneseAnswers.TryParseAge(text, out var answer) ? answer : null;
    }
}
