using ChatSupport.BotKit.Activities;
using ChatSupport.Dialogs.Consultation;

namespace ChatSupport.Dialogs.Tests.Consultation;

/// <summary>
/// Classes found by replaying a new writer's whole conversations in round 10 (docs/consultation.md, "Round 10"), each
/// tested with words other than the replays': the step to take at a dangerous place every time, a goodbye after words
/// of dying not taken as a close, the fear of pregnancy after sexual violence, a parent's partner who hits a child, a
/// topic only mentioned in passing, someone met online before anything happened, asking to come back, whether someone
/// will be contacted, leaving for school or work, and being at school as safe from violence at home.
/// </summary>
public sealed class ListeningRoundTenTests
{
    private static string AllText(IEnumerable<Activity> replies) => string.Join("\n", replies.Select(r => r.Text));

    private const string PlaceStep = "黄色い線の内側";

    [Fact]
    public async Task Standing_at_a_dangerous_place_gets_the_step_to_take_there_each_time_it_is_said()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var first = AllText(await harness.SayAsync("もう消えたい"));
        Assert.DoesNotContain(PlaceStep, first, StringComparison.Ordinal);

        var atThePlace = AllText(await harness.SayAsync("いま陸橋の上にいる"));
        var again = AllText(await harness.SayAsync("いま歩道橋の上にいる。下は線路"));

