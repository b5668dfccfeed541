using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// Round 17's classes (Lexicon/lead17.yaml, docs/risk.md "Round 17"): kinds of situation the apart20 writer showed
/// missing or raised wrongly, and four found in the held-out conversations p21, written here in other words than the
/// set's and the conversations', both ways where a near miss exists. Read by the lexicon alone (no learned backstop),
/// so each case tests a class and not the model.
/// </summary>
public class LeadRoundSeventeenTests
{
    private static readonly RiskEngine Lexicon = new(RiskLexicon.LoadEmbedded());

    [Theory]
    [InlineData("ショッピングモールの駐車場の最上階。フェンス乗り越えた", "beyond-the-railing-high-up")]
    [InlineData("立駐の6階、柵もうまたいだ", "beyond-the-railing-high-up")]
    [InlineData("片道の切符だけ買った。帰りのはいらんけん。海まで", "one-way-no-return")]
    [InlineData("ひとりで冬の山に入った。もう下りる気ない", "one-way-no-return")]
    [InlineData("父と妹あてに手紙を書いて枕の下に置いた。あとは暗くなるのを待つだけ", "letters-left-waiting-for-night")]
    [InlineData("もうええわ。これから車で電柱に突っ込んだる", "crash-vehicle-on-purpose-now")]
    [InlineData("今から単車でガードレールに突っ込んでやる", "crash-vehicle-on-purpose-now")]
    [InlineData("そば食べたらあかん体やのに、わざと食べた。口の中がはれてきた", "allergen-eaten-on-purpose")]
    [InlineData("インスリンわざと多めに打った、手がふるえてきた", "insulin-overdosed")]
    [InlineData("妊娠してるの親に隠してる。さっきから出血してお腹痛い", "hidden-pregnancy-bleeding")]
    [InlineData("今、おどにかっちゃが叩がれでら", "parent-hit-now-tsugaru")]
    [InlineData("おどがかっちゃば叩いでる音がする", "parent-hit-now-tsugaru")]
    [InlineData("兄の部屋、内側から鍵かかってて返事ない。昨日「ありがとう、さよなら」って投稿してた", "someone-posted-prepared-locked-silent")]
    [InlineData("姉がストーリーに「用意できた」って上げてて、部屋の鍵しめてて呼んでも返事がない", "someone-posted-prepared-locked-silent")]
    [InlineData("友達が眠剤ためてて、見せられた量がやばかった", "someones-pills-collected-and-shown")]
    [InlineData("線路づたいに歩いとる、貨物の時刻見た", "by-the-tracks-train-time-looked-up")]
    [InlineData("カッターで切ってたら深くいきすぎて、なんか白いのが見えてきた", "cut-severe")]
    public void A_situation_of_danger_now_is_critical(string text, string rule)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level == RiskLevel.Critical, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
        Assert.Contains(rule, result.Rules);
    }

    [Theory]
    [InlineData("しつけやからってベルトでやられた跡、まだ残ってる", "discipline-marks")]
    [InlineData("人生まるごとリセットしたい", "life-reset-wish")]
    [InlineData("前に橋から飛ぼうとしたことある。このごろまたあの橋のことが頭から離れない", "past-attempt-place-back-in-mind")]
    [InlineData("グラビアの撮影って話だったのに、現場で裸になれって言われた。断ったら違約金払えって", "shoot-undress-penalty")]
    [InlineData("合コンで飲まされて、目が覚めたら知らん人の家やった。記憶ない", "woke-in-strangers-room-after-drinks")]
    [InlineData("介護してる祖母の首をしめてしまいそうで自分がこわい", "carer-afraid-of-hands-to-neck")]
    [InlineData("カッターの替え刃、財布に入れて持ち歩いとる。ないと落ち着かん", "blade-carried-for-comfort")]
    [InlineData("食べるたびに吐いてて、最近は吐くと血が混じる", "purging-with-blood")]
    [InlineData("ママの再婚相手が夜中にわたしの部屋にくる。誰にも言えん", "step-parent-comes-to-room-at-night")]
    [InlineData("バイトのマネージャーにホテルで反省会しようって誘われた", "hotel-invite-power")]
    [InlineData("このまま消えちゃってもいいかなって思う", "vanishing-would-be-fine")]
    [InlineData("山の中で誰にも見つからんのもええなって思う", "unfound-would-be-fine")]
    [InlineData("おやじが酒飲むと暴れるけん、家おりたくない", "drunk-parent-rampaging-at-home")]
    [InlineData("彼が避妊してくれない。嫌って言ったらキレられて、結局させられる", "partner-forces-without-contraception")]
    [InlineData("妹のインスタに「もう限界」「用意した」って投稿あった", "someone-posted-prepared")]
    [InlineData("闇バイトもう抜けたいって送ったら、お前の家族んとこ行くからなって返ってきた", "dark-job-threat-family")]
    [InlineData("即日10万のバイト、やめたいって言ったら家族がどうなっても知らんぞって", "dark-job-threat-family")]
    [InlineData("受け子やめるって言ったら、学生証の写真ばらまくぞって", "dark-job-threat-id")]
    [InlineData("オンラインで知り合った人に自撮り送ったら、3万振り込まないとクラスのグループに流すって", "sextortion-in-other-words")]
    [InlineData("ネットのフレンドに写真送ったら、お金払わんかったら学校のみんなに回すって", "sextortion-passed-round")]
    public void Harm_told_by_situation_is_high(string text, string rule)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
        Assert.Contains(rule, result.Rules);
    }

    [Theory]
    [InlineData("ボール取りにフェンス乗り越えた")]
    [InlineData("片道切符で東京に引っ越す。帰りの切符は向こうで買う")]
    [InlineData("山頂ついた！まだ下りる気ないｗ景色最高")]
    [InlineData("ラブレター書いた、あとは渡すだけ")]
    [InlineData("年賀状書いた。あとはポストに出すだけ")]
    [InlineData("昨日うっかり車で電柱に突っ込んだ、修理代やば")]
    [InlineData("ピーマン嫌いやけどわざと食べてみた")]
    [InlineData("インスリン打つの忘れてた、今打った")]
    [InlineData("生理で出血多くてお腹痛い")]
    [InlineData("犬のしつけ教室でリード使った")]
    [InlineData("生活リズムリセットしたい")]
    [InlineData("ゲームのデータ全部リセットしたい")]
    [InlineData("前に飛ぼうとしたことある。今はもう大丈夫")]
    [InlineData("撮影の契約書サインした、違約金の説明もあった")]
    [InlineData("飲みすぎて気づいたら自分の部屋で寝てたｗ記憶ない")]
    [InlineData("マフラーを祖母の首にまいてあげた")]
    [InlineData("カッターは工作用にペンケースに入れてる")]
    [InlineData("吐くと血が混じるようになった")]
    [InlineData("胃腸炎で吐いたら血が混じっててびっくりした")]
    [InlineData("弟が部屋に鍵かけてゲームしてる、返事ない")]
    [InlineData("彼氏が「旅行の準備できた」ってインスタに投稿してた")]
    [InlineData("旅行の写真送ったら、クラスのグループに流しといてって")]
    [InlineData("写真屋に画像送った、今日中に振り込まないとキャンセルだって")]
    [InlineData("この動画おもろすぎて死ぬわ、涙でた")]
    [InlineData("継父が夜中に部屋に来て、ゲームの音うるさいって怒られた")]
    [InlineData("友達が推しのグッズためてて見せてくれた")]
    [InlineData("りんご切ってたら白いのが見えてきた")]
    [InlineData("線路沿い歩いて駅向かってる。次の電車の時間調べたら遅延してた")]
    [InlineData("かくれんぼで見つからんのもいいな、鬼つまんないけど")]
    [InlineData("ホテルのバイトの面接に行ってきた")]
    [InlineData("スマホの写真消えてもいいかな、容量ない")]
    [InlineData("この予定消えてもいいかな")]
    [InlineData("酔っ払った友達がカラオケで暴れるから困る")]
    [InlineData("猫が暴れる、爪切りたいのに")]
    [InlineData("部活の走り込みで死ぬがど思ったじゃ")]
    [InlineData("福祉の授業で『消えたい』って相談された時の答え方を練習する")]
    public void The_near_miss_is_not_high(string text)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level < RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    [Theory]
    [InlineData("闇バイトもう抜けたいって送ったら、お前の家族んとこ行くからなって返ってきた")]
    [InlineData("受け子やめるって言ったら、学生証の写真ばらまくぞって")]
    public void A_criminal_jobs_threat_is_online_harm_with_the_grooming_situation(string text)
    {
        var result = Lexicon.Assess(text);
        Assert.Contains(SupportCategory.OnlineHarm, result.Categories);
        Assert.Contains("grooming", result.Situations);
    }

    [Theory]
    [InlineData("オンラインで知り合った人に自撮り送ったら、3万振り込まないとクラスのグループに流すって")]
    [InlineData("ネットのフレンドに写真送ったら、お金払わんかったら学校のみんなに回すって")]
    public void Sextortion_in_other_words_names_the_sextortion_situation(string text)
    {
        var result = Lexicon.Assess(text);
        Assert.Contains("sextortion", result.Situations);
        Assert.Contains(SupportCategory.OnlineHarm, result.Categories);
    }

    [Fact]
    public void A_threat_to_the_family_after_a_quick_money_job_is_high_across_messages()
    {
        var now = new DateTimeOffset(2026, 12, 12, 21, 0, 0, TimeSpan.FromHours(9));
        var first = Lexicon.Assess("インスタで日払い3万の仕事に応募して、学生証の写真送っちゃった", ConversationRisk.Empty, now);
        var conversation = ConversationRisk.Empty.Update(first, now);

        var later = Lexicon.Assess("抜けたいって言ったら、家族がどうなっても知らないよって", conversation, now.AddMinutes(4));

        Assert.True(later.Level >= RiskLevel.High, $"{later.Level} ({string.Join(",", later.Rules)})");
        Assert.Contains("dark-job-threat-after-the-job", later.Rules);
        Assert.Contains(SupportCategory.OnlineHarm, later.Categories);
        Assert.True(Lexicon.Assess("抜けたいって言ったら、家族がどうなっても知らないよって", ConversationRisk.Empty, now).Level < RiskLevel.High);
    }

    [Fact]
    public void A_locked_door_and_no_answer_after_a_siblings_posts_is_critical_across_messages()
    {
        var now = new DateTimeOffset(2026, 12, 13, 10, 0, 0, TimeSpan.FromHours(9));
        var first = Lexicon.Assess("兄のアカウント見たら「用意した」って投稿があった", ConversationRisk.Empty, now);
        Assert.True(first.Level >= RiskLevel.High, $"{first.Level} ({string.Join(",", first.Rules)})");
        var conversation = ConversationRisk.Empty.Update(first, now);

        var later = Lexicon.Assess("部屋の前で呼んでも返事がない。鍵もかかってる", conversation, now.AddMinutes(6));

        Assert.Equal(RiskLevel.Critical, later.Level);
        Assert.Contains("locked-and-silent-after-posts", later.Rules);
        Assert.True(Lexicon.Assess("部屋の前で呼んでも返事がない。鍵もかかってる", ConversationRisk.Empty, now).Level < RiskLevel.High);
    }
}
