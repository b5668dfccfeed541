using ChatSupport.BotKit.Activities;
using ChatSupport.Dialogs.Consultation;
using ChatSupport.Domain.Texts;

namespace ChatSupport.Dialogs.Tests.Consultation;

/// <summary>
/// Classes found by replaying conversations written apart in round 9 (docs/consultation.md, "Round 9"), each tested
/// with words other than the replays': a wish to flee is not "safe", where to be tonight is nowhere to go, one's own
/// room while violence goes on downstairs is hiding, the same action line is not repeated in full, and a question
/// the bot cannot answer about what was told gets the places that can.
/// </summary>
public sealed class ListeningRoundNineTests
{
    private static string AllText(IEnumerable<Activity> replies) => string.Join("\n", replies.Select(r => r.Text));

    [Theory]
    [InlineData("逃げたい", false)]
    [InlineData("外に出たかったけど無理だった", false)]
    [InlineData("あいつから離れたくても離れられない", false)]
    [InlineData("逃げた。いまコンビニ", true)]
    [InlineData("家を出た", true)]
    public void A_wish_to_flee_is_not_read_as_safe(string text, bool safe) =>
        Assert.Equal(safe, CrisisCues.Read(text).HasFlag(CrisisCue.Safe));

    [Theory]
    [InlineData("泊まる場所もないし")]
    [InlineData("今夜どこにいればいいかわからん")]
    [InlineData("帰る家ねえし")]
    [InlineData("どこで寝たらいいの")]
    public void Where_to_be_tonight_is_nowhere_to_go(string text) =>
        Assert.True(CrisisCues.Read(text).HasFlag(CrisisCue.Nowhere));

    [Theory]
    [InlineData("行くところ決めた")]
    [InlineData("どこにいるの？")]
    public void A_place_that_is_there_is_not_nowhere(string text) =>
        Assert.False(CrisisCues.Read(text).HasFlag(CrisisCue.Nowhere));

    [Fact]
    public async Task Wanting_to_leave_a_violent_partner_with_nowhere_to_stay_gets_where_to_find_a_place_not_you_are_safe()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var crisis = AllText(await harness.SayAsync("夫に殴られた。こわい"));
        Assert.True(crisis.Contains("DV相談＋", StringComparison.Ordinal), crisis);

        var answer = AllText(await harness.SayAsync("家を出て逃げたいけど、お金も泊まる場所もない"));

        Assert.DoesNotContain("安全な場所にいるんですね", answer, StringComparison.Ordinal);
        Assert.Contains("0120-279-889", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_in_her_room_while_a_parent_is_hurt_downstairs_is_answered_as_hiding()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("いま下でお父さんがお母さんを殴ってる");

        var answer = AllText(await harness.SayAsync("わたしは自分の部屋にいる"));

        Assert.Contains("身を守っている", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_after_a_crisis_that_answer_nothing_get_the_action_in_full_once_then_the_short_reminder()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("いま下でお父さんがお母さんを殴ってる");
        await harness.SayAsync("わたしは自分の部屋にいる");

        var first = AllText(await harness.SayAsync("弟もとなりにいる"));
        var second = AllText(await harness.SayAsync("いつもこうなんだ"));

        Assert.Contains("110", first, StringComparison.Ordinal);
        // Not "the numbers above still work": a violence reply may have shown a line that is closed now (#9110 at night).
        Assert.Contains("いま危ないときは、すぐに110（警察）に電話してください", second, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_question_the_bot_cannot_answer_about_what_was_told_gets_the_places_that_can()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("バイトクビになって家賃が払えない");
        await harness.SayAsync("24歳です");

        var replies = await harness.SayAsync("市役所って相談したら何とかしてくれるものなの？");
        var text = AllText(replies);

        Assert.DoesNotContain("答えられないこともあります", text, StringComparison.Ordinal);
        Assert.Contains(replies, r => ConsultationHarness.Cards(r).Any(c => c.Title!.Contains("自立相談支援機関", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("だれにも言うなって言われてる", "裏切りではなく")]
    [InlineData("様子を見に行ったほうがいいのかな、考えすぎ？", "心配しすぎではありません")]
    [InlineData("あの子、死んだりしないよね", "約束することはできません")]
    public async Task Worries_of_someone_afraid_for_a_friend_get_their_own_answer(string worry, string expected)
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var crisis = AllText(await harness.SayAsync("クラスの友だちが手首を切ってるのを見せてきた"));
        Assert.Contains("友だち", crisis, StringComparison.Ordinal);

        var answer = AllText(await harness.SayAsync(worry));

        Assert.Contains(expected, answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("バイト先の店長に毎日どつかれてる")]
    [InlineData("上司にまた殴られた。会社行きたくない")]
    public async Task Violence_at_work_gets_the_work_reply_not_the_child_abuse_line(string message)
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var text = AllText(await harness.SayAsync(message));

        Assert.Contains("職場でも", text, StringComparison.Ordinal);
        Assert.Contains("110番", text, StringComparison.Ordinal);
        Assert.DoesNotContain("189", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_who_hits_still_gets_the_child_abuse_line()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var text = AllText(await harness.SayAsync("お父さんに毎日殴られてる"));

        Assert.Contains("189", text, StringComparison.Ordinal);
        Assert.DoesNotContain("職場でも", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_put_out_of_the_house_by_a_parent_gets_the_child_abuse_reply_and_the_cold_is_answered()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var put = AllText(await harness.SayAsync("継母に家から追い出された。上着もない"));
        Assert.Contains("189", put, StringComparison.Ordinal);

        var cold = AllText(await harness.SayAsync("外さむすぎて手が痛い"));
        Assert.Contains("明るくて人のいる場所", cold, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cut_told_with_the_bleeding_stopped_gets_wound_care_at_once_and_no_push_to_call_after()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var first = AllText(await harness.SayAsync("さっき久しぶりに切っちゃった。血はもう止まってる"));
        Assert.Contains("119", first, StringComparison.Ordinal);

        Assert.Contains(BotTexts.Default.Get("crisis.answer.cut.stopped", false), first, StringComparison.Ordinal);

        var after = AllText(await harness.SayAsync("高2です"));
        Assert.DoesNotContain("いますぐ119", after, StringComparison.Ordinal);
    }
}
