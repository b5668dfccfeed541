using ChatSupport.Domain.Triage;

namespace ChatSupport.Domain.Tests.Triage;

/// <summary>ETH-05: nothing identifying leaves the process. Each case is a message a young person might write.</summary>
public sealed class RedactorTests
{
    [Theory]
    [InlineData("電話番号は090-1234-5678です", "電話番号は［電話番号］です")]
    [InlineData("09012345678に電話して", "［電話番号］に電話して")]
    [InlineData("０８０ー１２３４ー５６７８だよ", "［電話番号］だよ")]
    [InlineData("家の電話 03-1234-5678", "家の電話 ［電話番号］")]
    [InlineData("(03)1234-5678", "［電話番号］")]
    [InlineData("+81 90 1234 5678 にかけて", "［電話番号］ にかけて")]
    [InlineData("0120-123-456", "［電話番号］")]
    [InlineData("045 123 4567", "［電話番号］")]
    public void PhoneNumbers_AreRedacted_ETH05(string input, string expected) => Assert.Equal(expected, Redact(input));

    [Theory]
    [InlineData("110番した")]
    [InlineData("119に電話した方がいい？")]
    [InlineData("2024年に12345円払った")]
    [InlineData("テストで95点だった")]
    public void ShortNumbers_Stay(string input) => Assert.Equal(input, Redact(input));

    [Theory]
    [InlineData("メールは taro.yamada+x@example.co.jp です", "メールは ［メール］ です")]
    [InlineData("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍに送って", "［メール］に送って")]
    public void Emails_AreRedacted_ETH05(string input, string expected) => Assert.Equal(expected, Redact(input));

    [Theory]
    [InlineData("このページ見て https://example.com/a?b=1 やばい", "このページ見て ［URL］ やばい")]
    [InlineData("www.example.jp/profile", "［URL］")]
    [InlineData("example.net に書いてあった", "［URL］ に書いてあった")]
    public void Urls_AreRedacted_ETH05(string input, string expected) => Assert.Equal(expected, Redact(input));

    [Theory]
    [InlineData("LINEのIDはtaro_1234です", "LINEのIDは［ID］です")]
    [InlineData("ライン ID: hanako.99", "ライン ID: ［ID］")]
    [InlineData("インスタ @hana_chan_7 で知り合った", "インスタ ［ID］ で知り合った")]
    [InlineData("相手のIDは abc123xyz", "相手のIDは ［ID］")]
    [InlineData("@someone_12 にDMされた", "［ID］ にDMされた")]
    public void SocialIds_AreRedacted_ETH05(string input, string expected) => Assert.Equal(expected, Redact(input));

    [Fact]
    public void LineWithoutAnId_Stays() => Assert.Equal("LINE交換しようって言われた", Redact("LINE交換しようって言われた"));

    [Theory]
    [InlineData("〒150-0001に住んでる", "［郵便番号］に住んでる")]
    [InlineData("〒１５００００１", "［郵便番号］")]
    [InlineData("郵便番号は060-0001", "郵便番号は［郵便番号］")]
    public void PostalCodes_AreRedacted_ETH05(string input, string expected) => Assert.Equal(expected, Redact(input));

    [Theory]
    [InlineData("東京都渋谷区神南1-2-3に住んでる", "［住所］に住んでる")]
    [InlineData("横浜市中区山下町１丁目２番地", "［住所］")]
    [InlineData("桜ヶ丘3丁目5番12号の近く", "［住所］の近く")]
    [InlineData("住所は2-15-7です", "住所は［住所］です")]
    [InlineData("さくらハイツ203号室にひとりでいる", "［住所］にひとりでいる")]
    public void Addresses_AreRedacted_ETH05(string input, string expected) => Assert.Equal(expected, Redact(input));

    [Theory]
    [InlineData("大阪に住んでる")]
    [InlineData("東京都の高校生です")]
    [InlineData("北海道札幌市にいる")]
    public void CoarsePlaces_Stay(string input) => Assert.Equal(input, Redact(input));

    [Theory]
    [InlineData("田中さんにいじめられてる", "［名前］さんにいじめられてる")]
    [InlineData("タカシくんが怖い", "［名前］くんが怖い")]
    [InlineData("ゆうきくんが死にたいって言ってた", "［名前］くんが死にたいって言ってた")]
    [InlineData("友達のあおいちゃんがリスカしてる", "友達の［名前］ちゃんがリスカしてる")]
    [InlineData("担任の佐藤先生に言えない", "担任の［名前］先生に言えない")]
    [InlineData("山田様からのメール", "［名前］様からのメール")]
    [InlineData("鈴木君に殴られた", "［名前］君に殴られた")]
    public void NamesBeforeHonorifics_AreRedacted_ETH05(string input, string expected) => Assert.Equal(expected, Redact(input));

