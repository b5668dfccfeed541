using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// The lead's round-13 classes (Lexicon/lead13.yaml, docs/risk.md "Round 13"): kinds of situation that round 12's second
/// held-out writer showed missing or raised wrongly, written here in other words than that set's, both ways.
/// </summary>
public class LeadRoundThirteenTests
{
    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();

    [Theory]
    [InlineData("💊💊💊💊 ぜんぶのんだ", "pills-emoji-taken")]
    [InlineData("置き手紙はパパ宛て。机に置いてきた", "letter-left-for-someone")]
    [InlineData("手紙、妹にだけ残してきた。いまから出る", "letter-left-for-someone")]
    [InlineData("深く切りすぎたかも。床が血だらけ", "cut-soaked-red")]
    [InlineData("8階のベランダから下見てる。くつ脱いだ", "shoes-off-at-a-height")]
    [InlineData("オプチャで知り合った人が、家まで来るって。最寄りバレてる。今日", "online-contact-coming-now")]
    [InlineData("いま鉄橋の真ん中に立ってる", "on-a-bridge-now")]
    [InlineData("ロープ結べるとこ探してる", "looking-for-a-hang-spot")]
    [InlineData("太もも切った。止まらへん", "cut-bleeding-not-stopping")]
    [InlineData("剃刀もってる。今回は深く", "blade-and-not-shallow")]
    [InlineData("日付が変わったら行くって決めた。あと5分", "decided-at-midnight-countdown")]
    [InlineData("ハムスターは妹に預けた。準備はできてる", "pet-handed-over-and-settled")]
    [InlineData("母の彼氏に外に出された。雪すごい。手の感覚がない", "shut-out-in-the-cold")]
    [InlineData("運転中。このままトラックに突っ込もうかな", "crash-intent-while-driving")]
    [InlineData("同級生が「もう死ぬ」って投稿して、電話もLINEもつながらない", "friend-said-die-unreachable")]
    [InlineData("物置にロープ吊るした。もうやるしかない", "rope-hung-nothing-left")]
    [InlineData("お父さんがお母さん殴ってる。ナイフも出てる", "parent-hits-parent-knife-out")]
    [InlineData("咳止め、ドラストで3箱買ってきた。何錠でいけるか調べた", "lethal-dose-and-bought")]
    [InlineData("高架の上にいる。ここから飛んだら楽かな", "imagined-from-an-overpass")]
    [InlineData("池の真ん中まで来た。氷がピキピキいってる", "on-the-ice-no-return")]
    [InlineData("義父が部屋のドアを蹴ってる。鍵かけたけど開けられそう", "door-banged-now")]
    [InlineData("クローゼットにベルトかけてみた", "ligature-tried")]
    [InlineData("知り合いが配信でナイフ映して、今から死ぬって", "means-shown-on-stream")]
    [InlineData("ガソリンかぶった。ライターある", "fuel-and-lighter")]
    public void A_situation_of_danger_now_is_critical(string text, string rule)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level == RiskLevel.Critical, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
        Assert.Contains(rule, result.Rules);
    }

    [Theory]
    [InlineData("部活の後輩の手首に、新しい傷がたくさんある", "wounds-fresh-on-friend")]
    [InlineData("妹の腕の傷増えてる。転んだって言うけど嘘だと思う", "wounds-fresh-excuse-doubted")]
    [InlineData("家賃払えなくて、からだ売ってる", "selling-body-to-live")]
    [InlineData("あばらが浮き出るまで痩せたい。2週間お茶しか飲んでない", "starving-for-days")]
    [InlineData("教室で服脱がされて写真撮られた", "filmed-while-humiliated")]
    [InlineData("10階の窓開けて、ずっと下を見てる", "looking-down-from-a-floor")]
    [InlineData("ギャラ飲みで飲んでたら記憶がない。起きたらラブホだった", "woke-in-hotel-no-memory")]
    [InlineData("このまま眠りたい。もう起きたくない", "sleep-and-not-wake")]
    [InlineData("目が覚めたら下着がなくて、よく覚えてない", "woke-undressed-not-remembering")]
    [InlineData("バイトの打ち上げのあと記憶が途切れてて、気づいたら服が乱れてた", "woke-undressed-not-remembering")]
    [InlineData("インスタの知り合った人が、うちに泊めてくれるって", "online-stranger-offers-a-bed")]
    [InlineData("小3の弟と留守番。パパずっと帰ってこない。冷蔵庫に何もない", "parent-gone-fridge-empty")]
    [InlineData("ママの再婚相手が俺のこと蹴ってくる", "hit-me-by-family-or-partner")]
    [InlineData("兄ちゃんが毎晩布団に入ってくる。誰にも言えない", "family-comes-to-room-cannot-tell")]
    [InlineData("部活のコーチに、ふたりだけの秘密なって言われた", "adult-secret-of-two")]
    [InlineData("なにも食べてないけど、まだ痩せたい", "starving-days-dizzy")]
    [InlineData("血を見ると落ち着く。今日も", "blood-seen-for-relief")]
    [InlineData("クラスの子が、いつも同じ服で、家でご飯食べてないらしい", "friend-neglected")]
    [InlineData("食べたら全部吐いてる。吐きだこできた", "purging-with-marks")]
    [InlineData("闇バイトやめたいって言ったら、住所知ってるからなって", "dark-job-threat")]
    [InlineData("父ちゃんがまた母ちゃん殴ってる", "parent-hits-parent-speech")]
    [InlineData("バイトの飲み会のあと店長の家で…やめてって言ったのに", "said-no-and-it-happened")]
    [InlineData("彼女がキレると皿投げてくる。彼女に壁に押しつけられたこともある", "partner-throws-and-pushes")]
    [InlineData("去年OD経験あり。最近また、あの時と同じ状態", "past-overdose-same-again")]
    [InlineData("おじさんに小さい頃から変なことされてる", "weird-things-by-family-or-adult")]
    public void Harm_told_by_situation_is_high(string text, string rule)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
        Assert.Contains(rule, result.Rules);
    }

    [Theory]
    [InlineData("事故にでも遭えばいいのにって毎日思う")]
    [InlineData("目が覚めなければいいのに")]
    [InlineData("氏にてぇ")]
    [InlineData("週末はせき止めで飛ぶのが楽しみ")]
    [InlineData("ほんなこつ消えたか")]
    public void Passive_wishes_and_spellings_are_high(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level}");
    }

    [Theory]
    [InlineData("じぶんをきずつけないとねむれない")]
    [InlineData("自分の身体を傷つけてしまう")]
    public void Hurting_oneself_to_calm_down_is_high_in_kana_as_in_kanji(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level}");
        Assert.Contains(SupportCategory.SelfHarm, result.Categories);
    }

    [Theory]
    [InlineData("雪かきしすぎて腰しぬ")]
    [InlineData("部活のランニングで足死んだ")]
    [InlineData("カラオケ3時間で喉死んでる")]
    [InlineData("フォトナで高いとこから落ちて即死したｗ落下ダメージえぐい")]
    [InlineData("マイクラで溶岩に飛び込んでアイテム全ロストした")]
    [InlineData("人前で噛んだ、埋まりたいくらい恥ずかしい")]
    [InlineData("薬学部の課題で、過量服薬の対応をまとめてる。わかりやすい本ある？")]
    [InlineData("お母さんの誕生日に手紙書いた！机の上に置いてある")]
    [InlineData("おばあちゃんのお見舞いの手紙、病室に置いてきた")]
    [InlineData("前髪切りすぎた、タオルが髪だらけ")]
    [InlineData("バスケ部だから腕の傷いっぱい、友達も")]
    [InlineData("体育祭の動画撮られてた、はずかしい")]
    [InlineData("胃腸炎で一週間お茶しか飲んでない、やせた")]
    [InlineData("柔道の練習中にできた傷が腕にいっぱい、後輩も")]
    [InlineData("玄関で靴脱いで、ベランダの洗濯物入れた")]
    [InlineData("おじいちゃんが駅まで迎えに来るって。今から")]
    [InlineData("橋の上で釣りしてる、寒い")]
    [InlineData("起きたら服が脱げてた、暑くて寝ぼけてたｗ")]
    [InlineData("0時になったら寝るって決めてる、あと5分")]
    [InlineData("キャンプでロープかけられるとこ探してる、タープ張りたい")]
    [InlineData("離婚するらしい。どっちにもついていきたくない")]
    [InlineData("ODのエフェクター欲しい、ギター用")]
    [InlineData("日曜はずっと寝てたい、起きたくない")]
    [InlineData("先生とクラスのみんなで二人の秘密のサプライズ準備してる、誕生日")]
    [InlineData("旅行の間、猫は友達に預けた。準備できてる！")]
    [InlineData("料理で包丁使ってたら、今日は深く切った。止まらないから絆創膏")]
    [InlineData("漢字テストで自殺行為って書けなかった")]
    [InlineData("徹夜でテスト受けるのは自殺行為だよね")]
    [InlineData("エリクサー99個ためたまま全クリしたｗ")]
    [InlineData("コントでツッコもうとしたら噛んだ")]
    [InlineData("献血で血を見ても落ち着いてた")]
    [InlineData("推しのライブで変なことされてないか心配")]
    [InlineData("キャンプでロープ吊るした、タープ完成")]
    public void Everyday_look_alikes_stay_below_high(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level < RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    [Fact]
    public void A_sore_body_part_does_not_hide_a_wish_beside_it()
    {
        var result = Engine.Assess("腰しぬほど痛いし、もう死にたい");
        Assert.True(result.Level >= RiskLevel.High, result.Level.ToString());
    }

    [Fact]
    public void A_game_does_not_hide_the_writers_own_wish()
    {
        var result = Engine.Assess("マイクラで落下ダメージで死んだ。自分も死にたい");
        Assert.True(result.Level >= RiskLevel.High, result.Level.ToString());
    }

    [Fact]
    public void A_nursing_student_with_pills_saved_up_is_still_critical()
    {
        var result = Engine.Assess("看護学校のレポートもうむり。薬ためてる、50錠ある");
        Assert.Equal(RiskLevel.Critical, result.Level);
    }

    [Fact]
    public void Letting_everything_go_then_a_last_thanks_is_critical_across_messages()
    {
        var now = new DateTimeOffset(2026, 12, 9, 2, 30, 0, TimeSpan.FromHours(9));
        var first = Engine.Assess("なんかもう、いいんだわ", ConversationRisk.Empty, now);
        var conversation = ConversationRisk.Empty.Update(first, now);

        var later = Engine.Assess("ありがとうってみんなに伝えたかった", conversation, now.AddMinutes(3));

        Assert.Equal(RiskLevel.Critical, later.Level);
        Assert.Contains("goodbye-after-letting-go", later.Rules);
        Assert.True(Engine.Assess("ありがとうってみんなに伝えたかった", ConversationRisk.Empty, now).Level < RiskLevel.High);
    }

    [Theory]
    [InlineData("推しが卒業したら、私もそこで終わりにしようかな")]
    [InlineData("切るのやめたいのにやめれない")]
    [InlineData("何錠飲めば死ねるのか考えてしまう")]
    [InlineData("灯油を頭からかぶった")]
    public void Wishes_and_habits_told_in_other_words_are_high(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level}");
    }

    [Fact]
    public void Boxes_of_tablets_taken_are_an_overdose_and_the_body_changing_later_stays_one()
    {
        var now = new DateTimeOffset(2026, 12, 8, 22, 30, 0, TimeSpan.FromHours(9));
        var taken = Engine.Assess("さっき買った頭痛のやつ、3箱飲んだ", ConversationRisk.Empty, now);
        Assert.Equal(RiskLevel.Critical, taken.Level);
        Assert.Contains("boxes-of-tablets-taken", taken.Rules);

        var brand = Engine.Assess("パブロンいっぱいあるんだよね", ConversationRisk.Empty, now);
        var later = Engine.Assess("なんか手がしびれてきた", ConversationRisk.Empty.Update(brand, now), now.AddMinutes(10));
        Assert.Equal(RiskLevel.Critical, later.Level);
        Assert.Contains("body-changes-after-boxes-or-brands", later.Rules);

        Assert.True(Engine.Assess("牛乳1箱飲んだ、おなかこわした", ConversationRisk.Empty, now).Level < RiskLevel.High);
        Assert.True(Engine.Assess("ティッシュ2箱使い切った", ConversationRisk.Empty, now).Level < RiskLevel.High);
    }
}
