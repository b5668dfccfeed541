using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// Round 6 of issue #12: the classes fixed from tuning6's misses and false alarms, each tested both ways (a danger
/// that must be raised, a look-alike that must not) with words of their own, not the tuning set's or a dev set's.
/// </summary>
public class RoundSixTests
{
    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();

    private static RiskLevel Level(string text) => Engine.Assess(text).Level;

    // ------------------------------------------------------------ normalizer: い may start a word after an i-row kana

    [Theory]
    [InlineData("父にいま", "父にいま")]
    [InlineData("きみにいてほしい", "きみにいてほしい")]
    public void Normalize_AFullSizeIAfterAnIRowKanaStays(string input, string expected) =>
        Assert.Equal(expected, JapaneseNormalizer.NormalizeToString(input));

    [Theory]
    [InlineData("しにたぃぃ", "しにたい")]
    [InlineData("しにたいいい", "しにたい")]
    [InlineData("さみしいぃ", "さみしい")]
    public void Normalize_StretchedIStillFolds(string input, string expected) =>
        Assert.Equal(expected, JapaneseNormalizer.NormalizeToString(input));

    [Fact]
    public void Violence_now_after_ni_is_read_as_now() =>
        Assert.Equal(RiskLevel.Critical, Level("彼氏にいま蹴られてる"));

    [Fact]
    public void A_phone_call_now_after_ni_is_not_danger() =>
        Assert.True(Level("兄にいま電話したとこ") < RiskLevel.High);

    // ------------------------------------------------------------ finality: last words, letters, giving away

    [Theory]
    [InlineData("みなさん今までお世話になりました。さようなら")]
    [InlineData("このLINE読んどる頃にはもうおらんけん")]
    [InlineData("置き手紙した。あとは逝くだけ")]
    [InlineData("あしたの朝には冷たくなってるはず")]
    [InlineData("服もゲームも全部妹にあげた。もう必要ないし")]
    public void Finality_without_a_death_word_is_critical(string text) =>
        Assert.Equal(RiskLevel.Critical, Level(text));

    [Theory]
    [InlineData("卒業式でみんな今までありがとうって言い合った")]
    [InlineData("このメッセージ読んだら返事ちょうだい")]
    [InlineData("手紙書いて出した、あとは返事待つだけ")]
    [InlineData("朝にはコーヒー冷たくなってた")]
    [InlineData("引っ越しするから本は全部妹にあげた")]
    [InlineData("還暦のお祝いで父に今までありがとうって伝えた")]
    [InlineData("大会で最後にするって決めた、引退する")]
    [InlineData("洗濯も掃除もぜんぶうちがやってる、しんどい")] // ぜんぶ + a kana 売 (う) once folded into a bare ぜんぶ
    public void Ordinary_goodbyes_letters_and_gifts_are_not_danger(string text) =>
        Assert.True(Level(text) < RiskLevel.High, text);

    [Fact]
    public void Ending_it_today_without_an_occasion_stays_high() =>
        Assert.True(Level("今日で最後にする。もう疲れた") >= RiskLevel.High);

    // ------------------------------------------------------------ wishes in other words and dialects

    [Theory]
    [InlineData("存在ごと消えたい")]
    [InlineData("溶けて消えたい")]
    [InlineData("なんで生きとるんじゃろ")]
    [InlineData("おらんくなれたらええのに")]
    public void Wishes_not_to_exist_are_high(string text) =>
        Assert.True(Level(text) >= RiskLevel.High, text);

    [Theory]
    [InlineData("雪が溶けて消えた")]
    [InlineData("スマホのデータを消したい")]
    [InlineData("いなくなった猫が見つかったらいいのに")]
    [InlineData("なんで生きてる化石って呼ばれるんやろ")]
    [InlineData("ライブの推し尊すぎて消えたい")]
    public void Look_alikes_of_wishes_are_not_high(string text) =>
        Assert.True(Level(text) < RiskLevel.High, text);

    [Fact]
    public void A_wish_next_to_a_favourite_is_still_a_wish() =>
        Assert.True(Level("推しにも会えんし消えたい") >= RiskLevel.High);

    // ------------------------------------------------------------ self-harm said without the usual words

