using ChatSupport.BotKit.Activities;

namespace ChatSupport.Dialogs.Tests.Consultation;

/// <summary>
/// Classes found by replaying conversations in round 7 (docs/consultation.md, "Round 7"), each tested with words
/// other than the replays': pictures asked for by someone met in a game, hiding from a partner at night and having
/// nowhere to go, and privacy questions about history and about school or work being told.
/// </summary>
public sealed class ListeningRoundSevenTests
{
    private static string AllText(IEnumerable<Activity> replies) => string.Join("\n", replies.Select(r => r.Text));

    private static List<HeroCard> CardsOf(IEnumerable<Activity> replies) => replies.SelectMany(ConsultationHarness.Cards).ToList();

    [Fact]
    public async Task Pictures_asked_for_by_someone_met_in_a_game_get_the_pictures_reply_and_the_childrens_line()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("ネトゲで仲良くなった人がいるんだけど、大学生らしい");
        var replies = await harness.SayAsync("最近、体の写真送ってってしつこい");

        var text = AllText(replies);
        Assert.Contains("写真や動画は、送らなくて大丈夫です", text, StringComparison.Ordinal);
        Assert.Contains("会いに行かないでください", text, StringComparison.Ordinal);
        Assert.DoesNotContain("お金は払わないでください", text, StringComparison.Ordinal);
        Assert.Contains(CardsOf(replies), c => c.Title!.Contains("子供SOS", StringComparison.Ordinal));

        await harness.SayAsync("安全な場所にいる");
        var sent = AllText(await harness.SayAsync("でも前に一枚送ってしまった"));
        Assert.Contains("あなたのせいではありません", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_threat_to_spread_pictures_is_still_the_sextortion_reply()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var replies = await harness.SayAsync("SNSで知り合った人に送った写真、ネットにばらまくぞって脅されてる");

        Assert.StartsWith("お金は払わないでください", replies.Select(r => r.Text).First(t => !string.IsNullOrEmpty(t)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hiding_from_a_partner_answers_the_check_and_having_nowhere_to_go_brings_a_place_to_ask()
    {
        var harness = await new ConsultationHarness(now: CrisisTests.Night).JoinAsync();
        await harness.SayAsync("さっき同棲してる彼氏に蹴られた");

        var hiding = AllText(await harness.SayAsync("いまトイレにこもって鍵しめてる"));
        Assert.Contains("身を守っているんですね", hiding, StringComparison.Ordinal);
        Assert.DoesNotContain("下から選ぶか、言葉で教えてください", hiding, StringComparison.Ordinal);

        var nowhere = AllText(await harness.SayAsync("出ていきたいけど行くあてがない"));
        Assert.Contains("0120-279-889", nowhere, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ここのトーク履歴って残る？", "あなたが消せます")]
    [InlineData("バイト先に連絡いったりしない？", "職場に連絡することはありません")]
    public async Task Privacy_questions_get_the_answer_to_what_was_asked(string question, string expected)
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("ここって誰が読むの？");

        Assert.Contains(expected, AllText(await harness.SayAsync(question)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cut_that_has_stopped_bleeding_gets_wound_care_and_a_refused_hospital_is_not_pushed()
    {
        var harness = await new ConsultationHarness(now: new DateTimeOffset(2026, 12, 8, 22, 30, 0, TimeSpan.FromHours(9))).JoinAsync();
        await harness.SayAsync("親と言い合いになって、さっき腕をカッターで切った");

        var stopped = AllText(await harness.SayAsync("血はもうほとんど止まってきた"));
        Assert.Contains("きれいな水で洗って", stopped, StringComparison.Ordinal);
        Assert.DoesNotContain("いますぐ119", stopped, StringComparison.Ordinal);

        var refused = AllText(await harness.SayAsync("病院は行きたくない"));
        Assert.Contains("いますぐでなくても大丈夫です", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("いますぐ119", refused, StringComparison.Ordinal);

        var again = AllText(await harness.SayAsync("やっぱりまた血が止まらない"));
        Assert.Contains("119", again, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("好きな子が女で、うちも女なんよ")]
    [InlineData("ゲイなんだけど、誰にも言えてない")]
    public async Task Who_one_loves_gets_its_own_line_not_the_gender_identity_one(string text)
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var reply = AllText(await harness.SayAsync(text));

        Assert.Contains("好きになる相手の性別は、人によってちがいます", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("体の性別", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wanting_to_leave_home_is_not_told_as_having_left()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var reply = AllText(await harness.SayAsync("親がうるさすぎて、もう家出たい"));

        Assert.DoesNotContain("家を出てきたんですね", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_teacher_asking_questions_is_not_read_as_being_overheard_on_the_phone()
    {
        var harness = await new ConsultationHarness(now: new DateTimeOffset(2026, 12, 7, 7, 40, 0, TimeSpan.FromHours(9))).JoinAsync();
        await harness.SayAsync("昨日の夜、母親の彼氏に殴られて腕にあざがある");

        var reply = AllText(await harness.SayAsync("学校で先生に何か聞かれたらどうしよう"));

        Assert.DoesNotContain("電話できないときの方法です", reply, StringComparison.Ordinal);
    }
}
