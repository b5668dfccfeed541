using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Handoff.Events;
using ChatSupport.Domain.Storage;

namespace ChatSupport.Domain.Handoff;

/// <summary>
/// Every counselor action on a conversation (claim, send, typing, transfer, end), with its
/// authorisation and audit line. What the person reads goes out through their channel's adapter
/// (<see cref="HandoffDelivery"/>); events go on the bus after each save.
/// </summary>
public sealed class HandoffCommands(
    HandoffSessions sessions,
    HandoffDelivery delivery,
    ITranscriptStore transcript,
    IAuditLog audit,
    ICounselorDirectory counselors,
    HandoffTexts texts,
    HandoffOptions options,
    TimeProvider clock)
{
    /// <summary>One claim at a time per counselor in this process, so the capacity check and the claim are one step.</summary>
    private readonly ChatSupport.BotKit.Turns.ConversationTurnGate _claims = new();

    /// <summary>
    /// Waiting → Counselor for <paramref name="who"/>. Of two counselors claiming at once exactly one
    /// wins: the other gets <see cref="HandoffOutcome.Conflict"/>. The person is told they are connected.
    /// </summary>
    public async Task<HandoffResult> ClaimAsync(string conversationId, CounselorIdentity who, CancellationToken cancellationToken = default)
    {
        var session = await sessions.FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return new(HandoffOutcome.NotFound, "この会話は見つかりません。");
        }

        if (session.IsHeldBy(who.UserName))
        {
            return HandoffResult.Ok(session);
        }

        if (session.State != HandoffState.Waiting)
        {
            return new(HandoffOutcome.Conflict, session.State == HandoffState.Counselor ? "ほかの相談員が対応中です。" : "この会話は待機中ではありません（終了しています）。", session);
        }

        if (session.AssignedCounselorId is not null && session.AssignedCounselorId != who.UserName)
        {
            return new(HandoffOutcome.Conflict, "この会話はほかの相談員に引き継がれています。", session);
        }

        if (await counselors.FindAsync(who.UserName, cancellationToken).ConfigureAwait(false) is { Status: CounselorStatus.Away })
        {
            // Away means away: a person is never given to someone who is not there to answer.
            return new(HandoffOutcome.Conflict, "離席中は新しい会話を始められません。状態を「対応可能」にしてから対応してください。", session);
        }

        // Capacity is counted and the claim saved under the counselor's own lock: two claims at once by the same
        // counselor cannot both see room for one more.
        using (await _claims.EnterAsync(who.UserName, cancellationToken).ConfigureAwait(false))
        {
            var held = await sessions.ListAsync([HandoffState.Counselor], cancellationToken).ConfigureAwait(false);
            if (held.Count(s => s.CounselorId == who.UserName) >= options.CounselorCapacity)
            {
                return new(HandoffOutcome.Conflict, $"同時に対応できるのは{options.CounselorCapacity}件までです。", session);
            }

            session.Claim(who.UserName, clock.GetUtcNow());
            if (!await sessions.TrySaveAsync(session, cancellationToken).ConfigureAwait(false))
            {
                return new(HandoffOutcome.Conflict, "ほかの相談員が先に対応を始めました。", await sessions.FindAsync(conversationId, cancellationToken).ConfigureAwait(false));
            }
        }

        await audit.AppendAsync(who.UserName, AuditActions.Claim, conversationId, null, CancellationToken.None).ConfigureAwait(false);
        await transcript.AppendAsync(conversationId, TranscriptDirection.Outbound, HandoffActivities.Status(session.Reference, HandoffActivities.StateAccepted), CancellationToken.None).ConfigureAwait(false);
        await delivery.DeliverAsync(session, session.Reference.CreateMessage(texts.In(session.English).Connected), CancellationToken.None).ConfigureAwait(false);
        return HandoffResult.Ok(session);
    }

    /// <summary>Sends a counselor message to the person through their channel; only the holder may.</summary>
    public async Task<HandoffResult> SendAsync(string conversationId, CounselorIdentity who, string? text, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(HandoffOutcome.Invalid, "メッセージが空です。");
        }

        if (text.Length > options.MaxMessageLength)
        {
            return new(HandoffOutcome.Invalid, $"メッセージは{options.MaxMessageLength}文字までです。");
        }

        var (result, session) = await RequireHolderAsync(conversationId, who, AuditActions.Send, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return result;
        }

        var id = await delivery.DeliverAsync(session, HandoffActivities.CounselorMessage(session.Reference, text), CancellationToken.None).ConfigureAwait(false);
        await audit.AppendAsync(who.UserName, AuditActions.Send, conversationId, null, CancellationToken.None).ConfigureAwait(false);
        await sessions.PublishAsync(new CounselorReplied(conversationId, who.UserName, id ?? string.Empty, clock.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
        return HandoffResult.Ok(session);
    }

    /// <summary>Shows the person that the counselor is typing (never stored).</summary>
    public async Task<HandoffResult> SendTypingAsync(string conversationId, CounselorIdentity who, CancellationToken cancellationToken = default)
    {
        var session = await sessions.FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (session is null || !session.IsHeldBy(who.UserName))
        {
            return new(session is null ? HandoffOutcome.NotFound : HandoffOutcome.Forbidden);
        }

        await delivery.DeliverAsync(session, Activity.CreateTyping(), cancellationToken).ConfigureAwait(false);
        return HandoffResult.Ok(session);
    }

    /// <summary>Counselor → Waiting: back to the queue, or reserved for <paramref name="toCounselor"/>. The holder or a supervisor may.</summary>
    public async Task<HandoffResult> TransferAsync(string conversationId, CounselorIdentity who, string? toCounselor, CancellationToken cancellationToken = default)
    {
        var (result, session) = await RequireHolderAsync(conversationId, who, AuditActions.Transfer, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return result;
        }

        try
        {
            session.Transfer(string.IsNullOrWhiteSpace(toCounselor) ? null : toCounselor.Trim(), clock.GetUtcNow());
        }
        catch (HandoffTransitionException ex)
        {
            return new(HandoffOutcome.Invalid, ex.Message, session);
        }

        if (!await sessions.TrySaveAsync(session, cancellationToken).ConfigureAwait(false))
        {
            return new(HandoffOutcome.Conflict, "この会話はほかの操作で変わりました。画面を更新してください。");
        }

        await audit.AppendAsync(who.UserName, AuditActions.Transfer, conversationId, session.AssignedCounselorId ?? "queue", CancellationToken.None).ConfigureAwait(false);
        await delivery.DeliverAsync(session, session.Reference.CreateMessage(texts.In(session.English).Transferred), CancellationToken.None).ConfigureAwait(false);
        return HandoffResult.Ok(session);
    }

    /// <summary>
    /// Counselor → Bot (the person gets the closing message, then <see cref="BotResumed"/> goes on the bus
    /// for the bot) or → Closed. The holder or a supervisor may.
    /// </summary>
    public async Task<HandoffResult> EndAsync(string conversationId, CounselorIdentity who, bool close = false, CancellationToken cancellationToken = default)
    {
        var (result, session) = await RequireHolderAsync(conversationId, who, AuditActions.End, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return result;
        }

        session.End(clock.GetUtcNow(), close);
        if (!await sessions.TrySaveAsync(session, cancellationToken).ConfigureAwait(false))
        {
            return new(HandoffOutcome.Conflict, "この会話はほかの操作で変わりました。画面を更新してください。");
        }

        await audit.AppendAsync(who.UserName, AuditActions.End, conversationId, close ? "closed" : "bot", CancellationToken.None).ConfigureAwait(false);
        await transcript.AppendAsync(conversationId, TranscriptDirection.Outbound, HandoffActivities.Status(session.Reference, HandoffActivities.StateCompleted), CancellationToken.None).ConfigureAwait(false);
        await delivery.DeliverAsync(session, session.Reference.CreateMessage(close ? texts.In(session.English).Closed : texts.In(session.English).Ended), CancellationToken.None).ConfigureAwait(false);
        if (!close)
        {
            await sessions.PublishAsync(new BotResumed(conversationId, session.Reference, clock.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
        }

        return HandoffResult.Ok(session);
    }

    /// <summary>
    /// The conversation if <paramref name="who"/> holds it. Supervisors observe a conversation another counselor
    /// holds and never write into it or end it (403, audited); only a transfer (taking it off an absent
    /// counselor, back to the queue or to someone else) is open to them.
    /// </summary>
    private async Task<(HandoffResult Result, HandoffSession? Session)> RequireHolderAsync(string conversationId, CounselorIdentity who, string action, CancellationToken cancellationToken)
    {
        var session = await sessions.FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return (new(HandoffOutcome.NotFound, "この会話は見つかりません。"), null);
        }

        if (session.IsHeldBy(who.UserName) || (who.SeesEverything && session.State == HandoffState.Counselor && action == AuditActions.Transfer))
        {
            return (HandoffResult.Ok(session), session);
        }

        if (session.State == HandoffState.Counselor)
        {
            await audit.AppendAsync(who.UserName, AuditActions.Denied, conversationId, action, CancellationToken.None).ConfigureAwait(false);
            return (new(HandoffOutcome.Forbidden, "この会話はほかの相談員が対応しています。", session), null);
        }

        return (new(HandoffOutcome.Conflict, "この会話は対応中ではありません（待機中か、終了しています）。", session), null);
    }
}
