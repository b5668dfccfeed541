using System.Globalization;
using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Dialogs.Consultation;

/// <summary>
/// Never silent while waiting (docs/crisis.md "Waiting"): while the conversation waits in the queue and no
/// counselor holds it, every message the crisis path does not answer gets an answer that shows it was read,
/// and one honest line about who will answer and when (the place in the queue when a counselor is on duty,
/// when counselors are back outside hours, or plainly that nobody is available now). What is answered:
/// a worry the harm makes common (「警察とか大ごとにしたくない」, 「払ったほうがいい？」, 「妊娠してたら」,
/// 「先生に言ったら怒られる？」) gets its reviewed line; otherwise the listening acknowledgement of the
/// message's own topic. No menu, no prompts, no re-queue. Every line is from the text catalogue.
/// </summary>
public sealed class WaitingReplies(BotTexts texts, TimeProvider clock)
{
    /// <summary>Worries answered while waiting: the words that raise them, and the harms they are answered for.</summary>
    private static readonly (string Key, string[] Terms, CrisisHarm[] Harms)[] Worries =
    [
        ("waiting.worry.pay", ["払", "はらう", "はらった", "お金", "おかね", "送金", "振り込"], [CrisisHarm.Sextortion, CrisisHarm.Pictures]),
        ("waiting.worry.sent", ["送っちゃ", "おくっちゃ", "送ってしま", "おくってしま", "送った", "おくった", "送ってもた", "送っとる", "送ってる"], [CrisisHarm.Pictures]),
        ("waiting.worry.pregnancy", ["妊娠", "にんしん", "生理", "せいり", "ピル", "避妊", "ひにん"], [CrisisHarm.SexualAssault]),
        ("waiting.worry.police.worse.dv", ["余計ひどく", "よけいひどく", "もっとひどく", "あとでひどく", "ひどくなった", "悪化", "逆ギレ", "逆上", "仕返し", "しかえし", "キレられ"], [CrisisHarm.Dv]),
        ("waiting.worry.police.worse", ["余計ひどく", "よけいひどく", "もっとひどく", "あとでひどく", "ひどくなった", "悪化", "逆ギレ", "逆上", "仕返し", "しかえし", "キレられ"], [CrisisHarm.Abuse, CrisisHarm.ViolenceNow]),
        ("waiting.worry.police.sexual", ["警察", "けいさつ", "被害届", "訴え", "うったえ", "通報"], [CrisisHarm.SexualAssault]),
        ("waiting.worry.koban", ["交番", "こうばん", "おまわりさん", "お巡りさん"], [CrisisHarm.Abuse, CrisisHarm.ViolenceNow]),
        ("waiting.worry.police.child", ["警察", "けいさつ", "大ごと", "おおごと", "大事にしたくない", "通報"], [CrisisHarm.Abuse, CrisisHarm.ViolenceNow]),
        ("waiting.worry.police", ["警察", "けいさつ", "大ごと", "おおごと", "通報"], [CrisisHarm.Dv, CrisisHarm.Sextortion, CrisisHarm.Pictures, CrisisHarm.General, CrisisHarm.PlanOrAttempt, CrisisHarm.SelfHarm]),
        ("waiting.worry.friend.adult", ["先生", "せんせい", "親", "おや", "大人", "おとな", "怒られ", "おこられ"], [CrisisHarm.FriendInDanger]),
        ("waiting.worry.friend.secret", ["言わないで", "いわないで", "言わんで", "言うなって", "いうなって", "言わんといて", "誰にも言えない約束", "秘密", "ひみつ", "内緒", "ないしょ", "嫌われ", "きらわれ", "裏切", "うらぎ"], [CrisisHarm.FriendInDanger]),
        ("waiting.worry.friend.go", ["見に行", "みにいく", "みにいっ", "様子見", "様子を見", "ようすを見", "家に行", "いえにいく", "家まで行", "行ったほうが", "いったほうが", "大げさ", "おおげさ", "考えすぎ", "かんがえすぎ", "心配しすぎ", "しんぱいしすぎ"], [CrisisHarm.FriendInDanger]),
        ("waiting.worry.friend.okay", ["大丈夫かな", "だいじょうぶかな", "大丈夫やろか", "大丈夫だよね", "大丈夫なのかな", "無事かな", "ぶじかな", "無事やろか", "生きてるかな", "いきてるかな"], [CrisisHarm.FriendInDanger]),
        ("waiting.worry.friend.die", ["死んじゃ", "しんじゃ", "死んだり", "しんだり", "死なない", "しなない", "死んだら", "しんだら", "死ぬの", "しぬの", "死なないよね", "しなないよね"], [CrisisHarm.FriendInDanger]),
        ("waiting.worry.friend.contact", ["連絡先", "れんらくさき", "知らない", "しらない", "わからない", "わかんない"], [CrisisHarm.FriendInDanger]),
        ("waiting.worry.outside", ["外さむ", "外寒", "そとさむ", "外にいる", "そとにいる", "外で待", "家に入れ", "いえにはいれ", "しめだされ", "締め出され", "閉め出され", "外に出され", "追い出され", "おいだされ", "時間くらいいる", "時間いる", "寒い", "さむい", "さむすぎ", "寒す", "さむす", "凍え", "こごえ", "寒か", "さむか", "寒くて", "さむくて", "寒っ", "さむっ", "寒いし", "しばれる"], [CrisisHarm.Abuse, CrisisHarm.ViolenceNow, CrisisHarm.Dv, CrisisHarm.General]),
        ("waiting.worry.place", ["出ていく", "でていく", "出て行", "住むところ", "すむところ", "行くところ", "いくところ", "行くとこ", "いくとこ", "行く場所", "行くあて", "逃げる場所", "逃げ場", "泊まる", "とまる", "家がない", "いえがない"], [CrisisHarm.Dv]),
        // Someone offering a bed (Xで泊めたるって人おる, ネットの人が泊めてくれるって): not to go, and where to be tonight instead.
        ("waiting.worry.stranger_bed", ["泊めたる", "とめたる", "泊めたげる", "とめたげる", "泊めてあげる", "とめてあげる", "泊めてくれる", "とめてくれる", "泊めてやる",
            "泊めてもらえ", "とめてもらえ", "泊めてもらお", "泊めてもら", "泊まりにおいで", "泊まりに来", "うちに泊まれば", "家に泊まれば", "うち来ていい", "家来ていいよ", "うちおいで"],
            [CrisisHarm.Abuse, CrisisHarm.ViolenceNow, CrisisHarm.Dv, CrisisHarm.General, CrisisHarm.PlanOrAttempt, CrisisHarm.SelfHarm, CrisisHarm.Grooming,
                CrisisHarm.SexualAssault, CrisisHarm.Sextortion, CrisisHarm.Pictures, CrisisHarm.Followed]),
        // Being found out (親にバレる？, 知られたくない, 親には言えん) — not a parent merely named (親にはごめんって言っといて).
        ("waiting.worry.parents", ["ばれ", "バレ", "知られ", "しられ", "言えない", "いえない", "言えん", "いえん", "言われへん", "いわれへん", "親には言いたくない", "親に言いたくない", "親には言いとうない", "親には言いたない", "おやにはいいたくない", "家族には言いたくない", "親に知らせたくない", "親には知らせたくない"], [CrisisHarm.SexualAssault, CrisisHarm.Sextortion, CrisisHarm.Pictures, CrisisHarm.Grooming, CrisisHarm.Abuse, CrisisHarm.General, CrisisHarm.PlanOrAttempt, CrisisHarm.SelfHarm]),
    ];