    [Theory]
    [InlineData("お母さんに殴られる")]
    [InlineData("お父さんが怖い")]
    [InlineData("おかあさんが帰ってこない")]
    [InlineData("お兄ちゃんに叩かれた")]
    [InlineData("おばあちゃんの介護がつらい")]
    [InlineData("店員さんに怒られた")]
    [InlineData("先生に相談したい")]
    [InlineData("みなさんありがとう")]
    [InlineData("彼氏くんと別れた")]
    public void FamilyAndRoleWords_Stay(string input) => Assert.Equal(input, Redact(input));

    [Theory]
    [InlineData("名前は田中です", "名前は［名前］です")]
    [InlineData("私は佐藤花子と申します", "私は［名前］と申します")]
    [InlineData("本名はゆいだよ", "本名は［名前］だよ")]
    public void SelfIntroducedNames_AreRedacted_ETH05(string input, string expected) => Assert.Equal(expected, Redact(input));

    [Theory]
    [InlineData("桜丘中学校でいじめられてる", "［学校名］でいじめられてる")]
    [InlineData("西高校に通ってる", "［学校名］に通ってる")]
    public void SchoolNames_AreRedacted_ETH05(string input, string expected) => Assert.Equal(expected, Redact(input));

    [Theory]
    [InlineData("中学生です")]
    [InlineData("高校に行きたくない")]
    [InlineData("私立高校に通ってる")]
    public void SchoolWordsWithoutAName_Stay(string input) => Assert.Equal(input, Redact(input));

    [Fact]
    public void RiskWords_SurviveRedaction()
    {
        var text = "田中さんに毎日殴られてて、もう死にたい。090-1111-2222";
        var result = Redactor.Redact(text);
        Assert.Equal("［名前］さんに毎日殴られてて、もう死にたい。［電話番号］", result.Text.Value);
        Assert.Equal(1, result.Counts[RedactionKind.Name]);
        Assert.Equal(1, result.Counts[RedactionKind.Phone]);
        Assert.Equal(2, result.Total);
    }

