using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Testing;
using ChatSupport.Dialogs.Consultation;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;
using Microsoft.Extensions.Time.Testing;
using static ChatSupport.Dialogs.Tests.Consultation.ConsultationHarness;

namespace ChatSupport.Dialogs.Tests.Consultation;

/// <summary>
/// Crisis replies by harm, the safety check and the episode (docs/crisis.md). Harms are driven by
/// assessments built here (categories, situation ids, rule ids) so each template is checked on its own;
/// whole conversations with the real risk engine are in <see cref="NeverSilentTests"/>.
/// </summary>
public sealed class CrisisTests
{
    public static readonly DateTimeOffset WeekdayDay = new(2026, 11, 25, 14, 0, 0, TimeSpan.FromHours(9));
    public static readonly DateTimeOffset Night = new(2026, 11, 26, 2, 20, 0, TimeSpan.FromHours(9));
    public static readonly DateTimeOffset NewYear = new(2027, 1, 2, 2, 20, 0, TimeSpan.FromHours(9));

    private static readonly Lazy<SupportDirectory> Directory = new(() => SupportDirectory.LoadDefault(Path.Combine(Path.GetTempPath(), "no-local-directory")));

    public static RiskAssessment Assessment(RiskLevel level, SupportCategory[] categories, string[]? situations = null, string[]? rules = null) =>
        new(level, categories, [], rules ?? [], "test") { Situations = situations ?? [] };

    [Theory]
    [InlineData(new[] { "overdose" }, new SupportCategory[] { SupportCategory.Suicidal }, null, CrisisHarm.Overdose)]
    [InlineData(new[] { "place_of_danger" }, new SupportCategory[] { SupportCategory.Suicidal }, null, CrisisHarm.PlanOrAttempt)]
    [InlineData(new[] { "finality" }, new SupportCategory[] { SupportCategory.Suicidal }, null, CrisisHarm.PlanOrAttempt)]
    [InlineData(new[] { "violence_now", "third_person" }, new SupportCategory[] { SupportCategory.Abuse, SupportCategory.OtherPerson }, null, CrisisHarm.ViolenceNow)]
    [InlineData(new[] { "violence_act" }, new SupportCategory[] { SupportCategory.Abuse }, null, CrisisHarm.Abuse)]
    [InlineData(new string[0], new SupportCategory[] { SupportCategory.Dv }, null, CrisisHarm.Dv)]
    [InlineData(new[] { "sexual_assault" }, new SupportCategory[] { SupportCategory.SexualViolence }, null, CrisisHarm.SexualAssault)]
    [InlineData(new[] { "sextortion" }, new SupportCategory[] { SupportCategory.SexualViolence }, null, CrisisHarm.Sextortion)]
    [InlineData(new[] { "place_of_danger" }, new SupportCategory[] { SupportCategory.Suicidal, SupportCategory.OtherPerson }, new[] { "third_person" }, CrisisHarm.FriendInDanger)]
    [InlineData(new[] { "overdose", "third_person" }, new SupportCategory[] { SupportCategory.Suicidal, SupportCategory.OtherPerson }, null, CrisisHarm.FriendInDanger)]
    [InlineData(new string[0], new SupportCategory[] { SupportCategory.Suicidal }, null, CrisisHarm.General)]
    public void The_harm_comes_from_situations_categories_and_rules(string[] situations, SupportCategory[] categories, string[]? rules, CrisisHarm expected) =>
        Assert.Equal(expected, HarmClassifier.Classify(Assessment(RiskLevel.High, categories, situations, rules)));

    [Fact]
    public void A_critical_message_without_a_situation_is_a_plan_or_attempt_and_medicine_taken_is_an_overdose()
    {
        Assert.Equal(CrisisHarm.PlanOrAttempt, HarmClassifier.Classify(Assessment(RiskLevel.Critical, [SupportCategory.Suicidal])));
        Assert.Equal(CrisisHarm.Overdose, HarmClassifier.Classify(Assessment(RiskLevel.Critical, [SupportCategory.Suicidal]), CrisisCues.Read("くすり ぜんぶ飲んだ")));
    }