    private const string StrangerBed = "waiting.worry.stranger_bed";

    private const string PoliceWorse = "waiting.worry.police.worse";

    /// <summary>Words of the police or of calling them, which a "made it worse" worry must also hold.</summary>
    private static readonly NormalizedWords PoliceWords = new("110", "警察", "けいさつ", "通報", "つうほう", "おまわりさん", "パトカー");

    /// <summary>Words that make the one offering a bed a stranger or someone met online.</summary>
    private static readonly string[] StrangerWords = new[]
    {
        "ネット", "X で", "Xで", "Xの", "エックス", "ツイッター", "インスタ", "SNS", "アプリ", "掲示板", "DM", "ゲームで", "ゲームの", "知らない", "しらない", "知らん", "しらん",
        "知り合った", "しりあった", "会ったことない", "あったことない", "会ったことがない", "おじさん", "おっさん", "大人の人", "人おる", "人いる", "人がおる", "人がいる", "って人",
    }.Select(TextNormalizer.Normalize).Where(t => t.Length > 0).Distinct().ToArray();

    private static readonly (string Key, string[] Terms, CrisisHarm[] Harms)[] NormalizedWorries = Worries
        .Select(w => (w.Key, w.Terms.Select(TextNormalizer.Normalize).Where(t => t.Length > 0).Distinct().ToArray(), w.Harms))
        .ToArray();

