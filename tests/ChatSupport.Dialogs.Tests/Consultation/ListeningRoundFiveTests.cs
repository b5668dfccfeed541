using ChatSupport.BotKit.Activities;
using ChatSupport.Dialogs.Consultation;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;

namespace ChatSupport.Dialogs.Tests.Consultation;

/// <summary>
/// Classes found by replaying fresh conversations (docs/consultation.md, "Round 5"), each tested with words
/// other than the replays': who the services are for when the age is unknown, and text ways only for a person
/// who cannot phone.
/// </summary>
public sealed class ListeningRoundFiveTests
{
    private static List<HeroCard> CardsOf(IEnumerable<Activity> replies) => replies.SelectMany(ConsultationHarness.Cards).ToList();

    private static SupportService ServiceOf(HeroCard card) =>
        ConsultationHarness.Directory.Services.Single(s => s.Name.Ja == card.Title || card.Title!.StartsWith(s.Name.Ja + " ", StringComparison.Ordinal));

    [Fact]
    public async Task Without_an_age_the_services_are_not_all_lines_that_end_at_18()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var replies = await harness.SayAsync("じいちゃんの介護、毎日おれがやってる");
        replies.AddRange(await harness.SayAsync("自分のことをする時間がまったくない"));
        replies.AddRange(await harness.SayAsync("どこに相談したらいいですか"));

        var lists = replies.Select(r => ConsultationHarness.Cards(r).ToList()).Where(l => l.Count > 0).ToList();
        Assert.NotEmpty(lists);
        Assert.All(lists, list => Assert.True(
            list.Select(ServiceOf).Count(SupportOffer.ForTheYoungOnly) <= 1, string.Join(" / ", list.Select(c => c.Title))));
    }

    [Fact]
    public async Task A_child_who_gave_the_age_still_gets_the_childrens_lines()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var replies = await harness.SayAsync("中1です。家で毎晩どなり合いがあってこわい");
        replies.AddRange(await harness.SayAsync("相談できるところある？"));

        Assert.Contains(CardsOf(replies).Select(ServiceOf), SupportOffer.ForTheYoungOnly);
    }

    [Fact]
    public async Task A_person_who_cannot_phone_is_never_shown_phone_lines_as_text_ways()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var replies = await harness.SayAsync("毎日終電まで働かされてて体がもたない");
        replies.AddRange(await harness.SayAsync("通話は無理なので文字がいいです"));

        var after = replies.SkipWhile(r => r.Text?.Contains("電話しなくても大丈夫", StringComparison.Ordinal) != true).ToList();
        Assert.NotEmpty(after);
        var cards = CardsOf(after);
        Assert.NotEmpty(cards);
        Assert.All(cards, c => Assert.DoesNotContain(c.Buttons ?? [], b => b.Type == ActionTypes.Call));
    }

    private static string AllText(IEnumerable<Activity> replies) => string.Join("\n", replies.Select(r => r.Text));

    [Fact]
    public async Task Someone_met_online_offering_a_trip_gets_the_grooming_reply_not_the_assault_one()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("ネットで知り合った社会人の人と毎日やりとりしてる");
        var text = AllText(await harness.SayAsync("新幹線代出すから遊びにおいでって"));

        Assert.Contains("会いに行かないでください", text, StringComparison.Ordinal);
        Assert.Contains("#9110", text, StringComparison.Ordinal);
        Assert.DoesNotContain("72時間", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coach_who_hits_gets_the_childrens_lines_for_school_not_the_abuse_line_for_parents()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var text = AllText(await harness.SayAsync("顧問に毎日殴られる"));

        Assert.Contains("先生やコーチでも", text, StringComparison.Ordinal);
        Assert.DoesNotContain("189", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_friends_goodbye_post_is_a_friend_in_danger_not_a_farewell()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var text = AllText(await harness.SayAsync("友だちがXでいままでありがとうってポストしてる"));

        Assert.Contains("友だちがいま危ないなら", text, StringComparison.Ordinal);
        Assert.DoesNotContain("また話したくなったら", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sedatives_with_alcohol_get_119_first()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var replies = await harness.SayAsync("ハイボールと安定剤いっしょに飲んだ");

        Assert.StartsWith("いますぐ119", replies[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ぼくが悪いんだ、きっと", "あなたのせいではありません")]
    [InlineData("過呼吸になりそう", "119")]
    [InlineData("先輩にお金持ってこいって言われてる", "#9110")]
    [InlineData("弟の世話と母の通院の付き添いで一日が終わる", "あなたの時間や休みも")]
    public async Task A_situation_told_in_plain_words_gets_its_own_line(string text, string expected)
    {
        var harness = await new ConsultationHarness().JoinAsync();
        Assert.Contains(expected, AllText(await harness.SayAsync(text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_keep_it_secret_is_not_answered_as_a_privacy_question()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var text = AllText(await harness.SayAsync("バイトの店長に、このことは秘密にしとけって言われた"));

        Assert.DoesNotContain("名前や学校の名前は、書かなくて大丈夫です", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_money_left_for_food_brings_the_places_for_living_costs()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var replies = await harness.SayAsync("給料日までもたない、お米も買えない");
        replies.AddRange(await harness.SayAsync("どこに相談すればいいですか"));

        Assert.Contains(CardsOf(replies).Select(ServiceOf), s => s.Helps(SupportCategory.Poverty) && s.Categories[0] == SupportCategory.Poverty);
    }

    [Fact]
    public async Task A_child_kept_outside_at_night_is_told_where_to_go_and_that_110_comes()
    {
        var harness = await new ConsultationHarness(now: new DateTimeOffset(2026, 11, 25, 22, 30, 0, TimeSpan.FromHours(9))).JoinAsync();
        await harness.SayAsync("母に閉め出されて家に入れない");
        await harness.SayAsync("…");
        var text = AllText(await harness.SayAsync("玄関の前、外寒い"));

        Assert.Contains("明るくて人のいる場所", text, StringComparison.Ordinal);
        Assert.Contains("110", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ex_who_follows_the_writer_gets_the_partner_violence_reply_not_the_overdose_buttons()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var replies = await harness.SayAsync("元彼にずっとつけられてる");
        var text = AllText(replies);

        Assert.Contains("DV相談＋", text, StringComparison.Ordinal);
        Assert.DoesNotContain(replies, r => ConsultationHarness.HasButton(r, "もう飲んだ・した"));
    }
}