    [Theory]
    [InlineData("安全な場所にいる", CrisisCue.Safe)]
    [InlineData("いまは友だちの家ににげた", CrisisCue.Safe)]
    [InlineData("だいじょうぶじゃない", CrisisCue.Danger)]
    [InlineData("あぶない", CrisisCue.Danger)]
    [InlineData("もう飲んだ・した", CrisisCue.AlreadyDid)]
    [InlineData("119に電話する", CrisisCue.WillCall)]
    [InlineData("さっき119にでんわした", CrisisCue.CalledHelp)]
    [InlineData("電話できない。声出せない", CrisisCue.CannotCall)]
    [InlineData("救急車はいや", CrisisCue.Refuses)]
    [InlineData("救急車とかよばないでね", CrisisCue.Refuses)]
    [InlineData("頭がぐるぐるしてはきそう", CrisisCue.Symptoms)]
    [InlineData("ねむーい", CrisisCue.Sleepy)]
    [InlineData("親にばれたくない", CrisisCue.Parents)]
    [InlineData("おかねないし", CrisisCue.Money)]
    [InlineData("一人暮らしで家に誰もいない", CrisisCue.Alone)]
    [InlineData("LINE既読つかない", CrisisCue.FriendUnreached)]
    [InlineData("今日はいつもより深いかも", CrisisCue.Bleeding)]
    [InlineData("ぜんぜん止まんない", CrisisCue.Bleeding)]
    [InlineData("タオルが真っ赤になった", CrisisCue.Bleeding)]
    public void Answers_pressed_or_typed_are_read(string text, CrisisCue expected) =>
        Assert.True(CrisisCues.Read(text).HasFlag(expected), $"{text} → {CrisisCues.Read(text)}");

    [Theory]
    [InlineData("だいじょうぶじゃない", CrisisCue.Safe)]
    [InlineData("電話できない", CrisisCue.WillCall)]
    [InlineData("救急車呼びたくない", CrisisCue.WillCall)]
    [InlineData("連絡とれない", CrisisCue.FriendReached)]
    public void A_contradicted_answer_is_not_read_as_its_opposite(string text, CrisisCue notExpected) =>
        Assert.False(CrisisCues.Read(text).HasFlag(notExpected));

    public static TheoryData<string, string[], SupportCategory[], string, string[]> Harms => new()
    {
        { "overdose", ["overdose"], [SupportCategory.Suicidal], "いますぐ119に電話してください", ["ひとりで寝ないで", "箱やシート", "電話代はかかりません", "親に知られる"] },
        { "violence_now", ["violence_now"], [SupportCategory.Abuse], "まず、安全な場所に移れるなら", ["110番", "子どもです、助けて", "189", "110番アプリシステム", "Net119", "事前の登録が必要"] },
        { "dv", [], [SupportCategory.Dv], "命の危険があるときは、すぐに110番", ["DV相談＋", "0120-279-889", "24時間"] },
        { "sexual_assault", ["sexual_assault"], [SupportCategory.SexualViolence], "いま危ない場所にいるなら、すぐに110番", ["あなたは悪くありません", "#8891", "センターによって異なります", "72時間", "#8103", "いまいる場所の都道府県警察"] },
        { "sextortion", ["sextortion"], [SupportCategory.SexualViolence], "お金は払わないでください", ["それ以上送らないで", "スクリーンショット", "#9110", "110番"] },
        { "friend", ["place_of_danger", "third_person"], [SupportCategory.Suicidal, SupportCategory.OtherPerson], "友だちがいま危ないなら、すぐに119", ["近くの大人", "ひとりで抱えなくて"] },
        { "plan", ["place_of_danger"], [SupportCategory.Suicidal], "いま危ない状態なら、すぐに119（救急）か110（警察）", ["0120-279-338"] },
    };

