using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Text;
using ChatSupport.BotKit.Turns;

namespace ChatSupport.BotKit.Dialogs;

/// <summary>
/// Handles a global command. Return the turn's result when the command was handled, or null to let
/// the active dialog see the message after all.
/// </summary>
public delegate Task<DialogTurnResult?> GlobalCommandHandler(GlobalCommandContext context, CancellationToken cancellationToken);

/// <summary>Makes the message for a command in this turn (texts come from the caller's catalogue, per locale).</summary>
public delegate Activity MessageFactory(ITurnContext turnContext);

/// <summary>A command that works anywhere in the conversation, such as 最初から or 人と話したい.</summary>
public sealed class GlobalCommand
{
    public GlobalCommand(string name, IEnumerable<string> phrases, GlobalCommandHandler handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(phrases);
        Name = name;
        Phrases = [.. phrases];
        Handler = handler ?? throw new ArgumentNullException(nameof(handler));
        NormalizedPhrases = [.. Phrases.Select(TextNormalizer.Normalize).Where(p => p.Length > 0)];
        if (NormalizedPhrases.Count == 0)
        {
            throw new ArgumentException($"Global command '{name}' needs at least one non-blank phrase.", nameof(phrases));
        }
    }

    /// <summary>A name for tests and metrics ("restart", "cancel", "human", "help" …).</summary>
    public string Name { get; }

    /// <summary>The messages that trigger it, as given.</summary>
    public IReadOnlyList<string> Phrases { get; }

    public GlobalCommandHandler Handler { get; }

    internal IReadOnlyList<string> NormalizedPhrases { get; }
}

/// <summary>What a <see cref="GlobalCommandHandler"/> can work with.</summary>
public sealed class GlobalCommandContext(DialogContext dialogContext, Dialog rootDialog, GlobalCommand command)
{
    /// <summary>The conversation's root stack (cancel it, begin something, reprompt the active dialog).</summary>
    public DialogContext DialogContext { get; } = dialogContext;

    /// <summary>The dialog the conversation runs (begun again by a restart).</summary>
    public Dialog RootDialog { get; } = rootDialog;

    public GlobalCommand Command { get; } = command;

    public ITurnContext TurnContext => DialogContext.Context;
}

/// <summary>
/// Commands that are checked before the active dialog sees a message (pass them to
/// <see cref="DialogExtensions.RunAsync(Dialog, ITurnContext, BotKit.State.IStatePropertyAccessor{DialogState}, GlobalCommands?, CancellationToken)"/>).
/// A message matches when, normalized (<see cref="TextNormalizer"/>: width, kana, case, spaces,
/// punctuation and 「」 ignored), it equals one of a command's phrases, with or without a polite
/// ending (です, ます, ください …). Only the whole message counts: 「学校をやめたい」 is not the cancel command.
/// </summary>
public sealed class GlobalCommands
{
    private static readonly string[] PoliteEndings = ["です", "ください", "下さい", "おねがいします", "お願いします", "だよ", "よ", "ね"];

    private readonly List<GlobalCommand> _commands = [];

    public IReadOnlyList<GlobalCommand> Commands => _commands;

    /// <summary>Adds a command. A phrase already used by another command throws, naming both.</summary>
    public GlobalCommands Add(GlobalCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var phrase in command.NormalizedPhrases)
        {
            if (_commands.FirstOrDefault(c => c.NormalizedPhrases.Contains(phrase)) is { } other)
            {
                throw new ArgumentException($"The phrase '{phrase}' of global command '{command.Name}' is already used by '{other.Name}'.", nameof(command));
            }
        }