    [Theory]
    [InlineData("床に頭ゴンゴン打ちつけた")]
    [InlineData("血が出るまで肌ひっかいてしまう")]
    [InlineData("妹の手首に線が何本もある")]
    [InlineData("ナイフ 🩸")]
    [InlineData("自分で腕切った")]
    public void Self_harm_in_other_words_is_high(string text) =>
        Assert.True(Level(text) >= RiskLevel.High, text);

    [Theory]
    [InlineData("転んで床に頭打った")]
    [InlineData("猫に引っかかれて腕に傷がいっぱい")]
    [InlineData("料理中に包丁で指切って血が出た")]
    [InlineData("前髪自分で切ったら失敗した")]
    public void Accidents_and_haircuts_are_not_self_harm(string text) =>
        Assert.True(Level(text) < RiskLevel.High, text);

    [Fact]
    public void A_rope_around_the_neck_tied_to_a_rail_is_critical() =>
        Assert.Equal(RiskLevel.Critical, Level("ロープを首にかけてカーテンレールに結んだ"));

    [Fact]
    public void A_rope_tied_at_a_campsite_is_not_danger() =>
        Assert.True(Level("キャンプでタープのロープを木に結んだ") < RiskLevel.High);

    [Fact]
    public void A_whole_pack_swallowed_is_an_overdose() =>
        Assert.Equal(RiskLevel.Critical, Level("i swallowed a whole pack of my meds"));

    [Fact]
    public void A_whole_pack_of_sweets_is_not() =>
        Assert.True(Level("ate a whole pack of gummies lol") < RiskLevel.High);

    // ------------------------------------------------------------ violence, neglect, isolation, grooming

    [Theory]
    [InlineData("ご飯もらえんけん給食でしのいどる")]
    [InlineData("旦那に友達と会うの禁止されてる")]
    [InlineData("隣の部屋から毎晩こどもの悲鳴と怒鳴り声がする")]
    [InlineData("ネトゲの人にお金あげるから会おうって誘われてる")]
    public void Harm_by_someone_described_without_its_name_is_high(string text) =>
        Assert.True(Level(text) >= RiskLevel.High, text);

    [Theory]
    [InlineData("バイト先でまかないのご飯もらえた")]
    [InlineData("テスト前で親に外出禁止令出された")]
    [InlineData("隣の家の赤ちゃんの泣き声で眠れない")]
    [InlineData("ネトゲの人とボイチャで攻略した")]
    public void Everyday_look_alikes_of_harm_are_not_high(string text) =>
        Assert.True(Level(text) < RiskLevel.High, text);

    // ------------------------------------------------------------ places

    [Fact]
    public void Heading_alone_to_a_remote_place_now_is_critical() =>
        Assert.Equal(RiskLevel.Critical, Level("夜の山奥に一人で向かってる"));

    [Fact]
    public void Going_to_the_sea_with_friends_is_not_danger() =>
        Assert.True(Level("友達と海に行ってる") < RiskLevel.High);

    // ------------------------------------------------------------ songs

    [Fact]
    public void A_line_quoted_from_a_song_is_not_a_goodbye() =>
        Assert.True(Level("この曲の歌詞の「もう会えない」ってとこ泣ける") < RiskLevel.High);

    [Fact]
    public void A_wish_next_to_a_song_is_still_a_wish() =>
        Assert.True(Level("この曲の歌詞みたいに消えたい") >= RiskLevel.High);

    // ------------------------------------------------------------ term expansion limit

    [Fact]
    public void A_term_expanding_to_exactly_the_limit_keeps_every_variant()
    {
        var term = string.Concat(Enumerable.Range(0, 12).Select(i => $"({(char)('a' + i)}|{(char)('A' + i)})"));
        var variants = RiskLexicon.ExpandTerm(term);
        Assert.Equal(4096, variants.Count);
        Assert.Equal(4096, variants.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_term_expanding_past_the_limit_is_refused_not_cut()
    {
        var term = string.Concat(Enumerable.Range(0, 13).Select(i => $"({(char)('a' + i)}|{(char)('A' + i)})"));
        var error = Assert.Throws<InvalidDataException>(() => RiskLexicon.ExpandTerm(term));
        Assert.Contains("split it", error.Message, StringComparison.Ordinal);
    }
}