    [Theory]
    [MemberData(nameof(Harms))]
    public async Task Each_harm_gets_its_own_first_action_its_facts_and_a_safety_check(string name, string[] situations, SupportCategory[] categories, string firstLine, string[] facts)
    {
        var run = new CrisisRun(Night);
        var replies = await run.SendAsync("…", Assessment(RiskLevel.Critical, categories, situations));

        var block = replies[0];
        Assert.StartsWith(firstLine, block.Text!.Split('\n')[0], StringComparison.Ordinal);
        foreach (var fact in facts)
        {
            Assert.Contains(fact, block.Text, StringComparison.Ordinal);
        }

        // 110 and 119 as call buttons, once; the friend's reply speaks to the helper, never as if the writer were in danger.
        Assert.Contains(Cards(block), c => c.Buttons!.Any(b => b.Value!.Value.GetString() == "tel:119"));
        if (name == "friend")
        {
            Assert.DoesNotContain("あなたの命", block.Text, StringComparison.Ordinal);
        }

        var check = replies[^1];
        Assert.NotNull(check.SuggestedActions);
        Assert.InRange(check.SuggestedActions!.Actions.Count, 2, 3);
        Assert.Contains("？", check.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_full_block_is_sent_once_per_episode_later_danger_gets_a_reminder_and_only_a_new_harm_is_added()
    {
        var run = new CrisisRun(Night);
        var suicidal = Assessment(RiskLevel.Critical, [SupportCategory.Suicidal], ["means"]);
        var first = await run.SendAsync("…", suicidal);
        Assert.Contains(Cards(first[0]), c => c.Buttons!.Any(b => b.Value!.Value.GetString() == "tel:110"));

        run.Clock.Advance(TimeSpan.FromMinutes(2));
        var again = Assert.Single(await run.SendAsync("…", suicidal));
        Assert.Contains("さっきの番号は、いまもつながります", again.Text, StringComparison.Ordinal);
        Assert.Empty(again.Attachments ?? []);
        Assert.Null(again.SuggestedActions); // the check still waits for its answer: not asked a second time in a row

        run.Clock.Advance(TimeSpan.FromMinutes(2));
        var overdose = await run.SendAsync("…", Assessment(RiskLevel.Critical, [SupportCategory.Suicidal], ["overdose"]));
        Assert.StartsWith("いますぐ119に電話してください", overdose[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Cards(overdose[0]), c => c.Title == "緊急のとき");

        // Six quiet hours end the episode: the next danger gets the whole block again.
        run.Clock.Advance(TimeSpan.FromHours(7));
        var later = await run.SendAsync("…", suicidal);
        Assert.Contains(Cards(later[0]), c => c.Title == "緊急のとき");
    }

    [Fact]
    public async Task The_safety_check_is_asked_twice_at_most_then_the_person_is_listened_to()
    {
        var run = new CrisisRun(WeekdayDay);
        var stalked = Assessment(RiskLevel.High, [SupportCategory.Dv], ["violence_done"]);
        Assert.NotNull((await run.SendAsync("…", stalked))[^1].SuggestedActions);

        // The same harm again while the check waits: the numbers once more, with 110 first for harm by a person.
        var second = Assert.Single(await run.SendAsync("…", stalked));
        Assert.Contains("110（警察）に電話してください", second.Text, StringComparison.Ordinal);
        Assert.Null(second.SuggestedActions);

        // A message that does not answer: asked once more, with the same buttons.
        var third = Assert.Single(await run.SendAsync("昨日もバイト先に来た", Assessment(RiskLevel.None, [])));
        Assert.NotNull(third.SuggestedActions);

        // Not a third time: the crisis path lets the listening path answer.
        var (handled, fourth) = await run.TrySendAsync("家の前で待ってたこともある", Assessment(RiskLevel.None, []));
        Assert.False(handled);
        Assert.Empty(fourth);

        // Danger now after words of danger asks afresh.
        var critical = await run.SendAsync("…", Assessment(RiskLevel.Critical, [SupportCategory.Dv], ["violence_done"]));
        Assert.NotNull(critical[^1].SuggestedActions);
    }

    [Theory]
    [InlineData("安全な場所にいる", "安全な場所にいるんですね")]
    [InlineData("あぶない", "いますぐ119（救急）か110（警察）に電話してください")]
    [InlineData("もう飲んだ・した", "「救急です」と言")]
    [InlineData("いま外に出てコンビニにいる", "安全な場所にいるんですね")]
    [InlineData("さっき110にかけた", "電話してくれて、ありがとう")]
    public async Task Each_safety_check_answer_leads_to_its_next_step(string answer, string expected)
    {
        var run = new CrisisRun(WeekdayDay);
        await run.SendAsync("…", Assessment(RiskLevel.Critical, [SupportCategory.Suicidal], ["place_of_danger"]));
        var reply = Assert.Single(await run.SendAsync(answer, Assessment(RiskLevel.None, [])));
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("今夜やる")]
    [InlineData("もう決めた。今からする")]
    public async Task A_plan_given_a_time_after_the_safety_check_is_danger_not_a_question_asked_again(string answer)
    {
        var run = new CrisisRun(Night);
        await run.SendAsync("…", Assessment(RiskLevel.High, [SupportCategory.Suicidal], ["means"]));
        var reply = Assert.Single(await run.SendAsync(answer, Assessment(RiskLevel.None, [])));
        Assert.StartsWith("いますぐ119（救急）か110（警察）に電話してください", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.SuggestedActions);
    }

    [Fact]
    public async Task After_self_harm_a_cut_is_asked_about_and_bleeding_that_will_not_stop_gets_119_and_pressure_on_the_wound()
    {
        var run = new CrisisRun(Night);
        await run.SendAsync("…", Assessment(RiskLevel.High, [SupportCategory.SelfHarm]));
        var cut = Assert.Single(await run.SendAsync("今日も切った", Assessment(RiskLevel.None, [])));
        Assert.Contains("血は、止まっていますか", cut.Text, StringComparison.Ordinal);
        Assert.Contains("119", cut.Text, StringComparison.Ordinal);

        var bleeding = Assert.Single(await run.SendAsync("血がなかなか止まらない", Assessment(RiskLevel.None, [])));
        Assert.StartsWith("いますぐ119に電話してください", bleeding.Text, StringComparison.Ordinal);
        Assert.Contains("強くおさえ続けて", bleeding.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("体重増えるのがこわい", false)]
    [InlineData("学校に行くのはこわい", false)]
    [InlineData("こわい", true)]
    [InlineData("あいつが怖い", true)]
    public async Task Fear_of_an_outcome_is_not_read_as_danger_now_but_being_afraid_is(string answer, bool danger)
    {
        var run = new CrisisRun(WeekdayDay);
        await run.SendAsync("…", Assessment(RiskLevel.High, [SupportCategory.Health]));
        var replies = await run.SendAsync(answer, Assessment(RiskLevel.None, []));
        Assert.NotEmpty(replies);
        Assert.Equal(danger, replies.Any(r => r.Text?.Contains("いますぐ119（救急）か110（警察）", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task Cannot_speak_after_violence_gets_the_ways_that_work_by_text_with_their_registration_limits()
    {
        var run = new CrisisRun(Night);
        await run.SendAsync("…", Assessment(RiskLevel.Critical, [SupportCategory.Abuse], ["violence_now"]));
        var reply = Assert.Single(await run.SendAsync("電話できない。声出せない", Assessment(RiskLevel.None, [])));
        Assert.Contains("110番アプリシステム", reply.Text, StringComparison.Ordinal);
        Assert.Contains("登録していないときは、すぐには使えません", reply.Text, StringComparison.Ordinal);

        // Violence now (round 16): stay locked in and ask someone near to call, not the text-119 for disabilities first.
        Assert.Contains("鍵をかけたまま", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Net119", reply.Text, StringComparison.Ordinal);
        Assert.Contains("あなたのいばしょ", reply.Text, StringComparison.Ordinal);
        Assert.Contains("この画面を見せて", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_friend_not_reached_gets_110_for_the_friend_and_an_adult_not_advice_for_the_writer()
    {
        var run = new CrisisRun(WeekdayDay);
        var first = await run.SendAsync("…", Assessment(RiskLevel.Critical, [SupportCategory.Suicidal, SupportCategory.OtherPerson], ["place_of_danger", "third_person"]));
        Assert.True(HasButton(first[^1], "連絡がとれない"));
        var reply = Assert.Single(await run.SendAsync("連絡がとれない", Assessment(RiskLevel.None, [])));
        Assert.StartsWith("すぐに110番に電話して、友だちの名前と", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_about_a_friend_in_danger_stays_the_friends_danger_and_is_not_answered_as_the_writers_overdose()
    {
        var run = new CrisisRun(WeekdayDay);
        await run.SendAsync("部活の友だちが「もう生きていたくない」っていつも言う", Assessment(RiskLevel.High, [SupportCategory.Suicidal, SupportCategory.OtherPerson], ["third_person"]));

        var replies = await run.SendAsync("親の薬をこっそりためてるって聞いた", Assessment(RiskLevel.Critical, [SupportCategory.SelfHarm], ["overdose", "means"]));
        var text = string.Join("\n", replies.Select(r => r.Text));

        Assert.DoesNotContain("飲んだ薬と、いる場所を伝えて", text, StringComparison.Ordinal);
        Assert.DoesNotContain(replies, r => HasButton(r, "救急車はいや"));
    }

    [Fact]
    public async Task A_friends_worry_that_turns_to_the_writers_own_overdose_is_the_writers()
    {
        var run = new CrisisRun(WeekdayDay);
        await run.SendAsync("部活の友だちが「もう生きていたくない」っていつも言う", Assessment(RiskLevel.High, [SupportCategory.Suicidal, SupportCategory.OtherPerson], ["third_person"]));

        var replies = await run.SendAsync("実は私もさっき薬を全部飲んだ", Assessment(RiskLevel.Critical, [SupportCategory.SelfHarm], ["overdose"]));

        Assert.Contains(replies, r => r.Text?.Contains("119", StringComparison.Ordinal) == true);
        Assert.Contains(replies, r => HasButton(r, "救急車はいや"));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(19, false)]
    [InlineData(15, true)]
    public async Task Childrens_lines_are_shown_to_people_under_18_only(int? age, bool shown)
    {
        var run = new CrisisRun(Night) { Age = age };
        var replies = await run.SendAsync("…", Assessment(RiskLevel.High, [SupportCategory.Suicidal]));
        Assert.Equal(shown, replies[0].Text!.Contains("0120-0-78310", StringComparison.Ordinal));
    }

    [Fact]
    public async Task At_night_the_24_hour_text_service_is_offered_beside_the_phone_lines_and_nothing_closed_is_shown()
    {
        foreach (var (at, night) in new[] { (Night, true), (NewYear, true), (WeekdayDay, false) })
        {
            var run = new CrisisRun(at);
            var block = (await run.SendAsync("…", Assessment(RiskLevel.High, [SupportCategory.Suicidal])))[0];
            Assert.Contains("0120-279-338", block.Text, StringComparison.Ordinal);
            Assert.Equal(night, block.Text!.Contains("「あなたのいばしょ」で検索", StringComparison.Ordinal));
            Assert.DoesNotContain("受付時間外", block.Text, StringComparison.Ordinal);
            if (night)
            {
                // The いのちの電話 free dial is open 16–21 (and on the 10th): never offered at 02:20.
                Assert.DoesNotContain("0120-783-556", block.Text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_same_crisis_reads_the_same_in_english_with_the_first_action_first()
    {
        var run = new CrisisRun(Night) { English = true };
        var replies = await run.SendAsync("…", Assessment(RiskLevel.Critical, [SupportCategory.Suicidal], ["overdose"]));
        Assert.StartsWith("Call 119 now.", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("I'll call 119", replies[^1].SuggestedActions!.Actions.Select(a => a.Title));
    }

    /// <summary>Drives the crisis responder turn by turn with a given assessment, keeping the profile between turns.</summary>
    private sealed class CrisisRun
    {
        private readonly ConsultationProfile _profile = new();
        private readonly TestAdapter _adapter = new();
        private readonly CrisisResponder _crisis;

        public CrisisRun(DateTimeOffset now)
        {
            Clock = new FakeTimeProvider(now);
            var texts = BotTexts.Default;
            var cards = new ServiceCards(texts);
            _crisis = new CrisisResponder(texts, Directory.Value, cards, new HumanRequests(texts, Directory.Value, cards, Clock), Clock);
        }

        public FakeTimeProvider Clock { get; }

        public int? Age { get; init; }

        public bool English { get; init; }

        public async Task<List<Activity>> SendAsync(string text, RiskAssessment assessment)
        {
            var (handled, replies) = await TrySendAsync(text, assessment);
            Assert.True(handled, "the crisis path did not answer: " + text);
            return replies;
        }

        public async Task<(bool Handled, List<Activity> Replies)> TrySendAsync(string text, RiskAssessment assessment)
        {
            _profile.Age = Age;
            _profile.English = English;
            var handled = false;
            await _adapter.SendAsync(Activity.CreateMessage(text), async (turn, ct) =>
            {
                turn.TurnState.Set(_profile);
                handled = await _crisis.HandleAsync(turn, assessment, ct);
            });
            var replies = new List<Activity>();
            while (_adapter.GetNextReply() is { } reply)
            {
                replies.Add(reply);
            }

            return (handled, replies);
        }
    }
}
