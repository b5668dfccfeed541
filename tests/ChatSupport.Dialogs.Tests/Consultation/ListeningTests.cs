using ChatSupport.BotKit.Activities;
using ChatSupport.Dialogs.Consultation;
using ChatSupport.Domain.Handoff;
using Moq;
using static ChatSupport.Dialogs.Tests.Consultation.ConsultationHarness;

namespace ChatSupport.Dialogs.Tests.Consultation;

/// <summary>
/// Free text is the main way in: every message with content is answered in kind (an acknowledgement
/// by topic, a direct answer to what was asked, services once the topic is clear), never with the retry text.
/// </summary>
public sealed class ListeningTests
{
    private static readonly BotTexts Texts = BotTexts.Default;

    private static Mock<IHandoffRequests> Handoff(bool queued = true, bool available = true)
    {
        var handoff = new Mock<IHandoffRequests>();
        handoff.Setup(h => h.RequestAsync(It.IsAny<HandoffRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new HandoffRequestResult(queued, false, 1, available));
        return handoff;
    }

    /// <summary>The text is a line of one of these catalogue lists (a topic's plain and medium variants).</summary>
    private static void IsOneOf(string key, string? text)
    {
        var lines = Texts.List(key, false).Concat(Texts.Has(key + ".medium") ? Texts.List(key + ".medium", false) : []);
        Assert.True(lines.Contains(text ?? string.Empty), $"'{text}' is not a line of {key}");
    }

    // ── situations with their own reviewed line (fresh persona replays, round 4) ──

    [Theory]
    [InlineData("妊娠したかもしれない", "妊娠かもしれないと")]
    [InlineData("返せないから闇バイトやらないかって誘われてる", "#9110")]
    [InlineData("話し相手になってよ", "わたしはボット（プログラム）なので、話し相手や友だちのかわりにはなれません")]
    [InlineData("仕事やめてから半年くらい家から出てません", "家から出られない日が続くのは")]
    // Since round 14 the risk engine reads "send more or I tell the school" as sextortion (high): its crisis reply.
    [InlineData("もっと送らないと学校の人にばらすって言われてる", "それ以上送らないでください")]
    public async Task A_situation_with_its_own_line_is_answered_with_it_not_with_a_topic_line_that_misreads_it(string text, string expected)
    {
        await new ConsultationHarness(Handoff().Object).Started()
            .Send(text)
            .AssertReply(r => Assert.Contains(expected, r.Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_possible_pregnancy_is_not_answered_with_sleep_and_body_lines_nor_a_line_for_parents_of_sick_children()
    {
        var replies = new List<Activity>();
        var flow = new ConsultationHarness(Handoff().Object).Started();
        foreach (var text in new[] { "妊娠したかもしれない", "検査薬で陽性だった", "18〜29歳", "彼氏と連絡つかない", "誰にも言えない" })
        {
            flow = flow.Send(text).AssertReply(r => replies.Add(r)).SkipReplies();
        }

        await flow.StartTestAsync();
        Assert.Equal(5, replies.Count);
        Assert.DoesNotContain(replies, r => r.Text?.Contains("眠れなかったり", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(replies, r => r.Text?.Contains("#8000", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_message_that_only_gives_a_place_is_thanked_as_a_fact_and_brings_that_places_services_when_there_are_some()
    {
        var replies = new List<Activity>();
        var flow = new ConsultationHarness(Handoff().Object).Started();
        foreach (var text in new[] { "もう3ヶ月くらい誰とも話してない", "18〜29歳", "北海道です" })
        {
            flow = flow.Send(text).AssertReply(r => replies.Add(r)).SkipReplies();
        }

        await flow.StartTestAsync();
        Assert.Equal(3, replies.Count);
        IsOneOf("ack.fact", replies[2].Text);
        var again = new List<Activity>();
        flow = new ConsultationHarness(Handoff().Object).Started()
            .Send("もう3ヶ月くらい誰とも話してない").SkipReplies()
            .Send("18〜29歳").SkipReplies()
            .Send("北海道です").AssertReply(r => again.Add(r)).AssertReply(r => again.Add(r));
        await flow.StartTestAsync();
        Assert.StartsWith(Texts.Get("offer.local", false), again[1].Text, StringComparison.Ordinal);
        Assert.Contains("北海道", again[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_place_without_local_services_is_thanked_and_not_read_as_more_of_the_topic()
    {
        var replies = new List<Activity>();
        await new ConsultationHarness(Handoff().Object).Started()
            .Send("親がスマホ取り上げてくる").SkipReplies()
            .Send("埼玉です").AssertReply(r => replies.Add(r)).AssertReply(r => replies.Add(r))
            .StartTestAsync();
        IsOneOf("ack.fact", replies[0].Text);
        Assert.DoesNotContain("家", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pictures_sent_to_someone_online_bring_the_police_lines_for_it_not_the_fallback_for_anything()
    {
        var replies = new List<Activity>();
        await new ConsultationHarness(Handoff().Object).Started()
            .Send("SNSの人に自撮り送っちゃった")
            .AssertReply(r => replies.Add(r))
            .AssertReply(r => replies.Add(r))
            .StartTestAsync();
        Assert.Contains("#9110", replies[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Texts.Get("offer.none", false), replies[1].Text, StringComparison.Ordinal);
    }

    // ── intents ──

    [Theory]
    [InlineData("これってAI？")]
    [InlineData("人間が返事してるの？")]
    public async Task Asking_whether_it_is_a_bot_is_answered_plainly_with_when_people_are_on_duty(string text)
    {
        await new ConsultationHarness(Handoff().Object, counselorHours: "Mon-Fri 17:00-22:00").Started()
            .Send(text)
            .AssertReply(r =>
            {
                Assert.Contains("ボット", r.Text);
                Assert.Contains("人ではありません", r.Text);
                Assert.Contains("月〜金 17:00〜22:00", r.Text);
            })
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Telling_more_instead_of_answering_the_age_question_gets_one_list_of_services_not_two()
    {
        var harness = new ConsultationHarness(now: new DateTimeOffset(2026, 11, 26, 7, 20, 0, TimeSpan.FromHours(9)));
        await harness.Adapter.SendAsync(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount("user-1")] }, harness.Bot.OnTurnAsync);
        var asked = false;
        foreach (var text in new[] { "もう学校に行けてない" })
        {
            await harness.Adapter.SendAsync(Activity.CreateMessage(text), harness.Bot.OnTurnAsync);
            while (harness.Adapter.GetNextReply() is { } earlier)
            {
                asked |= earlier.Text?.Contains("年代を教えて", StringComparison.Ordinal) == true;
            }
        }

        Assert.True(asked);
        await harness.Adapter.SendAsync(Activity.CreateMessage("LINEグループ外されてて、今日も教室入るのこわい"), harness.Bot.OnTurnAsync);
        var replies = new List<Activity>();
        while (harness.Adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }

        Assert.True(replies.Count(r => ConsultationHarness.Cards(r).Any()) == 1, string.Join(" | ", replies.Select(r => r.Text)));
        Assert.Contains(replies, r => r.Text is { Length: > 0 } t && !t.StartsWith("話を聞いてくれる相談先", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Someone_writing_in_English_is_answered_in_English()
    {
        await new ConsultationHarness().Started()
            .Send("hi, can i write in english?")
            .AssertReply(r => Assert.Contains("I will answer in English", r.Text, StringComparison.Ordinal))
            .AssertReply(r => Assert.DoesNotMatch("[ぁ-んァ-ン]", r.Text ?? string.Empty))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("shinitai")]
    [InlineData("kusuri zenbu nonda")]
    [InlineData("ok")]
    public void Romaji_and_single_words_are_not_taken_for_English(string text) =>
        Assert.False(EnglishWriting.Looks(text));

    [Fact]
    public async Task Without_counselors_the_bot_answer_promises_no_person()
    {
        await new ConsultationHarness().Started()
            .Send("これってAI？")
            .AssertReply(r =>
            {
                Assert.Contains("ボット", r.Text);
                Assert.Contains("人につなぐことはできません", r.Text);
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("名前言わなくても大丈夫？")]
    [InlineData("匿名で相談できる？")]
    public async Task Asking_about_privacy_says_no_name_is_needed_who_reads_it_and_the_limit_when_a_life_is_in_danger(string text)
    {
        await new ConsultationHarness().Started()
            .Send(text)
            .AssertReply(r =>
            {
                Assert.Contains("書かなくて大丈夫", r.Text);
                Assert.Contains("相談員と管理者だけ", r.Text);
                Assert.Contains("命が危ないとき", r.Text);
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("これって親にバレない？")]
    [InlineData("親にばれる？")]
    [InlineData("家族に知られたりする？")]
    public async Task Asking_whether_parents_find_out_is_answered_about_parents_with_who_reads_it_and_the_limit(string text)
    {
        await new ConsultationHarness().Started()
            .Send(text)
            .AssertReply(r =>
            {
                Assert.Contains("親や学校、職場に連絡することはありません", r.Text);
                Assert.Contains("相談員と管理者だけ", r.Text);
                Assert.Contains("命が危ないとき", r.Text);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_second_privacy_question_gets_a_short_answer_not_the_same_three_lines_again()
    {
        string? first = null;
        await new ConsultationHarness().Started()
            .Send("名前とか言わなきゃだめ？")
            .AssertReply(r => first = r.Text)
            .Send("これ、だれが読むの？")
            .AssertReply(r =>
            {
                Assert.NotEqual(first, r.Text);
                Assert.Contains("相談員と管理者だけ", r.Text);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Asking_about_hours_outside_counselor_hours_gives_the_hours_and_services_open_now()
    {
        // Wednesday 02:00 JST; counselors 17:00–22:00 on weekdays.
        await new ConsultationHarness(Handoff().Object, now: new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.FromHours(9)), counselorHours: "Mon-Fri 17:00-22:00").Started()
            .Send("夜中でもやってる？")
            .AssertReplyContains("月〜金 17:00〜22:00")
            .AssertReply(r =>
            {
                Assert.Contains("いま受付中", r.Text);
                Assert.Contains(Cards(r), c => c.Subtitle == "いま受付中・24時間");
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Asking_whether_a_named_service_is_open_gets_that_services_status_not_this_chats_hours()
    {
        // Tuesday 17:30 JST: チャイルドライン's phone is open until 21:00.
        await new ConsultationHarness(Handoff().Object, now: new DateTimeOffset(2026, 12, 8, 17, 30, 0, TimeSpan.FromHours(9)), counselorHours: "Mon-Fri 17:00-22:00").Started()
            .Send("チャイルドラインってまだやってる時間？")
            .AssertReply(r =>
            {
                Assert.Contains("チャイルドライン", r.Text);
                Assert.DoesNotContain("相談員（人）がいる時間", r.Text);
                Assert.Contains(Cards(r), c => c.Title!.StartsWith("チャイルドライン", StringComparison.Ordinal) && c.Subtitle!.StartsWith("いま受付中", StringComparison.Ordinal));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_named_service_that_is_closed_is_never_shown_as_open()
    {
        // Monday 07:40 JST: チャイルドライン opens at 16:00.
        await new ConsultationHarness(Handoff().Object, now: new DateTimeOffset(2026, 12, 7, 7, 40, 0, TimeSpan.FromHours(9)), counselorHours: "Mon-Fri 17:00-22:00").Started()
            .Send("チャイルドラインって何時からやってる？")
            .AssertReply(r =>
            {
                Assert.Contains(Cards(r), c => c.Title!.StartsWith("チャイルドライン", StringComparison.Ordinal));
                Assert.DoesNotContain(Cards(r), c => c.Title!.StartsWith("チャイルドライン", StringComparison.Ordinal) && c.Subtitle!.StartsWith("いま受付中", StringComparison.Ordinal));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Asking_whether_anything_may_be_talked_about_gets_yes()
    {
        await new ConsultationHarness().Started()
            .Send("こんなことで相談してもいいのかな")
            .AssertReply(r => Assert.Contains("もちろんです", r.Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task Not_being_able_to_phone_brings_text_ways_open_now()
    {
        await new ConsultationHarness().Started()
            .Send("家族が寝てるから電話は無理")
            .AssertReplyContains("電話しなくても大丈夫")
            .AssertReply(r =>
            {
                var cards = Cards(r).ToList();
                Assert.NotEmpty(cards);
                Assert.All(cards, c => Assert.DoesNotContain(c.Buttons!, b => b.Type == ActionTypes.Call));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Asking_for_a_person_in_a_sentence_queues_with_the_preference_read_from_it()
    {
        var handoff = Handoff();
        await new ConsultationHarness(handoff.Object).Started()
            .Send("相談員さんと話せますか？女の人がいいです")
            .AssertReplyContains("相談員")
            .StartTestAsync();

        handoff.Verify(h => h.RequestAsync(It.Is<HandoffRequest>(r => r.Reason == HandoffReason.PersonAsked), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("Hi, can I talk to a counselor?")]
    [InlineData("I want to talk to a person")]
    public async Task Asking_for_a_person_in_English_queues_a_request_even_after_a_greeting(string text)
    {
        var handoff = Handoff();
        await new ConsultationHarness(handoff.Object).Started()
            .Send(text)
            .AssertReply(r => Assert.Contains("I will answer in English", r.Text, StringComparison.Ordinal))
            .AssertReply(r =>
            {
                Assert.DoesNotContain("thank you for coming", r.Text ?? string.Empty, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("counselor", r.Text ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            })
            .StartTestAsync();

        handoff.Verify(h => h.RequestAsync(It.Is<HandoffRequest>(r => r.Reason == HandoffReason.PersonAsked), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Asking_for_places_without_a_topic_asks_the_topic_then_shows_services()
    {
        await new ConsultationHarness().Started()
            .Send("相談できるところ教えて")
            .AssertReply(r =>
            {
                Assert.Contains("どんなことで困っていますか", r.Text);
                Assert.True(HasButton(r, "いじめ"));
            })
            .Send("いじめ")
            .AssertReplyContains("年代")
            .Send("中学生")
            .AssertReply(r => Assert.InRange(Cards(r).Count(), 1, 3))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_greeting_is_answered_with_an_invitation()
    {
        await new ConsultationHarness().Started()
            .Send("こんにちは")
            .AssertReply(r => Assert.Contains("どんなことでも", r.Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_farewell_gets_a_warm_close_with_a_24_hour_line_and_no_question()
    {
        await new ConsultationHarness().Started()
            .Send("ありがとう、またね")
            .AssertReply(r =>
            {
                Assert.Contains("いつでも", r.Text);
                Assert.Contains("24時間", r.Text);
                Assert.Contains("0120", r.Text);
                Assert.DoesNotContain("？", r.Text);
            })
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task An_unrelated_question_is_answered_honestly()
    {
        await new ConsultationHarness().Started()
            .Send("好きな食べ物なに？")
            .AssertReply(r => Assert.Contains("ボット", r.Text))
            .StartTestAsync();
    }

    // ── categories: the acknowledgement fits what the message is about ──

    [Theory]
    [InlineData("クラスのやつらに無視されてる", "ack.bullying")]
    [InlineData("学校がしんどくて行けてない", "ack.school")]
    [InlineData("親と毎日ケンカになる", "ack.family")]
    [InlineData("バイト先の店長がこわい", "ack.work")]
    [InlineData("最近ずっと眠れない", "ack.health")]
    [InlineData("ひとりぼっちでさみしい", "ack.loneliness")]
    [InlineData("住むところがなくなりそう", "ack.housing")]
    [InlineData("お金がなくてごはん食べてない", "ack.poverty")]
    [InlineData("彼氏に束縛されてスマホも勝手に見られる", "ack.dv")]
    [InlineData("友達がいじめられてて心配", "ack.bullying")]
    public async Task The_acknowledgement_is_chosen_by_what_the_message_is_about(string text, string key)
    {
        await new ConsultationHarness().Started()
            .Send(text)
            .AssertReply(r => IsOneOf(key, r.Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task Bullying_is_acknowledged_as_hurtful_and_not_their_fault()
    {
        await new ConsultationHarness().Started()
            .Send("クラスで無視されてて、物もかくされる")
            .AssertReply(r => Assert.True(r.Text!.Contains("悪くありません", StringComparison.Ordinal) || r.Text.Contains("せいではありません", StringComparison.Ordinal) || r.Text.Contains("悪いのではありません", StringComparison.Ordinal)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Five_messages_about_the_same_thing_never_get_the_same_line_five_times()
    {
        var replies = new List<string>();
        var flow = new ConsultationHarness().Started();
        foreach (var text in new[] { "クラスで無視されてる", "今日も無視された", "机に落書きされてた", "みんな笑ってた", "明日も無視されるのかな" })
        {
            flow = flow.Send(text).AssertReply(r => replies.Add(r.Text!)).SkipReplies();
        }

        await flow.StartTestAsync();
        Assert.True(replies.Distinct().Count() >= 4, string.Join(" | ", replies));
        Assert.DoesNotContain(replies, r => r.Contains("受け取れません", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_age_written_in_a_message_is_remembered_and_never_asked_again()
    {
        await new ConsultationHarness().Started()
            .Send("中2です。クラスで無視されてる").SkipReplies()
            .Send("相談先を知りたい")
            .AssertReply(r =>
            {
                Assert.DoesNotContain("年代", r.Text);
                Assert.NotEmpty(Cards(r));
                Assert.DoesNotContain(Cards(r), c => c.Title!.Contains("30", StringComparison.Ordinal));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_whole_situation_in_one_message_reaches_the_local_office_the_rent_benefit_and_a_24_hour_line_without_questions()
    {
        // 21:00 on a weekday: the self-reliance office's page, the rent benefit, and a line open now all night.
        await new ConsultationHarness(now: new DateTimeOffset(2026, 11, 25, 21, 0, 0, TimeSpan.FromHours(9))).Started()
            .Send("派遣の仕事が今月で終わって、手取り14万で家賃5万5千円なので来月払えるか不安です。大阪に住んでる23歳です")
            .AssertReply(r => Assert.True(Texts.List("ack.housing", false).Contains(r.Text!) || Texts.List("ack.poverty", false).Contains(r.Text!) || Texts.List("ack.work", false).Contains(r.Text!), r.Text))
            .AssertReply(r =>
            {
                Assert.Contains("住居確保給付金", r.Text);
                var cards = Cards(r).ToList();
                Assert.Contains(cards, c => c.Title!.Contains("自立相談支援機関", StringComparison.Ordinal));
                Assert.Contains(cards, c => c.Subtitle == "いま受付中・24時間");
            })
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Serious_distress_brings_places_that_listen_after_one_question()
    {
        await new ConsultationHarness().Started()
            .Send("毎日しんどくて涙が出る")
            .AssertReply(r => IsOneOf("ack.health", r.Text))
            .AssertReplyContains("年代")
            .Send("高校生")
            .AssertReply(r =>
            {
                var cards = Cards(r).ToList();
                Assert.InRange(cards.Count, 1, 3);
                // Someone who cries every day is offered places that listen, not a specialist of another problem.
                Assert.DoesNotContain(cards, c => c.Title!.Contains("性暴力", StringComparison.Ordinal));
            })
            .StartTestAsync();
    }
}
