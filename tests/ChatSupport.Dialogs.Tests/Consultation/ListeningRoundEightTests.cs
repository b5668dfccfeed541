using ChatSupport.BotKit.Activities;

namespace ChatSupport.Dialogs.Tests.Consultation;

/// <summary>
/// Classes found by replaying conversations in round 8 (docs/consultation.md, "Round 8"), each tested with words
/// other than the replays': a young person away from home (where to be tonight, a stranger who speaks to them, a
/// phone about to die) and a share written with % that is not an age.
/// </summary>
public sealed class ListeningRoundEightTests
{
    private static string AllText(IEnumerable<Activity> replies) => string.Join("\n", replies.Select(r => r.Text));

    [Fact]
    public async Task Having_left_home_is_asked_about_tonight_not_about_a_safe_place_at_home()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var left = AllText(await harness.SayAsync("さっき家とびだしてきた"));
        Assert.Contains("明るくて人のいる場所", left, StringComparison.Ordinal);
        Assert.Contains("今夜、安心して過ごせる場所", left, StringComparison.Ordinal);
        Assert.DoesNotContain("家の中で", left, StringComparison.Ordinal);

        await harness.SayAsync("高1");
        var family = AllText(await harness.SayAsync("母親とまたケンカした"));
        Assert.DoesNotContain("家の中で、少しでも安心できる", family, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("駅の近くで知らないおじさんに声かけられた")]
    [InlineData("塾の帰りに知らん兄ちゃんに話しかけられてこわかった")]
    public async Task A_stranger_who_speaks_to_the_person_gets_the_safety_line_with_110(string message)
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var text = AllText(await harness.SayAsync(message));

        Assert.Contains("ついて行かず", text, StringComparison.Ordinal);
        Assert.Contains("110番", text, StringComparison.Ordinal);
        Assert.Contains("いまも近くにいますか", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("知らない男の人にずっとつけられてる気がする")]
    [InlineData("帰り道、同じ車にあとをつけられてる")]
    public async Task Being_followed_now_gets_a_bright_place_with_people_and_110_not_the_assault_reply(string message)
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var text = AllText(await harness.SayAsync(message));

        Assert.Contains("明るくて人のいる場所", text, StringComparison.Ordinal);
        Assert.Contains("110番", text, StringComparison.Ordinal);
        Assert.DoesNotContain("72時間", text, StringComparison.Ordinal);
        Assert.DoesNotContain("会いに行かないで", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ex_who_keeps_following_is_still_partner_violence()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var text = AllText(await harness.SayAsync("元カレに毎日あとをつけられてる"));

        Assert.Contains("DV相談＋", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phone_about_to_die_gets_the_one_number_to_keep_first_and_no_age()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("中2です。家に帰りたくなくて外にいる");
        var replies = await harness.SayAsync("電池やばい、あと15%");
        var text = AllText(replies);

        Assert.StartsWith("充電が切れる前に", replies.Select(r => r.Text).First(t => !string.IsNullOrEmpty(t)), StringComparison.Ordinal);
        Assert.Contains("0120-0-78310", text, StringComparison.Ordinal); // the children's 24-hour line: the age known is 14
        Assert.Contains("110番", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phone_charger_bought_is_not_a_phone_about_to_die()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var text = AllText(await harness.SayAsync("新しいスマホの充電器買ったけど、友だちいないから自慢する人もいない"));

        Assert.DoesNotContain("充電が切れる前に", text, StringComparison.Ordinal);
    }
}