    private readonly Acknowledgements _acks = new(texts);

    /// <param name="answered">The message's question was answered just before (the hours, privacy…): no acknowledgement, only the waiting line.</param>
    public async Task RespondAsync(ITurnContext turnContext, HandoffWaiting waiting, CancellationToken cancellationToken, bool answered = false)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        var profile = ConsultationProfile.For(turnContext);
        var english = profile.English;
        // The waiting line in full the first time and every sixth message, short every third, and not at all in between:
        // the same parenthesis under every answer reads as not listening (a round-15 reader), while the person still
        // hears often enough that the conversation is queued.
        var count = profile.WaitingReplies;
        var full = count % 6 == 0;
        var remind = full || count % 3 == 0;
        profile.WaitingReplies++;

        var lines = new List<string>();
        var episode = profile.Crisis is { } open && open.IsOpen(clock.GetUtcNow()) ? open : null;
        if (episode is not null)
        {
            lines.AddRange(WorryLines(turnContext.Activity.Text, episode.WorryHarm, english));
        }

        if (lines.Count == 0)
        {
            var reading = turnContext.TurnState.Get<MessageReading>();
            var understanding = reading?.Understanding;
            var told = understanding is not null && (understanding.Has(Intent.Disclosure) || understanding.Categories.Count > 0);
            if (understanding?.Preferences.CounselorPreference is { } preference && texts.Has("waiting.preference." + preference))
            {
                // Recorded on the queue item by the caller; said honestly: counselors try, nobody promises.
                lines.Add(texts.Get("waiting.preference." + preference, english));
            }
            else if (understanding is not null && understanding.Has(Intent.CannotCall))
            {
                // ルームメイト寝てるから電話できない: the counselor answers here in writing, and a text line is open meanwhile.
                lines.Add(texts.Get("waiting.cannot_call", english));
            }
            else if (understanding is not null && understanding.Has(Intent.Farewell) && !told)
            {
                // おやすみ / もういいや while waiting: a warm close, and how to stop waiting (the place is kept otherwise).
                await turnContext.SendActivityAsync(texts.Get("waiting.farewell", english), cancellationToken).ConfigureAwait(false);
                return;
            }
            else if (AsksTheWait(turnContext.Activity.Text, understanding))
            {
                // まだですか？ / 相談員って今いるの？ / 高1。待つのはいいけど、どれくらい？: the answer is the full waiting line
                // itself (place in the queue, or when counselors are back, or plainly that nobody can say), after the
                // acknowledgement of what the message also told.
                if (told && !answered)
                {
                    var topic = Acknowledgements.MainTopic(Listener.ToldCategories(understanding!));
                    if (topic is not null)
                    {
                        lines.Add(_acks.For(topic, reading?.Risk.Level ?? RiskLevel.None, profile, understanding));
                    }
                }

                full = true;
            }
            else if (!answered)
            {
                var topic = understanding is null ? null : Acknowledgements.MainTopic(Listener.ToldCategories(understanding));
                lines.Add(_acks.For(topic, reading?.Risk.Level ?? RiskLevel.None, profile, understanding));
            }
        }

        if (remind || full || lines.Count == 0)
        {
            lines.Add(Line(waiting, english, full));
        }

        if (full)
        {
            lines.Add(texts.Get("waiting.cancel_hint", english));
        }

