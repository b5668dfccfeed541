using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Dialogs.Consultation;

/// <summary>How find-support begins.</summary>
/// <param name="ForFriend">友だちのことで相談: services that also take calls about another person; no age asked.</param>
/// <param name="Categories">Topics already known (from what the person wrote): the topic is not asked again.</param>
/// <param name="ChosenTopic">A topic button already pressed (its key): taken as the answer to the topic question.</param>
public sealed record FindSupportOptions(bool ForFriend, IReadOnlyList<SupportCategory>? Categories = null, string? ChosenTopic = null);

/// <summary>Find-support ended on a message that still needs its own answer (the person wrote something else instead of answering).</summary>
/// <param name="Text">The message.</param>
/// <param name="OfferTopics">Services still to show for these topics, after the message is acknowledged (null: none pending).</param>
public sealed record UnansweredMessage(string Text, IReadOnlyList<SupportCategory>? OfferTopics = null);

/// <summary>
/// 相談先を知りたい, with slot filling: it asks only what the conversation does not know yet — the topic
/// (buttons, or anything written: what the message is about is read from it) and, once, the age band —
/// then shows one to three services. Every answer is accepted: an answer that is not an age simply
/// leaves the age unknown, and a message that says something else is answered first (acknowledged as read) and the
/// services follow it.
/// A topic button is a choice, not a message to scan: 「死にたい・消えたい」 gets the crisis reply once
/// and the flow goes on.
/// </summary>
public sealed class FindSupportDialog : ComponentDialog
{
    public const string DialogId = "find";
    private const string Flow = "find.flow";
    private const string TopicPrompt = "find.topic";
    private const string AgePrompt = "find.age";

    private static readonly string[] SkipWords = ["答えない", "答えたくない", "スキップ", "わからない", "分からない", "なし", "いい", "skip", "no"];

    private readonly BotTexts _texts;
    private readonly SupportOffer _offer;
    private readonly Acknowledgements _acks;
    private readonly CrisisResponder _crisis;

    public FindSupportDialog(BotTexts texts, SupportOffer offer, Acknowledgements acks, CrisisResponder crisis)
        : base(DialogId)
    {
        _texts = texts;
        _offer = offer;
        _acks = acks;
        _crisis = crisis;
        AddDialog(new WaterfallDialog(Flow, [AskTopicAsync, AskAgeAsync, ShowServicesAsync]));
        AddDialog(new TextPrompt(TopicPrompt));
        AddDialog(new TextPrompt(AgePrompt));
        InitialDialogId = Flow;
    }

    private async Task<DialogTurnResult> AskTopicAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var english = ConsultationProfile.IsEnglish(step.Context);
        var options = step.GetOptions<FindSupportOptions>() ?? new FindSupportOptions(false);
        step.SetValue("friend", options.ForFriend);
        if (options.ChosenTopic is { } chosen && Topics.All.FirstOrDefault(t => t.Key == chosen) is { } topic)
        {
            return await step.NextAsync(_texts.Get("topic." + topic.Key, english), cancellationToken).ConfigureAwait(false);
        }

