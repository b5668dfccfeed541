using ChatSupport.BotKit.Activities;

namespace ChatSupport.Dialogs.Tests.Consultation;

/// <summary>
/// "Should I …?" after the first answer (docs/consultation.md, "Round 16"): a question about what to do is answered by
/// what the conversation is about, not with a bare acknowledgement, another question or a list chosen by a word. In
/// sentences of our own, not the persona sets'.
/// </summary>
public sealed class ListeningRoundSixteenTests
{
    private static string AllText(IEnumerable<Activity> replies) => string.Join("\n", replies.Select(r => r.Text));

    [Fact]
    public async Task Whether_to_skip_school_after_telling_of_bullying_is_answered_not_asked_back()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("クラスのグループLINEで悪口書かれてる。中3");

        var answer = AllText(await harness.SayAsync("学校休んだほうがいいかな"));

        Assert.Contains("休んでいい", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("いちばんしんどいですか", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whether_to_quit_a_job_is_the_persons_decision_with_the_work_line_behind_it()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("24歳です。残業代が出ないまま毎日終電");

        var replies = await harness.SayAsync("辞めたほうがええんかな");

        var answer = AllText(replies);
        Assert.Contains("あなたが決めていい", answer, StringComparison.Ordinal);
        Assert.Contains("働くことの相談窓口", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("無視されたり", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whether_to_see_a_doctor_for_sleep_is_answered_for_the_body_and_mind()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("専門学生です。ここ2週間ほとんど眠れないし、食欲もない");

        var answer = AllText(await harness.SayAsync("病院とか行ったほうがええ？"));

        Assert.Contains("心療内科", answer, StringComparison.Ordinal);
        Assert.Contains("119", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_asking_whether_to_tell_a_teacher_about_violence_at_home_hears_yes_and_189()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("小6です。お母さんの彼氏にけられる");

        var answer = AllText(await harness.SayAsync("担任の先生に話したほうがいいかな"));

        Assert.Contains("保健室の先生", answer, StringComparison.Ordinal);
        Assert.Contains("189", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_adult_asking_whether_to_tell_someone_is_not_sent_to_a_school_nurse()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("26歳。実家の父にいまだにどなられて物を投げられる");

        var answer = AllText(await harness.SayAsync("誰かに相談したほうがいいのかな"));

        Assert.Contains("あなたが決めていい", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("保健室", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whether_the_police_take_text_is_answered_with_the_110_app_and_a_call_now()
    {
        var harness = await new ConsultationHarness().JoinAsync();

        var answer = AllText(await harness.SayAsync("110番ってメールでもできるの？"));

        Assert.Contains("110番アプリ", answer, StringComparison.Ordinal);
        Assert.Contains("前もって登録", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Telling_that_one_went_to_hospital_is_not_answered_as_a_question()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("最近ずっと頭痛がひどい");

        var answer = AllText(await harness.SayAsync("きのう病院に行ってきた"));

        Assert.DoesNotContain("119番に", answer, StringComparison.Ordinal);
    }
    private static List<string> CardTitles(IEnumerable<Activity> replies) =>
        replies.SelectMany(ConsultationHarness.Cards).Select(c => c.Title ?? string.Empty).ToList();

    [Fact]
    public async Task Whether_another_service_keeps_a_secret_is_answered_about_that_service_then_its_hours_in_context()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("中2。家で親がどなりあってて帰りたくない");

        var privacy = await harness.SayAsync("チャイルドラインって先生に伝わったりする？");

        Assert.Contains("チャイルドラインのきまり", AllText(privacy), StringComparison.Ordinal);
        Assert.Contains(CardTitles(privacy), t => t.Contains("チャイルドライン", StringComparison.Ordinal));
        Assert.DoesNotContain("この窓口の相談員と管理者だけ", AllText(privacy), StringComparison.Ordinal);

        var hours = await harness.SayAsync("何時からやってるの？");

        Assert.Contains(CardTitles(hours), t => t.Contains("チャイルドライン", StringComparison.Ordinal));
        Assert.DoesNotContain("相談員（人）の受付時間", AllText(hours), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_regional_service_asked_about_by_name_is_answered_even_from_another_prefecture()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("東京に住んでる大学生。最近ずっと気持ちが沈んでる");

        var replies = await harness.SayAsync("北海道いのちの電話って今かけられますか");

        Assert.Contains(CardTitles(replies), t => t.Contains("北海道いのちの電話", StringComparison.Ordinal));
    }
    [Fact]
    public async Task A_child_without_money_for_food_is_not_sent_to_the_adults_self_reliance_office()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("中3です。親がお金くれなくて、ご飯が買えない日がある");

        var replies = await harness.SayAsync("どこに相談したらいい？");

        var titles = CardTitles(replies);
        Assert.NotEmpty(titles);
        Assert.DoesNotContain(titles, t => t.Contains("自立相談支援機関", StringComparison.Ordinal));
        Assert.DoesNotContain("住居確保給付金", AllText(replies), StringComparison.Ordinal);
    }
    [Fact]
    public async Task Whether_not_to_go_to_meet_someone_from_a_game_is_answered_do_not_go()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("オンラインゲームの人に、今度の日曜に会おうって言われてる。中1");

        var answer = AllText(await harness.SayAsync("やっぱり行かない方がいいかな"));

        Assert.Contains("会いに行かないでください", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whether_not_to_go_to_school_after_bullying_is_answered_as_resting()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("高2。部活の先輩たちにずっと笑われてる");

        var answer = AllText(await harness.SayAsync("明日は行かないほうがいいのかな"));

        Assert.Contains("休んでいい", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("会うかどうか", answer, StringComparison.Ordinal);
    }
    [Theory]
    [InlineData("ここに書いたこと、ほんまに誰にもバラさへん？")]
    [InlineData("だれにも言わないよね？")]
    public async Task Whether_anyone_will_be_told_in_any_speech_is_answered_with_who_reads_it(string text)
    {
        var harness = await new ConsultationHarness().JoinAsync();

        var answer = AllText(await harness.SayAsync(text));

        Assert.Contains("読めるのは", answer, StringComparison.Ordinal);
    }
    [Fact]
    public async Task Being_alone_after_a_night_shift_is_heard_as_loneliness_not_as_trouble_at_work()
    {
        var harness = await new ConsultationHarness().JoinAsync();

        var replies = await harness.SayAsync("夜勤明けで家に帰ってきたけど、今週まだ誰とも話してない");

        Assert.DoesNotContain(CardTitles(replies), t => t.Contains("労働", StringComparison.Ordinal));
        Assert.DoesNotContain("仕事のこと", AllText(replies), StringComparison.Ordinal);
        Assert.DoesNotContain("仕事やバイトのこと", AllText(replies), StringComparison.Ordinal);
    }
}