    [Fact]
    public void HugeText_IsCutAndStillRedacted()
    {
        var text = string.Concat(Enumerable.Repeat("090-1234-5678 ", 1000));
        var result = Redactor.Redact(text).Text.Value;
        Assert.True(result.Length <= Redactor.MaxInputLength);
        Assert.DoesNotContain("1234-5678", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_IsEmpty() => Assert.Equal(string.Empty, Redact(null));

    [Theory]
    [InlineData("金子さんにずっと無視されてる", "［名前］さんにずっと無視されてる")]
    [InlineData("花子ちゃんがリスカしてる", "［名前］ちゃんがリスカしてる")]
    [InlineData("山田にずっとからかわれる", "［名前］にずっとからかわれる")]
    [InlineData("番号は090.1234.5678", "番号は［電話番号］")]
    [InlineData("ＬＩＮＥのＩＤはｔａｒｏ１２３", "ＬＩＮＥのＩＤは［ID］")]
    [InlineData("Xのアカは@sora_kanashii", "Xのアカは［ID］")]
    [InlineData("さくら小学校に行ってる", "［学校名］に行ってる")]
    [InlineData("わたしは田中ゆうきっていいます", "わたしは［名前］っていいます")]
    public void TheEightLeaksFromIssue15_AreMasked_ETH05(string input, string expected) => Assert.Equal(expected, Redact(input));

    [Fact]
    public void ANameFromAnEarlierMessage_IsMaskedLater_ETH05()
    {
        var context = new RedactionContext();
        Assert.Equal("わたしは［名前］っていいます", Redactor.Redact("わたしは田中ゆうきっていいます", context).Text.Value);
        Assert.Equal("［名前］って呼ばれるのがいや。［名前］って名字も", Redactor.Redact("ゆうきって呼ばれるのがいや。田中って名字も", context).Text.Value);

        // Without the conversation's context a bare given name is not recognisable.
        Assert.Equal("ゆうきは元気", Redactor.Redact("ゆうきは元気").Text.Value);
        Assert.Equal("［名前］は元気", Redactor.Redact("ゆうきは元気", context).Text.Value);
    }

    [Theory]
    [InlineData("中2です、山登りが好きだった")]
    [InlineData("田舎の田んぼしかないところ")]
    [InlineData("授業中に背中が痛くなった")]
    [InlineData("千葉に住んでる")]
    [InlineData("I'm tired")]
    [InlineData("2025-03-01から学校行ってない")]
    public void LookAlikeWords_Stay(string input) => Assert.Equal(input, Redact(input));

    [Theory]
    [InlineData("ゆうせいが朝から家の前にいる", "［名前］が朝から家の前にいる")]
    [InlineData("今朝あやかに笑われた", "今朝［名前］に笑われた")]
    [InlineData("拓真とか誰も味方してくれない", "［名前］とか誰も味方してくれない")]
    [InlineData("ユウセイの兄がこわい", "［名前］の兄がこわい")]
    [InlineData("りなと、ななみに囲まれた", "［名前］と、［名前］に囲まれた")]
    [InlineData("ひなの、ありがとう", "［名前］、ありがとう")]
    [InlineData("ほんとにごめん、たいが", "ほんとにごめん、［名前］")]
    [InlineData("相良と宇田川にたかられてる", "［名前］と［名前］にたかられてる")]
    [InlineData("ｼｮｳﾀくんにLINEブロックされた", "［名前］くんにLINEブロックされた")]
    [InlineData("おれはタイガ。", "おれは［名前］。")]
    [InlineData("私、ちはる。16", "私、［名前］。16")]
    [InlineData("Mio tte yonde ne", "［名前］ tte yonde ne")]
    [InlineData("uchi wa Kana", "uchi wa ［名前］")]
    public void GivenNamesWithoutACueAndShortIntroductions_AreRedacted_ETH05(string input, string expected) => Assert.Equal(expected, Redact(input));

    [Theory]
    [InlineData("最寄り駅は二子玉川です", "最寄り駅は［住所］です")]
    [InlineData("家から一番近い駅は清澄白河", "家から一番近い駅は［住所］")]
    [InlineData("星が丘駅がうちの最寄り", "［住所］駅がうちの最寄り")]
    [InlineData("家はファミマ緑町店のすぐ裏", "家は［住所］のすぐ裏")]
    [InlineData("桜川公園のそばに住んでる", "［住所］のそばに住んでる")]
    [InlineData("ハイツすずらん305にいる", "［住所］にいる")]
    [InlineData("旭川市6条通10丁目", "［住所］")]
    [InlineData("つばめ野小のとき", "［学校名］のとき")]
    [InlineData("みなみ野女子高に落ちた", "［学校名］に落ちた")]
    [InlineData("北陵大の2年です", "［学校名］の2年です")]
    [InlineData("Discordのタグ: kage_boshi", "Discordのタグ: ［ID］")]
    [InlineData("hina.k アット gmail ドット com", "［メール］")]
    public void PlacesNearHomeAndMoreForms_AreRedacted_ETH05(string input, string expected) => Assert.Equal(expected, Redact(input));

    [Theory]
    [InlineData("何もかもどうでもいい")]
    [InlineData("そらが暗くなるとこわい")]
    [InlineData("ゆめの中でも怒られる")]
    [InlineData("最寄り駅まで遠い")]
    [InlineData("最寄り駅しつこく聞かれた")]
    [InlineData("家は駅の近く")]
    [InlineData("家は公園の前")]
    [InlineData("近所の公園の近くに住んでる")]
    [InlineData("シェアハウスに住んでる")]
    [InlineData("静岡です。話を聞いてほしい")]
    [InlineData("仙台です")]
    [InlineData("地方大に受かった")]
    [InlineData("私立女子高に通ってる")]
    [InlineData("I'm Japanese")]
    [InlineData("おれはゴミ。")]
    [InlineData("背中が痛い")]
    public void LookAlikesOfTheNewClasses_Stay(string input) => Assert.Equal(input, Redact(input));

    [Fact]
    public void RedactedText_HasNothingLeftForTheSendCheck_ETH05()
    {
        // The check the AI advisor runs before sending finds nothing in what the redactor produced, so a correctly
        // redacted message is never withheld; and it does find what was not redacted.
        foreach (var file in new[] { "tune.txt", "holdout.txt", "holdout2.txt", "holdout3.txt", "holdout4.txt", "holdout5.txt" })
        {
            foreach (var line in File.ReadAllLines(Path.Combine(CorpusFolder(), file)).Where(l => l.Length > 0 && !l.StartsWith('#')))
            {
                var context = new RedactionContext();
                foreach (var message in line.Split(" || "))
                {
                    var (text, _, _) = RedactionCorpusTests.Parse(message);
                    var redacted = Redactor.Redact(text, context).Text.Value;
                    Assert.True(Redactor.FindPersonalData(redacted).Count == 0, $"the send check still finds something in: {redacted}");
                }
            }
        }

        Assert.Equal(2, Redactor.FindPersonalData("山田さんの番号 090-1234-5678").Values.Sum());
    }

    private static string CorpusFolder([System.Runtime.CompilerServices.CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "RedactionCorpus");

    private static string Redact(string? s) => Redactor.Redact(s).Text.Value;
}
