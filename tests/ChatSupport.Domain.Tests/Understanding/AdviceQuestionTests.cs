using ChatSupport.Domain.Understanding;

namespace ChatSupport.Domain.Tests.Understanding;

/// <summary>"Should I …?" questions (Patterns/advice16.yaml, advice17.yaml): which kind each asks, both ways, in sentences of our own.</summary>
public class AdviceQuestionTests
{
    private static readonly UnderstandingEngine Engine = UnderstandingEngine.CreateDefault();

    [Theory]
    [InlineData("皮膚科とか行ったほうがええかな", AdviceKinds.Hospital)]
    [InlineData("びょういん行かなきゃだめ？", AdviceKinds.Hospital)]
    [InlineData("お医者さんに診てもらったほうがいい？", AdviceKinds.Hospital)]
    [InlineData("担任に話したほうがいいんかな", AdviceKinds.Tell)]
    [InlineData("お母さんに言うべき？", AdviceKinds.Tell)]
    [InlineData("被害届って出すべきなの", AdviceKinds.Police)]
    [InlineData("交番に行ったほうがよか？", AdviceKinds.Police)]
    [InlineData("110ってLINEでもできる？", AdviceKinds.PoliceText)]
    [InlineData("ぶろっくしても大丈夫かな", AdviceKinds.Block)]
    [InlineData("インスタのアカ消したほうがいい？", AdviceKinds.Block)]
    [InlineData("塾休んでもええかな", AdviceKinds.Rest)]
    [InlineData("会社行かなくてもいいのかな", AdviceKinds.Rest)]
    [InlineData("バイトやめてもいいんかな", AdviceKinds.Quit)]
    [InlineData("転職したほうがいいですか", AdviceKinds.Quit)]
    [InlineData("会いに行ったほうがええんかな", AdviceKinds.Meet)]
    [InlineData("やっぱいかんほうがいいよね", AdviceKinds.Meet)]
    [InlineData("110番ってもじでできないの", AdviceKinds.PoliceText)]
    [InlineData("けいさつってメールで送れるん？", AdviceKinds.PoliceText)]
    [InlineData("チャットで通報できる？声出せない", AdviceKinds.PoliceText)]
    [InlineData("もしまた殴られたらどうしたらいい", AdviceKinds.Again)]
    [InlineData("今夜も同じだったらどうしよう", AdviceKinds.Again)]
    [InlineData("救急車って呼んでもいいのかな", AdviceKinds.Call)]
    [InlineData("いまから119してもいい？", AdviceKinds.Call)]
    [InlineData("110したらお父さん捕まる？", AdviceKinds.CallPolice)]
    [InlineData("けいさつ呼んでいいのかな", AdviceKinds.CallPolice)]
    [InlineData("電話つながったら何て言えばいいん？", AdviceKinds.WhatToSay)]
    [InlineData("電話で、なんて伝えればいいの", AdviceKinds.WhatToSay)]
    [InlineData("寒いし、交番に行ってもいいかな", AdviceKinds.GoSafePlace)]
    [InlineData("声出したらバレる。文字で通報とかできないの？", AdviceKinds.PoliceText)]
    [InlineData("おまわりさんって怖くない？", AdviceKinds.Koban)]
    [InlineData("家に帰らんですむ方法ってないかな", AdviceKinds.StayAway)]
    [InlineData("今夜だけうちに帰らなくてもいい？", AdviceKinds.StayAway)]
    [InlineData("カラオケって中学生だけで泊まれる？", AdviceKinds.NetCafe)]
    [InlineData("未成年でもネットカフェ入れる？", AdviceKinds.NetCafe)]
    [InlineData("189に電話したらお母さんにばれる？", AdviceKinds.Privacy189)]
    [InlineData("児相って家に来るの？", AdviceKinds.Privacy189)]
    [InlineData("保険証っているのかな", AdviceKinds.Insurance)]
    [InlineData("病院いったら家に連絡いく？", AdviceKinds.Insurance)]
    [InlineData("未成年でも生活保護って申請できる？", AdviceKinds.Welfare)]
    [InlineData("先生に相談したらお母さんに電話される？", AdviceKinds.ToldParents)]
    [InlineData("ブロックすれば止まるかな", AdviceKinds.Block)]
    public void A_should_I_question_is_read_as_its_kind(string text, string kind) =>
        Assert.Equal(kind, Engine.Understand(text).Advice);

    [Theory]
    [InlineData("きのう病院に行ってきた")]
    [InlineData("先生に言ったら怒られた")]
    [InlineData("バイト休みだから家にいる")]
    [InlineData("友だちと会って話した")]
    [InlineData("ブロックされたっぽい")]
    [InlineData("きのうは家に帰らなかった")]
    [InlineData("ネットカフェでバイトしてる高校生です")]
    [InlineData("189に電話したことある")]
    [InlineData("保険証なくした")]
    [InlineData("先生から親に連絡があった")]
    public void Telling_what_happened_asks_nothing(string text) =>
        Assert.Null(Engine.Understand(text).Advice);