        if (options.Categories is { Count: > 0 } known)
        {
            step.SetValue("topics", known.Select(c => c.ToWire()).ToList());
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var prompt = Activity.CreateMessage(_texts.Get(options.ForFriend ? "friend.topic" : "find.topic", english));
        prompt.SuggestedActions = new SuggestedActions { Actions = [.. Topics.Choices(_texts, english).Select(c => CardAction.ImBack(c.Value))] };
        return await step.PromptAsync(TopicPrompt, new PromptOptions { Prompt = prompt }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskAgeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var english = ConsultationProfile.IsEnglish(step.Context);
        var profile = ConsultationProfile.For(step.Context);
        var forFriend = step.GetValue<bool>("friend");
        if (step.Result is string answer)
        {
            var chosen = Topics.FromButton(_texts, answer);
            var reading = step.Context.TurnState.Get<MessageReading>();
            List<SupportCategory> categories = chosen is not null
                ? [.. chosen.Categories]
                : [.. Acknowledgements.Priority.Where(c => reading?.Understanding.Has(c) == true)];
            if (chosen is null && categories.Count == 0 && reading is not null && !IsSkip(answer)
                && (reading.Understanding.Advice is not null || reading.Risk.Level >= RiskLevel.Medium
                    || reading.Understanding.Intents.Any(i => i is not (Intent.Other or Intent.AskServices))))
            {
                // Written, about no topic, and asking or telling something else (今から110していいと？ instead of a topic):
                // the listener answers it, rather than the age being asked over it (p21). Only "where can I ask?" again, or
                // words without a reading, go on to the age as before.
                return await step.EndDialogAsync(new UnansweredMessage(answer), cancellationToken).ConfigureAwait(false);
            }

            if (chosen is null && categories.Count > 0 && reading is not null)
            {
                // Written, not chosen: it is a message, so it is acknowledged first.
                await step.Context.SendActivityAsync(_acks.For(categories[0], reading.Risk.Level, profile, reading.Understanding), cancellationToken).ConfigureAwait(false);
            }

            foreach (var category in Enumerable.Reverse(categories))
            {
                profile.RememberTopic(category);
            }

            step.SetValue("topics", categories.Select(c => c.ToWire()).ToList());
            if (chosen is { Key: "suicidal" or "self_harm" } && reading is not null && reading.Risk.Level >= RiskLevel.High)
            {
                // The button is a choice: the crisis reply once (it carries the 24-hour contacts), and the flow goes on.
                await _crisis.RespondAsync(step.Context, reading.Risk, cancellationToken).ConfigureAwait(false);
                categories.ForEach(c => profile.Offered.Add(c));
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            }
        }

        var topics = TopicsOf(step);
        var serious = topics.Exists(SupportOffer.IsSerious);
        if (forFriend || profile.AgeBand is not null || profile.AskedAge || serious || profile.PrefersText)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        profile.AskedAge = true;
        string[] buttons = ["age.elementary", "age.junior", "age.high", "age.young", "age.adult", "skip"];
        var prompt = Activity.CreateMessage(_texts.Get("find.age", english));
        prompt.SuggestedActions = new SuggestedActions { Actions = [.. buttons.Select(k => CardAction.ImBack(_texts.Get(k, english)))] };
        return await step.PromptAsync(AgePrompt, new PromptOptions { Prompt = prompt }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ShowServicesAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var profile = ConsultationProfile.For(step.Context);
        UnansweredMessage? unanswered = null;
        if (step.Result is string answer)
        {
            if (AgeFrom(answer) is { } age)
            {
                profile.AgeBand = age.Band;
                profile.Age = age.Age;
            }
            else if (step.Context.TurnState.Get<MessageReading>() is { } reading && !IsSkip(answer))
            {
                // Not an age: whatever facts it gives are kept, and it gets its own answer after the services.
                if (reading.Understanding.AgeBand is { } band)
                {
                    profile.AgeBand = band;
                }

                unanswered = new UnansweredMessage(answer);
            }
        }

        var topics = TopicsOf(step);
        if (unanswered is not null)
        {
            // A message instead of an age (「おかあさんにはいえない」): the listener acknowledges it first, answers what
            // it asks, and then shows these services together with the topics the message itself tells.
            return await step.EndDialogAsync(unanswered with { OfferTopics = topics }, cancellationToken).ConfigureAwait(false);
        }

        await _offer.SendAsync(step.Context, topics, step.GetValue<bool>("friend"), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private static List<SupportCategory> TopicsOf(WaterfallStepContext step) =>
        (step.GetValue<List<string>>("topics") ?? [])
            .Select(w => SupportCategories.TryParse(w, out var c) ? (SupportCategory?)c : null)
            .OfType<SupportCategory>()
            .ToList();

    private static bool IsSkip(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return SkipWords.Any(w => TextNormalizer.Normalize(w) == normalized);
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
