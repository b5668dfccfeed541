using System.Globalization;
using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Handoff;

namespace ChatSupport.Dialogs.Consultation;

/// <summary>
/// Never silent while waiting (docs/crisis.md "Waiting"): while the conversation waits in the queue and no
/// counselor holds it, every message the crisis path does not answer gets the listening acknowledgement and
/// one honest line about who will answer and when: the place in the queue when a counselor is on duty, when
/// counselors are back outside hours, or plainly that nobody is available now. No menu, no prompts, no re-queue.
/// </summary>
public sealed class WaitingReplies(BotTexts texts, TimeProvider clock)
{
    public async Task RespondAsync(ITurnContext turnContext, HandoffWaiting waiting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        var profile = ConsultationProfile.For(turnContext);
        var english = profile.English;
        var acks = texts.List("ack.general", english);
        var ack = acks[profile.WaitingReplies % acks.Count];
        var full = profile.WaitingReplies % 5 == 0;
        profile.WaitingReplies++;
        var text = ack + "\n" + Line(waiting, english, full);
        if (full)
        {
            text += "\n" + texts.Get("waiting.cancel_hint", english);
        }

        await turnContext.SendActivityAsync(text, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The one waiting line: full the first time (and every fifth), short in between.</summary>
    public string Line(HandoffWaiting waiting, bool english, bool full)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        var suffix = full ? string.Empty : ".short";
        if (waiting.CounselorOnDuty)
        {
            return texts.Format("waiting.on_duty" + suffix, english, waiting.PlaceInQueue ?? 1);
        }

        return waiting.CounselorsBackAt is { } back
            ? texts.Format("waiting.closed" + suffix, english, When(back, english))
            : texts.Get("waiting.nobody" + suffix, english);
    }

    /// <summary>A time in Japan time as a person reads it: 今日の17:00, 明日の9:00, 1月5日の17:00.</summary>
    public string When(DateTimeOffset at, bool english)
    {
        var local = at.ToOffset(CounselorHours.JapanOffset);
        var today = clock.GetUtcNow().ToOffset(CounselorHours.JapanOffset).Date;
        var time = local.ToString("H:mm", CultureInfo.InvariantCulture);
        if (local.Date == today)
        {
            return texts.Format("waiting.today", english, time);
        }

        return local.Date == today.AddDays(1)
            ? texts.Format("waiting.tomorrow", english, time)
            : texts.Format("waiting.date", english, local.Month, local.Day, time);
    }
}