        await turnContext.SendActivityAsync(string.Join("\n", lines), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How people ask about the wait or whether anyone is there (どれくらい？, いつ来る？, 待ってれば来る？, 相談員って今いるの？).</summary>
    private static readonly string[] WaitQuestions = new[]
    {
        "どれくらい", "どのくらい", "どんくらい", "どれぐらい", "どのぐらい", "どんだけ待", "いつ来", "いつく", "いつになる", "いつまで待",
        "まだかな", "まだですか", "まだ?", "まだなの", "待ってれば", "待ってたら", "待てば", "まってれば", "まってたら", "まてば", "何分", "なんぷん", "何時間待",
        "相談員って", "相談員いる", "相談員さんいる", "相談員は今", "相談員はいま", "相談員いない", "人いる?", "人はいる", "誰かいる", "だれかいる", "人来る", "来る?", "くる?", "来ますか", "きますか",
        "how long", "anyone there", "is anyone",
    }.Select(TextNormalizer.Normalize).Where(t => t.Length > 0).Distinct().ToArray();

    /// <summary>Whether a message to a waiting conversation asks about the wait (read by the understanding pass, or in the words above).</summary>
    public static bool AsksTheWait(string? text, MessageUnderstanding? understanding)
    {
        return (understanding is not null && (understanding.Has(Intent.AskHours) || understanding.Has(Intent.AskPerson))) || AsksOnlyTheWait(text);
    }

    /// <summary>Whether the message is only a question about the wait in its own words (まだかな, どれくらい？), not about the hours.</summary>
    public static bool AsksOnlyTheWait(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return normalized.Length > 0 && WaitQuestions.Any(q => normalized.Contains(q, StringComparison.Ordinal));
    }

    /// <summary>The reviewed answers to the worries in <paramref name="text"/> that <paramref name="harm"/> makes common.</summary>
    public IReadOnlyList<string> WorryLines(string? text, CrisisHarm harm, bool english)
    {
        var normalized = TextNormalizer.Normalize(text);
        var lines = new List<string>();
        if (normalized.Length == 0)
        {
            return lines;
        }

        // 電話やったらかけられるかも / 充電もつならできる: the one number for this harm, to call now.
        if (CanCall(normalized) && CanCallKey(harm) is { } callKey)
        {
            lines.Add(texts.Get(callKey, english));
        }

        var police = false;
        foreach (var (key, terms, harms) in NormalizedWorries)
        {
            if (!harms.Contains(harm) || !terms.Any(t => normalized.Contains(t, StringComparison.Ordinal)))
            {
                continue;
            }

            if (key.StartsWith(PoliceWorse, StringComparison.Ordinal) && !PoliceWords.AnyIn(normalized))
            {
                // 「前に110したら余計ひどくなった」 is about the police; 「殴られたとこ余計ひどくなった」 is not.
                continue;
            }

            if (key == StrangerBed && !StrangerWords.Any(t => normalized.Contains(t, StringComparison.Ordinal)))
            {
                // A bed at a friend's or a grandparent's (友達の家に泊めてもらおうかな) is not the danger of a stranger's.
                continue;
            }

            // One police answer per message (the harm-specific one comes first in the table).
            if (key.StartsWith("waiting.worry.police", StringComparison.Ordinal))
            {
                if (police)
                {
                    continue;
                }

                police = true;
            }

            lines.Add(texts.Get(key, english));
        }

        return lines;
    }

    /// <summary>How people say they could phone after all (電話ならかけられる, 充電もつならできる, 今ひとりやし電話できる).</summary>
    private static readonly string[] CanCallTerms = new[]
    {
        "かけられる", "かけれる", "かけられそう", "かけれそう", "電話できる", "でんわできる", "電話ならできる", "電話はできる", "電話ならいける",
        "電話やったら", "電話だったら", "電話なら", "電話してみる", "でんわしてみる", "電話かけてみる", "充電もつなら", "ならできる", "なら電話",
        "i can call", "could call",
    }.Select(TextNormalizer.Normalize).Where(t => t.Length > 0).Distinct().ToArray();

    /// <summary>The same words turned down (かけられない, 電話なら無理): not being able to phone is answered elsewhere.</summary>
    private static readonly string[] CannotCallTerms = new[]
    {
        "かけられない", "かけれない", "かけられん", "かけれん", "かけられへん", "かけれへん", "できない", "できん", "でけへん", "できへん", "無理", "むり",
        "難しい", "むずかしい", "こわい", "怖い", "ばれる", "バレる", "聞かれる", "can't", "cannot",
    }.Select(TextNormalizer.Normalize).Where(t => t.Length > 0).Distinct().ToArray();

    private static bool CanCall(string normalized) =>
        CanCallTerms.Any(t => normalized.Contains(t, StringComparison.Ordinal))
        && !CannotCallTerms.Any(t => normalized.Contains(t, StringComparison.Ordinal));

    /// <summary>The line that names the one number to call for <paramref name="harm"/> (all open around the clock).</summary>
    private static string? CanCallKey(CrisisHarm harm) => harm switch
    {
        CrisisHarm.Overdose => "waiting.can_call.overdose",
        CrisisHarm.SexualAssault or CrisisHarm.Sextortion or CrisisHarm.Pictures or CrisisHarm.Grooming => "waiting.can_call.sexual",
        CrisisHarm.Abuse => "waiting.can_call.child",
        CrisisHarm.Dv => "waiting.can_call.dv",
        CrisisHarm.ViolenceNow => "waiting.can_call.violence",
        CrisisHarm.General or CrisisHarm.PlanOrAttempt or CrisisHarm.SelfHarm => "waiting.can_call.life",
        _ => null,
    };

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
