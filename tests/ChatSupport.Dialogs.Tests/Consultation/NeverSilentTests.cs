using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Events;
using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatSupport.Dialogs.Tests.Consultation;

/// <summary>
/// Whole conversations with the real risk engine, the real handoff service and the relay (docs/crisis.md
/// "Waiting"): while a conversation waits and no counselor holds it, every message gets an answer; only a
/// counselor holding it makes the bot step back. Clocks are fixed in Japan time.
/// </summary>
public sealed class NeverSilentTests
{
    [Fact]
    public async Task The_19_year_old_at_0220_on_2_January_who_took_all_her_medicine_gets_a_fitting_answer_to_every_message()
    {
        // Counselors work weekday evenings only; 2 January 2027 is a Saturday: nobody until Monday 17:00.
        var rig = new Rig(CrisisTests.NewYear, "Mon-Fri 17:00-22:00");

        var first = await rig.SayAsync("薬全部飲んだ");
        Assert.StartsWith("いますぐ119に電話してください", first[0].Text, StringComparison.Ordinal);
        Assert.Contains("ひとりで寝ないで", first[0].Text, StringComparison.Ordinal);
        Assert.Contains(first, r => r.Text!.Contains("受付時間外", StringComparison.Ordinal) && r.Text.Contains("1月4日の17:00から", StringComparison.Ordinal));
        Assert.DoesNotContain(first, r => r.Text!.Contains("急いでつなぎます", StringComparison.Ordinal));
        Assert.True(ConsultationHarness.HasButton(first[^1], "119に電話する"));
        Assert.Equal(HandoffState.Waiting, (await rig.Queries.FindAsync(rig.ConversationId))!.State);

        var expectations = new (string Say, string[] Expect)[]
        {
            ("なんか気持ち悪い。心臓ばくばくしてる", ["飲んだ薬", "119"]),
            ("救急車はやだ。親に連絡いくし、お金もないし", ["大げさなことではありません", "知られるのが心配", "電話代はかかりません", "119"]),
            ("ちょっと寝たら治るかな", ["眠らないでください", "119"]),
            ("ひとり暮らしだから誰もいない", ["ひとりのときこそ", "119"]),
            ("ねむい", ["眠らないでください", "119"]),
        };
        foreach (var (say, expect) in expectations)
        {
            rig.Clock.Advance(TimeSpan.FromMinutes(1));
            var replies = await rig.SayAsync(say);
            var text = string.Join("\n", replies.Select(r => r.Text));
            Assert.True(replies.Count > 0, "no answer to: " + say);
            foreach (var e in expect)
            {
                Assert.Contains(e, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task More_of_the_story_after_a_crisis_reply_is_answered_not_met_with_the_same_question()
    {
        var rig = new Rig(CrisisTests.WeekdayDay, "Mon-Fri 17:00-22:00");
        var first = await rig.SayAsync("さっき家にあった薬、ぜんぶ飲んじゃった");
        Assert.True(ConsultationHarness.HasButton(first[^1], "119に電話する"));

        foreach (var more in new[] { "高1だけど", "部屋にひとりでいて、親はまだ帰ってきてない" })
        {
            rig.Clock.Advance(TimeSpan.FromMinutes(1));
            var replies = await rig.SayAsync(more);
            var text = string.Join("\n", replies.Select(r => r.Text));
            Assert.Contains("119", text, StringComparison.Ordinal);
            Assert.DoesNotContain("いま安全かどうか", text, StringComparison.Ordinal);
            Assert.DoesNotContain(replies, r => ConsultationHarness.HasButton(r, "救急車はいや"));
        }

        // The check is still open: an answer given later is read as its answer.
        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains("電話できないときの方法", string.Join("\n", (await rig.SayAsync("電話できない")).Select(r => r.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Words_left_for_the_family_are_a_goodbye_not_a_worry_about_parents_finding_out()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("もう死にたい。いま歩道橋の上にいる");
        rig.Clock.Advance(TimeSpan.FromMinutes(1));

        var text = string.Join("\n", (await rig.SayAsync("お母さんにごめんねって伝えといて")).Select(r => r.Text));

        Assert.Contains("直接伝えてほしい", text, StringComparison.Ordinal);
        Assert.Contains("110", text, StringComparison.Ordinal);
        Assert.DoesNotContain("知られたくない気持ち", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_letter_left_after_words_of_dying_is_answered_as_a_goodbye_not_as_another_topic()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("もう消えたい");
        rig.Clock.Advance(TimeSpan.FromMinutes(1));

        var text = string.Join("\n", (await rig.SayAsync("家族あての手紙を書いた。机の上においてきた")).Select(r => r.Text));

        Assert.Contains("110", text, StringComparison.Ordinal);
        Assert.DoesNotContain("物をかくされたり", text, StringComparison.Ordinal);
        Assert.DoesNotContain("いやなことをされ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bed_at_a_friends_is_not_answered_as_a_strangers()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("父親になぐられて家から追い出された。今夜寝るところがない");
        rig.Clock.Advance(TimeSpan.FromMinutes(1));

        var text = string.Join("\n", (await rig.SayAsync("今夜は友だちの家に泊めてもらおうかな")).Select(r => r.Text));

        Assert.DoesNotContain("行かないでください", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_about_the_hours_inside_a_crisis_while_waiting_gets_the_hours_and_the_waiting_line()
    {
        var rig = new Rig(CrisisTests.WeekdayDay, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("友だちが手首を切ってる写真を送ってきた");
        rig.Clock.Advance(TimeSpan.FromMinutes(1));

        var text = string.Join("\n", (await rig.SayAsync("部活のあとでも相談できる？夜は何時まで？")).Select(r => r.Text));

        // 14:00 on a weekday, counselors from 17:00: the hours, and plainly that nobody can take a chat now.
        Assert.Contains("受付時間は月〜金 17:00〜22:00", text, StringComparison.Ordinal);
        Assert.Contains("いまはつながれる相談員がいません", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_offering_a_bed_after_being_put_out_is_told_not_to_go()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("父親になぐられて家から追い出された。今夜寝るところがない");
        rig.Clock.Advance(TimeSpan.FromMinutes(1));

        var text = string.Join("\n", (await rig.SayAsync("インスタで知り合った人が泊めてくれるって言ってるけど、行っていいかな")).Select(r => r.Text));

        Assert.Contains("行かないでください", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_nobody_is_on_duty_a_topic_told_for_the_first_time_gets_its_services_once()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("人と話したい");
        rig.Clock.Advance(TimeSpan.FromMinutes(1));

        var first = string.Join("\n", (await rig.SayAsync("バイト先の店長にずっと怒鳴られてて、もう行きたくない")).Select(r => r.Text));
        Assert.Contains("相談員は", first, StringComparison.Ordinal);
        Assert.Contains("相談先です", first, StringComparison.Ordinal);

        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = string.Join("\n", (await rig.SayAsync("シフトも勝手に増やされるし")).Select(r => r.Text));
        Assert.DoesNotContain("相談先です", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phone_about_to_die_inside_a_crisis_while_waiting_gets_the_number_to_keep()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("親に家から閉め出された。外でずっと待ってる");
        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        await rig.SayAsync("たぶん大丈夫");
        rig.Clock.Advance(TimeSpan.FromMinutes(1));

        var text = string.Join("\n", (await rig.SayAsync("スマホの充電もうすぐ切れる")).Select(r => r.Text));

        Assert.Contains("充電が切れる前に", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_university_student_in_a_crisis_reply_gets_no_childrens_abuse_line()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("こんばんは");
        await rig.SayAsync("大学2年です");
        rig.Clock.Advance(TimeSpan.FromMinutes(1));

        var text = string.Join("\n", (await rig.SayAsync("おとといから何も食べてない。親にはまだ言えてない")).Select(r => r.Text));

        Assert.DoesNotContain("189", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("中3。待つのは別にいいけど、あとどのくらい？")]
    [InlineData("相談員さんって今いるの？")]
    [InlineData("ずっと待ってれば来てくれる？")]
    public async Task A_question_about_the_wait_is_answered_with_the_whole_waiting_line_even_with_a_fact_in_it(string question)
    {
        var rig = new Rig(CrisisTests.WeekdayDay, "Daily 00:00-24:00", new CounselorAccount("tanaka", CounselorRole.Counselor, CounselorStatus.Away, false));
        await rig.SayAsync("人と話したい");
        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        await rig.SayAsync("友だちとうまくいってなくて");
        rig.Clock.Advance(TimeSpan.FromMinutes(1));

        var text = string.Join("\n", (await rig.SayAsync(question)).Select(r => r.Text));

        Assert.Contains("いつ来られるかは、いまはわかりません", text, StringComparison.Ordinal);
        Assert.Contains("キャンセル", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_nobody_on_duty_the_person_is_told_plainly_and_still_answered()
    {
        var rig = new Rig(CrisisTests.WeekdayDay, "Daily 00:00-24:00", new CounselorAccount("tanaka", CounselorRole.Counselor, CounselorStatus.Away, false));
        var asked = await rig.SayAsync("人と話したい");
        Assert.Contains(asked, r => r.Text!.Contains("いまは対応できる相談員がいません", StringComparison.Ordinal));
        Assert.DoesNotContain(asked, r => r.Text!.Contains("少し待っていてください", StringComparison.Ordinal));

        // The answer and the waiting line come first (the services for the topic, told for the first time, after them).
        var reply = (await rig.SayAsync("学校でずっとひとりで、しんどい"))[0];
        Assert.Contains("いまは対応できる相談員がいません", reply.Text, StringComparison.Ordinal);
        Assert.Contains("わたし（ボット）が話を聞きます", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.SuggestedActions);

        // Then not under every answer (the same parenthesis each time reads as not listening), but every third message.
        var next = Assert.Single(await rig.SayAsync("うん"));
        Assert.DoesNotContain("相談員", next.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("相談員", Assert.Single(await rig.SayAsync("そうなんだ")).Text, StringComparison.Ordinal);
        var third = Assert.Single(await rig.SayAsync("わかった"));
        Assert.Contains("来たら、この会話を読みます", third.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_counselor_on_duty_who_has_not_taken_it_the_bot_answers_with_the_place_in_the_queue()
    {
        var rig = new Rig(CrisisTests.WeekdayDay, "Daily 00:00-24:00", new CounselorAccount("tanaka", CounselorRole.Counselor, CounselorStatus.Available, false));
        Assert.Contains(await rig.SayAsync("人と話したい"), r => r.Text!.Contains("1番目", StringComparison.Ordinal));

        var reply = Assert.Single(await rig.SayAsync("まだかな"));
        Assert.Contains("相談員がこのチャットで返事をします（いま1番目）", reply.Text, StringComparison.Ordinal);
        Assert.Contains("キャンセル", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_hours_the_bot_says_when_counselors_are_back()
    {
        var rig = new Rig(CrisisTests.WeekdayDay, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("人と話したい");
        var reply = Assert.Single(await rig.SayAsync("話を聞いてほしい"));
        Assert.Contains("相談員は今日の17:00から", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Danger_while_waiting_gets_the_crisis_reply_and_raises_the_priority()
    {
        var rig = new Rig(CrisisTests.Night, "Daily 00:00-24:00", new CounselorAccount("tanaka", CounselorRole.Counselor, CounselorStatus.Available, false));
        await rig.SayAsync("人と話したい");
        var replies = await rig.SayAsync("もう死にたい。今から飛び降りる");
        Assert.StartsWith("いま危ない状態なら、すぐに119", replies[0].Text, StringComparison.Ordinal);
        Assert.Equal(Domain.Risk.RiskLevel.Critical, (await rig.Queries.FindAsync(rig.ConversationId))!.Priority);
    }

    [Fact]
    public async Task Once_a_counselor_holds_the_conversation_the_bot_steps_back_even_for_danger()
    {
        var rig = new Rig(CrisisTests.WeekdayDay, "Daily 00:00-24:00", new CounselorAccount("tanaka", CounselorRole.Counselor, CounselorStatus.Available, false));
        await rig.SayAsync("人と話したい");
        Assert.Equal(HandoffOutcome.Done, (await rig.Commands.ClaimAsync(rig.ConversationId, new CounselorIdentity("tanaka", CounselorRole.Counselor))).Outcome);
        rig.Drain();

        Assert.Empty(await rig.SayAsync("こんにちは"));
        Assert.Empty(await rig.SayAsync("もう死にたい"));
    }

    [Fact]
    public async Task Cancel_while_waiting_still_ends_the_wait()
    {
        var rig = new Rig(CrisisTests.WeekdayDay, "Daily 00:00-24:00");
        await rig.SayAsync("人と話したい");
        Assert.Contains("待つのをやめました", Assert.Single(await rig.SayAsync("キャンセル")).Text, StringComparison.Ordinal);
        Assert.Equal(HandoffState.Bot, (await rig.Queries.FindAsync(rig.ConversationId))!.State);
    }

    [Fact]
    public async Task A_person_who_cannot_phone_because_her_partner_would_hear_is_not_told_to_call_now()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("同棲してる彼氏に、機嫌悪いと物投げられる");

        var text = Text(await rig.SayAsync("電話すると彼にばれるから、チャットがいい"));

        Assert.DoesNotContain("いますぐかけてください", text, StringComparison.Ordinal);
        // Partner violence: the partner-violence line's mail and chat (since round 10), not the emergency apps first.
        Assert.Contains("メールで24時間", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_an_overdose_a_worry_about_calling_is_not_read_as_having_called()
    {
        var rig = new Rig(CrisisTests.NewYear, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("さっきまとめて薬のんだ");

        var worry = Text(await rig.SayAsync("救急車呼んだら親にバレる"));
        Assert.DoesNotContain("電話してくれて、ありがとう", worry, StringComparison.Ordinal);
        Assert.Contains("知られるのが心配", worry, StringComparison.Ordinal);
        Assert.Contains("119", worry, StringComparison.Ordinal);

        rig.Clock.Advance(TimeSpan.FromMinutes(2));
        var sleep = Text(await rig.SayAsync("寝れば治るよね"));
        Assert.Contains("眠らないでください", sleep, StringComparison.Ordinal);

        rig.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Contains("119", Text(await rig.SayAsync("頭ぼーっとする")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_boy_who_sent_a_photo_is_told_it_is_not_his_fault_and_not_to_pay_when_he_asks()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        var first = Text(await rig.SayAsync("インスタで知り合った女の子に裸の写真送っちゃって"));
        Assert.StartsWith("写真や動画は、送らなくて大丈夫です", first, StringComparison.Ordinal);
        Assert.Contains("あなたのせいではありません", first, StringComparison.Ordinal);
        Assert.DoesNotContain("緊急避妊", first, StringComparison.Ordinal);

        await rig.SayAsync("安全な場所にいる");
        var pay = Text(await rig.SayAsync("払ったほうがいい？"));
        Assert.Contains("画像が消される保証はありません", pay, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SNSの人に下着の写真送ってしまって、今夜までにもっと送らんと学校にばらまくって", "電話なら、かけられるかも。今ひとりやし", "#8103")]
    [InlineData("おとうさんに毎晩けられる。きのうもお腹けられた", "電話は、充電もつならできる", "189")]
    [InlineData("もう死にたい。今夜で終わりにする", "電話だったら、できそう", "0120-279-338")]
    public async Task Saying_a_call_is_possible_after_all_gets_the_one_number_for_the_harm(string crisis, string canCall, string number)
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        await rig.SayAsync(crisis);
        await rig.SayAsync("安全な場所にいる");

        var text = Text(await rig.SayAsync(canCall));

        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains("電話できそうなら", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deep_cut_that_keeps_bleeding_is_answered_as_a_wound_never_as_medicine_taken()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        var first = Text(await rig.SayAsync("いつもより深く切ってしまった、手が止まらなかった"));
        var bleeding = Text(await rig.SayAsync("ティッシュで押さえてるけど、まだ血がじわじわ出てくる"));
        var cannotCall = Text(await rig.SayAsync("電話は無理、家族寝てるし知られたくない"));
        var age = Text(await rig.SayAsync("17。大阪"));

        var all = string.Join("\n", first, bleeding, cannotCall, age);
        Assert.True(!all.Contains("飲んだ薬", StringComparison.Ordinal), all);
        Assert.Contains("119", bleeding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_being_able_to_call_is_not_read_as_being_able_to()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("おとうさんに毎晩けられる。きのうもお腹けられた");
        await rig.SayAsync("安全な場所にいる");

        var text = Text(await rig.SayAsync("電話なら、かけられない。声が聞こえる"));

        Assert.DoesNotContain("電話できそうなら", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_friend_sending_a_photo_of_cutting_is_a_friend_in_danger_not_sextortion()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");

        var first = Text(await rig.SayAsync("友達が手首切ってる写真送ってきた"));

        Assert.StartsWith("友だちがいま危ないなら", first, StringComparison.Ordinal);
        Assert.DoesNotContain("お金は払わないで", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("お父さんに毎日殴られてる", "警察とか大ごとにしたくない", "189は警察ではなく")]
    [InlineData("きのう知らない人に無理やりされた", "妊娠してたらどうしよう", "72時間以内")]
    [InlineData("きのう知らない人に無理やりされた", "警察とか行ったほうがいいの？", "警察に届けるかどうか")]
    [InlineData("友達が今日死ぬって言ってる", "先生に言ったら怒られるかな", "大人に伝えるのは、正しいこと")]
    public async Task A_worry_after_a_crisis_reply_gets_its_own_answer(string crisis, string worry, string expected)
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        await rig.SayAsync(crisis);
        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        await rig.SayAsync("うん");
        rig.Clock.Advance(TimeSpan.FromMinutes(1));

        var text = Text(await rig.SayAsync(worry));

        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_waiting_a_message_is_acknowledged_by_its_own_topic()
    {
        var rig = new Rig(CrisisTests.WeekdayDay, "Daily 00:00-24:00", new CounselorAccount("tanaka", CounselorRole.Counselor, CounselorStatus.Available, false));
        await rig.SayAsync("人と話したい");

        var text = Text(await rig.SayAsync("クラスでずっと無視されてる"));

        Assert.Contains("番目", text, StringComparison.Ordinal);
        Assert.Contains(BotTexts.Default.List("ack.bullying", false).Concat(BotTexts.Default.List("ack.bullying.medium", false)), l => text.Contains(l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_kind_of_counselor_asked_for_while_waiting_reaches_the_queue_item_and_is_not_promised()
    {
        var rig = new Rig(CrisisTests.WeekdayDay, "Daily 00:00-24:00", new CounselorAccount("tanaka", CounselorRole.Counselor, CounselorStatus.Available, false));
        await rig.SayAsync("人と話したい");

        var text = Text(await rig.SayAsync("あの、できれば女の人のほうが話しやすいです"));

        Assert.Equal("女性の相談員", (await rig.Queries.FindAsync(rig.ConversationId))!.Preference);
        Assert.Contains("女性の相談員がいいこと", text, StringComparison.Ordinal);
        Assert.Contains("約束はできません", text, StringComparison.Ordinal);
        Assert.Contains("番目", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("もう寝るね、おやすみ")]
    [InlineData("ありがと、またね")]
    public async Task A_goodbye_while_waiting_gets_a_warm_close_and_how_to_stop_waiting(string goodbye)
    {
        var rig = new Rig(CrisisTests.WeekdayDay, "Daily 00:00-24:00", new CounselorAccount("tanaka", CounselorRole.Counselor, CounselorStatus.Away, false));
        await rig.SayAsync("人と話したい");

        var text = Text(await rig.SayAsync(goodbye));

        Assert.Contains("ゆっくり休んで", text, StringComparison.Ordinal);
        Assert.Contains("キャンセル", text, StringComparison.Ordinal);
        Assert.DoesNotContain("教えてくれて、ありがとう", text, StringComparison.Ordinal);
        Assert.Equal(HandoffState.Waiting, (await rig.Queries.FindAsync(rig.ConversationId))!.State);
    }

    [Theory]
    [InlineData("まだかな？")]
    [InlineData("あとどのくらい待つの")]
    public async Task Asking_how_long_while_waiting_gets_the_place_in_the_queue_in_full(string question)
    {
        var rig = new Rig(CrisisTests.WeekdayDay, "Daily 00:00-24:00", new CounselorAccount("tanaka", CounselorRole.Counselor, CounselorStatus.Available, false));
        await rig.SayAsync("人と話したい");
        await rig.SayAsync("学校のことで");

        var text = Text(await rig.SayAsync(question));

        Assert.Contains(BotTexts.Default.Format("waiting.on_duty", false, 1), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_where_to_go_while_waiting_gets_the_services_for_what_was_told_and_the_waiting_line()
    {
        var rig = new Rig(CrisisTests.WeekdayDay, "Daily 00:00-24:00", new CounselorAccount("tanaka", CounselorRole.Counselor, CounselorStatus.Available, false));
        await rig.SayAsync("こんにちは");
        await rig.SayAsync("家賃が払えなくて、来月には部屋を出ないといけない");
        await rig.SayAsync("人と話したい");

        var replies = await rig.SayAsync("明日になったらどこに相談すればいい？");

        Assert.Contains(replies.SelectMany(ConsultationHarness.Cards), c => c.Title!.StartsWith("自立相談支援機関", StringComparison.Ordinal));
        Assert.Contains("番目", Text(replies), StringComparison.Ordinal);
        Assert.DoesNotContain(replies, r => r.SuggestedActions?.Actions?.Count > 0);
    }

    [Theory]
    [InlineData("同室の子が寝てるから電話できない")]
    [InlineData("電話はちょっと無理")]
    public async Task Not_being_able_to_phone_while_waiting_is_answered_with_writing_here_and_a_text_line(string message)
    {
        var rig = new Rig(CrisisTests.WeekdayDay, "Daily 00:00-24:00", new CounselorAccount("tanaka", CounselorRole.Counselor, CounselorStatus.Available, false));
        await rig.SayAsync("人と話したい");

        var text = Text(await rig.SayAsync(message));

        Assert.Contains("このまま文字で話せます", text, StringComparison.Ordinal);
        Assert.Contains("あなたのいばしょ", text, StringComparison.Ordinal);
        Assert.Contains("番目", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round16_whether_to_go_to_hospital_after_an_assault_is_answered_with_the_72_hours_not_a_list()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("ゆうべ知らない人に車に連れ込まれて、いやなことをされた");

        var text = Text(await rig.SayAsync("婦人科って行ったほうがいいの？"));

        Assert.Contains("72時間", text, StringComparison.Ordinal);
        Assert.Contains("#8891", text, StringComparison.Ordinal);
        Assert.DoesNotContain("話を聞いてくれる相談先です", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round16_whether_to_see_a_doctor_for_a_wound_gets_119_first_not_a_childrens_line()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("カッターで腕を切った。けっこう深いかも");

        var replies = await rig.SayAsync("病院いくべき？");

        var text = Text(replies);
        Assert.Contains("119番", text, StringComparison.Ordinal);
        Assert.DoesNotContain(replies.SelectMany(ConsultationHarness.Cards), c => (c.Title ?? string.Empty).Contains("子供", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Round16_whether_to_block_someone_threatening_to_spread_pictures_is_yes_after_screenshots()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("SNSで知り合った人に写真送ったら、ばらまくぞって脅されてる");

        var text = Text(await rig.SayAsync("ブロックしても大丈夫？"));

        Assert.Contains("ブロックしていい", text, StringComparison.Ordinal);
        Assert.Contains("スクリーンショット", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round16_not_wanting_parents_told_after_an_assault_is_answered_not_only_thanked()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("部活の先輩に無理やりされた。高1");

        var text = Text(await rig.SayAsync("でも親には言いたくない"));

        Assert.Contains("知られたくない気持ち", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("でも実際に何かしようとは思ってないです")]
    [InlineData("死ぬつもりはないよ。ただしんどいだけ")]
    public async Task Round16_no_plan_after_a_wish_not_to_wake_is_heard_not_answered_with_call_119_now(string answer)
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("毎晩、このまま目が覚めなければいいのにって思う");

        var text = Text(await rig.SayAsync(answer));

        Assert.Contains("するつもりはない、と読みました", text, StringComparison.Ordinal);
        Assert.DoesNotContain("いますぐ119", text, StringComparison.Ordinal);

        var goodbye = Text(await rig.SayAsync("ありがとう。ちょっと横になる"));
        Assert.DoesNotContain("これで終わりにしないでください", goodbye, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round16_a_child_put_out_of_the_house_at_night_asking_where_to_go_gets_189_and_a_lit_place_not_a_rent_office()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("親にキレられて家から追い出された。中2。いま公園にいる");

        var replies = await rig.SayAsync("さむくて死にそう。どこに行けばいいの");

        var text = Text(replies);
        Assert.Contains("189", text, StringComparison.Ordinal);
        Assert.Contains("明るくて人のいる場所", text, StringComparison.Ordinal);
        Assert.DoesNotContain("住居確保給付金", text, StringComparison.Ordinal);
        Assert.DoesNotContain(replies.SelectMany(ConsultationHarness.Cards), c => (c.Title ?? string.Empty).Contains("自立相談支援機関", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Round16_within_the_hours_with_nobody_signed_in_the_welcome_states_no_hours_beside_nobody_now()
    {
        var rig = new Rig(CrisisTests.WeekdayDay, "Daily 00:00-24:00", new CounselorAccount("tanaka", CounselorRole.Counselor, CounselorStatus.Away, false));

        var welcome = Text(await rig.JoinAsync());
        Assert.Contains("いまは相談員（人）がつながれない", welcome, StringComparison.Ordinal);
        Assert.DoesNotContain("受付時間は", welcome, StringComparison.Ordinal);

        var isBot = Text(await rig.SayAsync("これってAIが返事してるの？"));
        Assert.Contains("いまは相談員（人）がつながれません", isBot, StringComparison.Ordinal);
        Assert.DoesNotContain("受付時間は", isBot, StringComparison.Ordinal);

        // Outside the hours they are said, with nobody now.
        var night = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        Assert.Contains("受付時間は", Text(await night.JoinAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round16_a_worry_answered_inside_a_crisis_does_not_bring_the_safety_question_again()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("ネットで知り合った人に写真送ったら、お金払わんとばらまくって言われた");

        var replies = await rig.SayAsync("払ったら消してもらえるんかな");

        var text = Text(replies);
        Assert.Contains("払わないでください", text, StringComparison.Ordinal);
        Assert.DoesNotContain("安全な場所にいますか", text, StringComparison.Ordinal);
        Assert.All(replies, r => Assert.Null(r.SuggestedActions));
    }

    [Fact]
    public async Task Round16_a_child_asking_what_to_do_if_the_violence_at_home_happens_again_gets_110_a_safe_room_and_189()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("中1です。さっきお父さんがお母さんを殴ってるのを見た");

        var text = Text(await rig.SayAsync("もしまた殴りだしたらどうしたらいい？"));

        Assert.Contains("すぐに110番", text, StringComparison.Ordinal);
        Assert.Contains("鍵のかかる部屋", text, StringComparison.Ordinal);
        Assert.Contains("189", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round16_asking_whether_one_may_call_119_for_a_sibling_behind_a_locked_door_is_told_yes_now()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("妹のことで相談です。高1の妹が部屋にこもってる");
        await rig.SayAsync("さっき妹が「もう終わりにする」ってLINEしてきた。ノックしても返事がない");

        var text = Text(await rig.SayAsync("救急車って呼んでもいいのかな"));

        Assert.Contains("119番", text, StringComparison.Ordinal);
        Assert.Contains("呼んでいいです", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round16_a_child_asking_whether_to_call_110_while_a_parent_is_hit_is_told_yes()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("小6。いまお父さんがお母さんをなぐってる音がする");

        var text = Text(await rig.SayAsync("110したらお父さん捕まる？どうしよう"));

        Assert.Contains("電話していいです", text, StringComparison.Ordinal);
        Assert.Contains("110番", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("処方の薬を飲まずにずっとためてる。いま目の前にある")]
    [InlineData("薬ためてる。今夜飲むつもり")]
    public async Task Round16_pills_saved_up_and_not_taken_are_answered_as_means_not_as_an_overdose(string text)
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");

        var reply = Text(await rig.SayAsync(text));

        Assert.DoesNotContain("飲んだ薬", reply, StringComparison.Ordinal);
        Assert.Contains("離れて", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round16_pills_saved_up_and_taken_are_still_an_overdose()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");

        var reply = Text(await rig.SayAsync("ためてた薬、さっき40錠飲んだ"));

        Assert.Contains("いますぐ119", reply, StringComparison.Ordinal);
        Assert.Contains("飲んだ薬", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round17_while_waiting_for_a_person_hopelessness_is_met_with_the_direct_question_last()
    {
        var rig = new Rig(CrisisTests.Night, "Mon-Fri 17:00-22:00");
        await rig.SayAsync("人と話したい");

        var replies = await rig.SayAsync("まあいいけど。どうせ誰も気にしないし");

        Assert.Contains("死にたいと思う気持ちはありますか", replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal(3, replies[^1].SuggestedActions!.Actions.Count);
        var answer = Text(await rig.SayAsync("少しある"));
        Assert.Contains("話してくれたことは、とても大事なこと", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round17_the_hours_asked_within_them_with_nobody_signed_in_are_not_stated_beside_nobody_now()
    {
        var rig = new Rig(CrisisTests.WeekdayDay, "Daily 00:00-24:00", new CounselorAccount("tanaka", CounselorRole.Counselor, CounselorStatus.Away, false));
        await rig.JoinAsync();

        var text = Text(await rig.SayAsync("ここって何時までやってる？"));

        Assert.Contains("いまは、つながれる相談員（人）がいません", text, StringComparison.Ordinal);
        Assert.DoesNotContain("00:00", text, StringComparison.Ordinal);
    }

    private static string Text(List<Activity> replies) => string.Join("\n", replies.Select(r => r.Text));

    /// <summary>The consultation bot with a real handoff service and the relay in front of it.</summary>
    private sealed class Rig : IChannelAdapters
    {
        private readonly ConsultationHarness _harness;

        public Rig(DateTimeOffset now, string hours, params CounselorAccount[] accounts)
        {
            Clock = new FakeTimeProvider(now);
            var store = new MemoryHandoffStore();
            var transcript = new MemoryTranscript();
            var audit = new MemoryAudit();
            var counselors = new MemoryCounselors(accounts);
            var texts = HandoffTexts.LoadDefault();
            var options = new HandoffOptions { Hours = hours };
            var sessions = new HandoffSessions(store, new InProcessEventBus());
            Queries = new HandoffQueries(store, transcript, audit, texts, options, Clock);
            var availability = new CounselorAvailability(Queries, Clock, accounts.Length == 0 ? null : counselors);
            Requests = new HandoffRequests(sessions, Queries, transcript, Clock, availability);
            Commands = new HandoffCommands(sessions, new HandoffDelivery(this), transcript, audit, counselors, texts, options, Clock);
            _harness = new ConsultationHarness(Requests, clock: Clock, counselorHours: hours, availability: availability);
            _harness.Adapter.Use(new HandoffRelayMiddleware(Queries, Requests));
        }

        public FakeTimeProvider Clock { get; }

        public HandoffQueries Queries { get; }

        public HandoffRequests Requests { get; }

        public HandoffCommands Commands { get; }

        public string ConversationId => _harness.Adapter.Conversation.Conversation!.Id!;

        public async Task<List<Activity>> SayAsync(string text)
        {
            Drain();
            await _harness.Adapter.SendAsync(Activity.CreateMessage(text), _harness.Bot.OnTurnAsync);
            return Drain();
        }

        /// <summary>The person joins like Web Chat does; returns the welcome.</summary>
        public async Task<List<Activity>> JoinAsync()
        {
            Drain();
            await _harness.Adapter.SendAsync(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount("user-1")] }, _harness.Bot.OnTurnAsync);
            return Drain();
        }

        public List<Activity> Drain()
        {
            var replies = new List<Activity>();
            while (_harness.Adapter.GetNextReply() is { } reply)
            {
                replies.Add(reply);
            }

            return replies;
        }

        BotAdapter? IChannelAdapters.Find(string channelId) => _harness.Adapter;
    }
}