        _commands.Add(command);
        return this;
    }

    public GlobalCommands Add(string name, IEnumerable<string> phrases, GlobalCommandHandler handler) =>
        Add(new GlobalCommand(name, phrases, handler));

    /// <summary>最初から: cancels every dialog and begins the root dialog again, after an optional message.</summary>
    public GlobalCommands AddRestart(MessageFactory? message = null, IEnumerable<string>? phrases = null) =>
        Add("restart", phrases ?? GlobalCommandPhrases.Restart, async (context, ct) =>
        {
            var dc = context.DialogContext;
            await dc.CancelAllDialogsAsync(ct);
            if (message is not null)
            {
                await context.TurnContext.SendActivityAsync(message(context.TurnContext), ct);
            }

            return await dc.BeginDialogAsync(context.RootDialog.Id, null, ct);
        });

    /// <summary>やめる: cancels every dialog and says <paramref name="goodbye"/>. The next message begins the root dialog again.</summary>
    public GlobalCommands AddCancel(MessageFactory goodbye, IEnumerable<string>? phrases = null)
    {
        ArgumentNullException.ThrowIfNull(goodbye);
        return Add("cancel", phrases ?? GlobalCommandPhrases.Cancel, async (context, ct) =>
        {
            await context.DialogContext.CancelAllDialogsAsync(ct);
            await context.TurnContext.SendActivityAsync(goodbye(context.TurnContext), ct);
            return new DialogTurnResult(DialogTurnStatus.Cancelled);
        });
    }

    /// <summary>
    /// 人と話したい: calls the host's <paramref name="handler"/> (start a handoff, or say honestly that
    /// no person is available now). The handler decides what happens to the dialog stack.
    /// </summary>
    public GlobalCommands AddHumanRequest(GlobalCommandHandler handler, IEnumerable<string>? phrases = null) =>
        Add("human", phrases ?? GlobalCommandPhrases.HumanRequest, handler);

    /// <summary>help / ヘルプ: sends <paramref name="help"/>, then the active dialog asks its question again.</summary>
    public GlobalCommands AddHelp(MessageFactory help, IEnumerable<string>? phrases = null)
    {
        ArgumentNullException.ThrowIfNull(help);
        return Add("help", phrases ?? GlobalCommandPhrases.Help, async (context, ct) =>
        {
            await context.TurnContext.SendActivityAsync(help(context.TurnContext), ct);
            var dc = context.DialogContext;
            if (dc.ActiveDialog is null)
            {
                return new DialogTurnResult(DialogTurnStatus.Empty);
            }

            await dc.RepromptDialogAsync(ct);
            return Dialog.EndOfTurn;
        });
    }

    /// <summary>The command this message is, or null.</summary>
    public GlobalCommand? Match(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        foreach (var candidate in Candidates(normalized))
        {
            if (_commands.FirstOrDefault(c => c.NormalizedPhrases.Contains(candidate)) is { } command)
            {
                return command;
            }
        }

        return null;
    }

    private static IEnumerable<string> Candidates(string normalized)
    {
        yield return normalized;
        foreach (var ending in PoliteEndings)
        {
            if (normalized.Length > ending.Length && normalized.EndsWith(ending, StringComparison.Ordinal))
            {
                yield return normalized[..^ending.Length];
            }
        }
    }
}

/// <summary>
/// The default trigger phrases. They are matched against the whole message only, and on purpose
/// leave out expressions that can carry distress (「助けて」「終わりにしたい」「もう終わり」), which must
/// reach the risk scan and the conversation, not a menu command.
/// </summary>
public static class GlobalCommandPhrases
{
    public static IReadOnlyList<string> Restart { get; } =
        ["最初から", "はじめから", "初めから", "最初からやり直す", "最初に戻る", "最初にもどる", "やり直す", "やりなおす", "やり直し", "リセット", "restart", "start over", "reset"];

    public static IReadOnlyList<string> Cancel { get; } =
        ["やめる", "やめます", "止める", "キャンセル", "中止", "終了", "cancel", "quit", "stop"];

    public static IReadOnlyList<string> HumanRequest { get; } =
        ["人と話したい", "人と話す", "人と話せる", "人と話がしたい", "人間と話したい", "人に相談したい", "人に代わって", "相談員と話したい", "相談員さんと話したい", "スタッフと話したい", "担当者と話したい", "オペレーター", "talk to a person", "talk to a human", "human", "agent"];

    public static IReadOnlyList<string> Help { get; } =
        ["ヘルプ", "help", "使い方", "使いかた", "使い方を教えて"];
}
