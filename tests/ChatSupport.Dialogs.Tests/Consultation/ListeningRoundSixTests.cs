using ChatSupport.BotKit.Activities;
using ChatSupport.Dialogs.Consultation;
using ChatSupport.Domain.Support;

namespace ChatSupport.Dialogs.Tests.Consultation;

/// <summary>
/// Classes found by replaying fresh conversations (docs/consultation.md, "Round 6"), each tested with words other
/// than the replays': a message written instead of an age is acknowledged before the services, a place for people
/// out of work, the self-reliance office for rent and food, the way a found place is shown, and situations with
/// their own line (gender identity, fear of being arrested).
/// </summary>
public sealed class ListeningRoundSixTests
{
    private static string AllText(IEnumerable<Activity> replies) => string.Join("\n", replies.Select(r => r.Text));

    private static List<HeroCard> CardsOf(IEnumerable<Activity> replies) => replies.SelectMany(ConsultationHarness.Cards).ToList();

    [Fact]
    public async Task A_message_written_instead_of_an_age_is_acknowledged_before_the_services()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("学校行くのがいや");
        var asked = await harness.SayAsync("クラスの子たちに無視されてる");
        Assert.Contains(asked, r => ConsultationHarness.HasButton(r, "中学生")); // the one question before the first services

        var replies = await harness.SayAsync("担任にも相談できない");

        var firstWithCards = replies.FindIndex(r => ConsultationHarness.Cards(r).Any());
        Assert.True(firstWithCards > 0, "services came before any acknowledgement: " + AllText(replies));
        Assert.DoesNotContain("受け取れません", AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_out_of_work_and_looking_is_shown_the_youth_support_station_first()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var replies = await harness.SayAsync("20歳。バイトのシフト減らされて、ほぼ無職");
        replies.AddRange(await harness.SayAsync("どこに相談すればいい？"));

        var cards = CardsOf(replies);
        Assert.NotEmpty(cards);
        Assert.StartsWith("地域若者サポートステーション", cards[0].Title, StringComparison.Ordinal);
        // Known only by where to search: no button that would send its name back as a message.
        Assert.Empty(cards[0].Buttons ?? []);
        Assert.Contains("「サポステ」と住んでいる地域の名前で検索", AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rent_that_cannot_be_paid_in_dialect_brings_the_self_reliance_office_and_the_rent_benefit()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var replies = await harness.SayAsync("今月の家賃払えへんかもしれん");

        Assert.Contains(CardsOf(replies), c => c.Title!.StartsWith("自立相談支援機関", StringComparison.Ordinal));
        Assert.DoesNotContain(CardsOf(replies), c => c.Title!.StartsWith("消費者ホットライン", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("こころは男なのに、女子の制服を着るのがつらい", "おかしなことではないです")]
    [InlineData("性別に違和感があって誰にも言えない", "おかしなことではないです")]
    [InlineData("うちも捕まるんかな、こわくて言えん", "名前を言わずに相談できる窓口")]
    public async Task A_situation_told_in_plain_words_gets_its_own_line(string text, string expected)
    {
        var harness = await new ConsultationHarness().JoinAsync();
        Assert.Contains(expected, AllText(await harness.SayAsync(text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cannot_say_it_to_a_parent_is_not_read_as_having_no_home()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var text = AllText(await harness.SayAsync("おとうさんにはいえないことがある"));

        Assert.DoesNotContain("住むところ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("住まい", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_a_place_to_talk_with_people_like_oneself_is_a_request_for_places_not_for_a_counselor()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var replies = await harness.SayAsync("同じ悩みの人と話せる居場所ってないかな");

        Assert.DoesNotContain("相談員", AllText(replies), StringComparison.Ordinal);
    }
}