        Assert.Contains(PlaceStep, atThePlace, StringComparison.Ordinal);
        Assert.Contains(PlaceStep, again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_goodbye_after_words_of_dying_keeps_the_door_open()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("もう死にたい");

        var goodbye = AllText(await harness.SayAsync("聞いてくれてありがとうございました。さようなら"));

        Assert.Contains("これで終わりにしないでください", goodbye, StringComparison.Ordinal);
        Assert.Contains("0120-279-338", goodbye, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fear_of_pregnancy_after_sexual_violence_gets_the_72_hours_not_call_the_police_now()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("昨日バイトの先輩に無理やりされた");

        var answer = AllText(await harness.SayAsync("赤ちゃんできてたらどうしようって、ずっと怖い。妊娠してたら…"));

        Assert.Contains("72時間", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("すぐに110番に電話してください", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_hit_by_a_parents_partner_gets_the_child_abuse_reply_not_the_partner_violence_line()
    {
        var harness = await new ConsultationHarness().JoinAsync();

        var reply = AllText(await harness.SayAsync("ママの彼氏に殴られた"));

        Assert.Contains("189", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("DV相談＋", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_adult_hit_by_a_partner_still_gets_the_partner_violence_line()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("26歳です");

        var reply = AllText(await harness.SayAsync("彼氏に殴られた"));

        Assert.Contains("DV相談＋", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("両親はもう仕事に出かけた", "仕事のことで")]
    [InlineData("夕方なら授業ないから時間ある", "学校のことで")]
    public async Task A_topic_mentioned_only_in_passing_is_not_acknowledged_as_the_problem(string message, string topicLine)
    {
        var harness = await new ConsultationHarness().JoinAsync();

        var reply = AllText(await harness.SayAsync(message));

        Assert.DoesNotContain(topicLine, reply, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(reply));
    }

    [Fact]
    public async Task Someone_met_online_before_anything_happened_is_listened_to_not_met_with_police_lines()
    {
        var harness = await new ConsultationHarness().JoinAsync();

        var replies = await harness.SayAsync("オンラインゲームで知り合った人がいて");
        var text = AllText(replies);

        Assert.DoesNotContain("こわい思い", text, StringComparison.Ordinal);
        Assert.DoesNotContain("#9110", text, StringComparison.Ordinal);
        Assert.DoesNotContain(replies, r => ConsultationHarness.Cards(r).Any());
    }

    [Theory]
    [InlineData("明日も話しかけていい？")]
    [InlineData("また来てもいい？")]
    public async Task Asking_to_come_back_is_answered_yes(string message)
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("最近ひとりで家にいることが多い");

        var reply = AllText(await harness.SayAsync(message));

        Assert.Contains("もちろんです", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("くわしく答えられません", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("これって学校に連絡いったりする？")]
    [InlineData("通報とかされないよね")]
    [InlineData("話した内容って記録されたりするの？")]
    [InlineData("てか家族に通知いったりしないよね")]
    public async Task Whether_someone_will_be_contacted_gets_the_privacy_answer(string message)
    {
        var harness = await new ConsultationHarness().JoinAsync();

        var reply = AllText(await harness.SayAsync(message));

        Assert.Contains("相談員と管理者だけ", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("あ、もう行かなきゃ")]
    [InlineData("休憩終わり。戻ります")]
    public async Task Leaving_for_school_or_work_gets_a_warm_close(string message)
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("なんか毎日つかれる");

        var reply = AllText(await harness.SayAsync(message));

        Assert.Contains("また話したくなったら", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Being_at_school_after_violence_at_home_is_read_as_safe_for_now()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("ゆうべ父に殴られた");

        var reply = AllText(await harness.SayAsync("今は学校の保健室にいる"));

        Assert.Contains("安全な場所にいるんですね", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_a_crisis_message_was_about_stays_the_topic_of_what_follows()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("中2。学校休んでる");
        await harness.SayAsync("ネットの人に裸の写真送れって言われてる");
        await harness.SayAsync("いま家");

        var reply = AllText(await harness.SayAsync("親にはぜったい言いたくない"));

        Assert.DoesNotContain("学校のどんなところ", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("学校がつらい", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Self_harm_without_words_of_dying_gets_the_calm_reply_and_a_question_about_the_wound()
    {
        var harness = await new ConsultationHarness().JoinAsync();

        var replies = await harness.SayAsync("たまに自分の腕を切っちゃう。そうすると少し楽");
        var text = AllText(replies);

        Assert.Contains("責めたりしません", text, StringComparison.Ordinal);
        Assert.DoesNotContain("命の危険があるときは、すぐに110か119", text, StringComparison.Ordinal);
        var check = replies.Last();
        Assert.Contains("手当てが必要な傷", check.Text, StringComparison.Ordinal);
        Assert.Contains(check.SuggestedActions!.Actions, a => a.Title == "死にたい気持ちもある");
    }

    [Fact]
    public async Task After_self_harm_a_wound_that_is_fine_gets_a_kind_close_and_a_wish_to_die_the_crisis_reply()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("またリスカしちゃった");

        var fine = AllText(await harness.SayAsync("傷は大丈夫"));
        Assert.Contains("また切りたくなったとき", fine, StringComparison.Ordinal);
        Assert.DoesNotContain("安全な場所にいるんですね", fine, StringComparison.Ordinal);

        var harness2 = await new ConsultationHarness().JoinAsync();
        await harness2.SayAsync("またリスカしちゃった");
        var wish = AllText(await harness2.SayAsync("死にたい気持ちもある"));
        Assert.Contains("0120-279-338", wish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_video_posted_to_the_class_group_is_acknowledged_as_that_not_as_someone_met_online()
    {
        var harness = await new ConsultationHarness().JoinAsync();

        var text = AllText(await harness.SayAsync("勝手に撮られた写真をクラスのグループに流された"));

        Assert.Contains("あなたは悪くありません", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ネットで知り合った", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_put_out_at_night_asking_where_to_go_gets_a_bright_place_and_189_not_the_partner_line()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("親に家から閉め出された。中2");

        var text = AllText(await harness.SayAsync("どこに行けばいいかわからない。行くとこない"));

        Assert.Contains("189", text, StringComparison.Ordinal);
        Assert.Contains("交番", text, StringComparison.Ordinal);
        Assert.DoesNotContain("DV相談＋", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partner_violence_then_the_partner_being_out_is_safe_for_now_and_services_leave_out_the_child_line()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("彼氏と住んでるんだけど、すぐ物投げてくる");

        var safe = AllText(await harness.SayAsync("いまは仕事に行ってていない"));
        Assert.Contains("安全な場所にいるんですね", safe, StringComparison.Ordinal);

        var replies = await harness.SayAsync("23歳です。相談できるところ教えて");
        Assert.DoesNotContain(replies, r => ConsultationHarness.Cards(r).Any(c => c.Title!.Contains("189", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_husband_named_first_then_violence_gets_the_partner_violence_line_and_where_to_go_not_the_child_line()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("夫のことで相談があります");

        var crisis = AllText(await harness.SayAsync("たまに殴られる。毎日ばかにされる"));
        Assert.Contains("DV相談＋", crisis, StringComparison.Ordinal);
        Assert.DoesNotContain("189", crisis, StringComparison.Ordinal);

        var nowhere = AllText(await harness.SayAsync("逃げたいけど行くところがない"));
        Assert.DoesNotContain("18歳未満なら", nowhere, StringComparison.Ordinal);
    }
}
