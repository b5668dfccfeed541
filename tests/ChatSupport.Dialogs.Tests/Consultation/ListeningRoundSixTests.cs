using ChatSupport.BotKit.Activities;
using ChatSupport.Dialogs.Consultation;
using ChatSupport.Domain.Support;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Dialogs.Tests.Consultation;

/// <summary>
/// Classes found by replaying fresh conversations (docs/consultation.md, "Round 6"), each tested with words other
/// than the replays': a message written instead of an age is acknowledged before the services, a place for people
/// out of work, the self-reliance office for rent and food, the way a found place is shown, and situations with
/// their own line (gender identity, fear of being arrested).
/// </summary>
public sealed class ListeningRoundSixTests
{
    private static readonly Lazy<MessageReader> Reader = new(MessageReader.CreateDefault);

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
    [InlineData("うちも捕まるんかな、こわくて言えん", "約束できません")]
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

    [Fact]
    public async Task Someone_who_left_home_is_told_first_where_to_be_safe_tonight_not_about_rent()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var replies = await harness.SayAsync("兄とけんかして家飛び出してきた");
        var text = AllText(replies);

        Assert.Contains("明るくて人のいる場所", text, StringComparison.Ordinal);
        Assert.DoesNotContain("住居確保給付金", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("母にはまだバレてない")]
    [InlineData("先生にはもう知られてる")]
    public void Who_knows_already_is_told_not_asked(string text)
    {
        var understanding = Reader.Value.Read(text, ChatSupport.Domain.Risk.ConversationRisk.Empty, DateTimeOffset.UtcNow).Understanding;
        Assert.DoesNotContain(Intent.AskPrivacy, understanding.Intents);
    }

    [Fact]
    public async Task Leaving_the_house_for_school_is_not_running_away()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var text = AllText(await harness.SayAsync("そろそろ家出なきゃ、学校やだな"));

        Assert.DoesNotContain("家を出てきたんですね", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_goodbye_instead_of_an_age_gets_the_goodbye()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("学校行くのがいや");
        var asked = await harness.SayAsync("クラスの子たちに無視されてる");
        Assert.Contains(asked, r => ConsultationHarness.HasButton(r, "中学生"));

        var text = AllText(await harness.SayAsync("もう行かなきゃ、またね"));

        Assert.Contains("いつでもここに書いてください", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("だれか人いますか")]
    [InlineData("相談員さんいるの")]
    public void Asking_whether_someone_is_there_asks_for_a_person(string text) =>
        Assert.Contains(Intent.AskPerson, Reader.Value.Read(text, ChatSupport.Domain.Risk.ConversationRisk.Empty, DateTimeOffset.UtcNow).Understanding.Intents);
}