    [Fact]
    public void An_advice_question_adds_no_intent_or_category_of_the_labels()
    {
        var reading = Engine.Understand("ブロックしたらまずいかな");

        Assert.Equal([Intent.Other], reading.Intents);
        Assert.Empty(reading.Categories);
        Assert.Contains(reading.Cues, c => c.Kind == CueKind.Advice && c.Id == "advice-block");
    }

    [Fact]
    public void An_unknown_advice_kind_is_refused_with_the_known_ones()
    {
        var e = Assert.Throws<InvalidDataException>(() => UnderstandingPatterns.Parse([("t.yaml", "version: '1'\nentries:\n  - id: a\n    advice: shopping\n    terms: [\"かう\"]\n    note: n\n")]));

        Assert.Contains("unknown advice 'shopping'", e.Message, StringComparison.Ordinal);
        Assert.Contains(AdviceKinds.Hospital, e.Message, StringComparison.Ordinal);
    }
    // The lexicon's side of the same questions (Lexicon/advice16.yaml). Kept here, not under Risk/, so these sentences are
    // not mined into the backstop's training data.
    [Theory]
    [InlineData("インスタのアカウント消したほうがいいかな", ChatSupport.Domain.Risk.RiskLevel.Medium)]
    [InlineData("LINEのアカ消すべきかな", ChatSupport.Domain.Risk.RiskLevel.Medium)]
    public void Asking_whether_to_delete_an_account_is_not_accounts_deleted_with_everything_ready(string text, ChatSupport.Domain.Risk.RiskLevel below) =>
        Assert.True(Engine.Read(text).Risk.Level < below, Engine.Read(text).Risk.Level.ToString());

    [Fact]
    public void Accounts_deleted_with_everything_ready_is_still_critical() =>
        Assert.Equal(ChatSupport.Domain.Risk.RiskLevel.Critical, Engine.Read("アカウントも全部消した。準備はできた").Risk.Level);

    // A place to ask is not a place left to cut (situations.yaml, no_room_left): きる inside できる (round 17).
    [Theory]
    [InlineData("電話は苦手だからLINEで相談できるとこない？")]
    [InlineData("夜中でも話できるとこないかな")]
    public void A_place_to_ask_is_not_no_place_left_to_cut(string text) =>
        Assert.True(Engine.Read(text).Risk.Level < ChatSupport.Domain.Risk.RiskLevel.High, Engine.Read(text).Risk.Level.ToString());

    [Theory]
    [InlineData("もうきるとこないくらい傷だらけ")]
    [InlineData("腕にもう切るとこない")]
    public void No_place_left_to_cut_is_still_high(string text) =>
        Assert.True(Engine.Read(text).Risk.Level >= ChatSupport.Domain.Risk.RiskLevel.High, Engine.Read(text).Risk.Level.ToString());

    // The name of a service asked about is not violence told (context.yaml, mask-service-names; p22, round 18).
    [Theory]
    [InlineData("DV相談プラスって夜中もつながる？")]
    [InlineData("ＤＶ相談ナビの番号おしえて")]
    [InlineData("虐待対応ダイヤルって子どもがかけてもいいの")]
    public void A_service_asked_about_by_name_is_not_violence_told(string text) =>
        Assert.True(Engine.Read(text).Risk.Level < ChatSupport.Domain.Risk.RiskLevel.High, Engine.Read(text).Risk.Level.ToString());

    [Theory]
    [InlineData("彼氏にDVされてる。DV相談ってどこ？")]
    [InlineData("親に毎日殴られてる。虐待対応ダイヤルにかけたい")]
    [InlineData("ネットで泊めてくれるって人がいて、いまから会う")]
    public void Violence_told_beside_a_service_name_and_a_stranger_s_bed_stay_high(string text) =>
        Assert.True(Engine.Read(text).Risk.Level >= ChatSupport.Domain.Risk.RiskLevel.High, Engine.Read(text).Risk.Level.ToString());

    // Whether the bot tells parents or the school is a question about this chat's privacy, not a school topic (p22, round 18).
    [Theory]
    [InlineData("ママにも先生にも言わない？")]
    [InlineData("家族には言わんよね")]
    public void Asking_whether_parents_or_the_school_are_told_is_a_privacy_question(string text)
    {
        var understanding = Engine.Read(text).Understanding;
        Assert.Contains(Intent.AskPrivacy, understanding.Intents);
        Assert.DoesNotContain(ChatSupport.Domain.Risk.SupportCategory.School, understanding.Categories);
    }
}
