using ChatSupport.Domain.Understanding;

namespace ChatSupport.Domain.Tests.Understanding;

/// <summary>
/// Round 17's patterns (Patterns/lead17.yaml): kinds of phrasing the apart20 writer showed unread or read wrongly,
/// both ways where a near miss exists, in sentences of our own.
/// </summary>
public class ListeningRoundSeventeenTests
{
    private static readonly UnderstandingEngine Engine = UnderstandingEngine.CreateDefault();

    [Theory]
    [InlineData("PTSDって何の略？")]
    [InlineData("不登校って英語でなんて言うん？")]
    [InlineData("「いなくなりたい」って歌詞の歌、題名なんだっけ")]
    [InlineData("卒論でヤングケアラーをテーマにしてて、当事者の話が聞きたい")]
    [InlineData("いじめの特集を見て考えこんじゃった")]
    [InlineData("子ども食堂のボランティアしてみたいんだけど、どこで探せる？")]
    [InlineData("文化祭で命の大切さのポスター作る。キャッチコピー考えて")]
    [InlineData("うちの犬が夜中に暴れとるｗ")]
    public void A_topic_asked_about_is_not_a_disclosure(string text) =>
        Assert.DoesNotContain(Intent.Disclosure, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("毎晩おとうさんが暴れてて寝れん")]
    [InlineData("いじめられてて発表するのがこわい")]
    public void The_writers_own_trouble_stays_a_disclosure(string text) =>
        Assert.Contains(Intent.Disclosure, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("#8891って何の番号？")]
    [InlineData("is there someone i can talk to in english")]
    [InlineData("ラインで相談できるところ教えて")]
    [InlineData("直接人と話せる場所ってある？")]
    public void A_number_or_a_place_to_talk_asks_for_services(string text) =>
        Assert.Contains(Intent.AskServices, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("たいした話やないんやけど、ちょっといい？")]
    [InlineData("ここで書いちゃだめなことってある？")]
    public void A_small_thing_or_what_may_be_told_asks_to_consult(string text) =>
        Assert.Contains(Intent.AskCanConsult, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("保護者の許可とかいる？")]
    [InlineData("お母さんのタブレットに通知いくん？")]
    [InlineData("アカウント本名なんやけど平気？")]
    public void Consent_a_notice_or_a_real_name_asks_about_privacy(string text) =>
        Assert.Contains(Intent.AskPrivacy, Engine.Understand(text).Intents);

    [Fact]
    public void A_collectors_threat_to_tell_the_family_is_not_a_privacy_question() =>
        Assert.DoesNotContain(Intent.AskPrivacy, Engine.Understand("借金払えないと実家に連絡するって言われた").Intents);

    [Theory]
    [InlineData("何曜日ならおる？")]
    [InlineData("土日でも話聞いてもらえますか")]
    [InlineData("何時から相談できますか")]
    public void When_someone_is_there_asks_the_hours(string text)
    {
        var intents = Engine.Understand(text).Intents;
        Assert.Contains(Intent.AskHours, intents);
        Assert.DoesNotContain(Intent.AskCanConsult, intents);
    }
}
