using ChatSupport.BotKit.Activities;
using ChatSupport.Dialogs.Consultation;
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
}
