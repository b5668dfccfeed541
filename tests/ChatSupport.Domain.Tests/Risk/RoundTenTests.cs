using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// Round 10 of issue #12: the classes missed in the set written apart for round 10 (tuning10, measured once before it was
/// read) and in apart9 (known text), each tested both ways with words of their own, not those of tuning10, apart9 or a dev
/// set. The ordinary look-alikes are also in everyday.txt.
/// </summary>
public class RoundTenTests
{
    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();

    private static RiskAssessment AssertAtLeast(string text, RiskLevel atLeast)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level >= atLeast, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
        return result;
    }

    private static void AssertRaised(string text, RiskLevel atLeast, string rule)
    {
        var result = AssertAtLeast(text, atLeast);
        Assert.Contains(rule, result.Rules);
    }

    private static void AssertBelowHigh(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level < RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    [Fact]
    public void The_lexicon_uses_more_than_256_cue_classes_or_has_room_for_them()
    {
        Assert.Equal(1024, SituationCues.MaxClasses);
        Assert.InRange(Engine.Lexicon.CueClasses.Count, 256, CueClassMask.Capacity);
    }

    // ---------------------------------------------------------------- quiet wishes (entries, high)
    [Theory]
    [InlineData("もう何もかも疲れた。このまま眠ったままでいられたらいいのに")]
    [InlineData("寝たら一生目が覚めないでほしい")]
    [InlineData("some nights i wanna sleep and never wake up")]
    [InlineData("もう目え覚めんでもかまわんよ")]
    [InlineData("現世からおさらばしたい")]
    [InlineData("もうこの世にいたくない")]
    [InlineData("もう俺なんかいなくてもいいよね")]
    [InlineData("人生の電源切りたい")]
    [InlineData("🪦になりたい…")]
    [InlineData("cant see myself living past 20")]
    [InlineData("生きるのに疲れた")]
    [InlineData("so sick of being alive lately")]
    [InlineData("really wish everything would end soon")]
    [InlineData("no one will notice if i vanish")]
    [InlineData("i'm a burden to everyone")]
    [InlineData("家族のお荷物でしかない")]
    [InlineData("僕が消えても誰も困らないし")]
    [InlineData("明日の自分がいなければいいのに")]
    [InlineData("もう朝が来てほしくない")]
    [InlineData("明日目が覚めなかったらいいな")]
    [InlineData("私なんかおらんでもええやん、もう")]
    [InlineData("死にたすぎてむり")]
    [InlineData("もう死んでもええかなって最近ずっと")]
    [InlineData("しんどい。いなくなる方法ばっかり検索してる")]
    [InlineData("次の特急に飛び込もうかな")]
    [InlineData("4日もごはんもらえてない")]
    public void Quiet_wishes_to_be_gone_are_high(string text) => AssertAtLeast(text, RiskLevel.High);

    [Theory]
    [InlineData("週末は昼まで寝てたい。目覚ましなしで")]
    [InlineData("生きてる意味あるって思えるようになった")]
    [InlineData("先生にお前は班のお荷物って言われてむかつく")]
    [InlineData("帰りしにたい焼き2個買った")]
    [InlineData("セーブ消えたいまからまた最初から")]
    [InlineData("バイトとさよならしたい、店長きつい")]
    [InlineData("テストもう全部終わってほしい、勉強やだ")]
    [InlineData("シミが消える方法を調べてる")]
    [InlineData("次の特急に乗り換えて帰る")]
    [InlineData("3日間ダイエットで何も食べてない、おなかすいた")]
    public void Sleep_a_task_or_a_goodbye_to_a_job_are_not_wishes(string text) => AssertBelowHigh(text);

    [Theory]
    [InlineData("人生詰んだわ。もうさよならしたい", "bye-wish-stuck")]
    [InlineData("生きとる意味あるん？もうわからん", "point-doubted")]
    [InlineData("もう疲れ果てた。終わりにしてもええかな", "worn-out-ending")]
    [InlineData("生きとるのがばりしんどい。もう続けたくない", "life-weary-not-going-on")]
    [InlineData("何もかも止まってほしい", "end-wanted")]
    public void Wishes_built_from_two_cues_are_high(string text, string rule) => AssertRaised(text, RiskLevel.High, rule);

    [Theory]
    [InlineData("部活もう疲れた。今日は終わりにしてもいいかな")]
    [InlineData("もう疲れたー、仕事は終わりにしてもいいよね？残業むり")]
    [InlineData("このゲーム生きてる意味あるキャラ少ない")]
    public void A_club_or_a_game_is_not_a_wish(string text) => AssertBelowHigh(text);

    // ---------------------------------------------------------------- finality
    [Theory]
    [InlineData("いま海に来てる。もう家には帰らない", "water-final")]
    [InlineData("岬に来とる。今までほんまにありがとな", "water-final")]
    [InlineData("今まで本当にお世話になりました。家族によろしく伝えてください", "farewell-with-regards")]
    [InlineData("歩道橋の上。落ちたら一瞬かな", "drop-assessed")]
    [InlineData("親友からマンションの屋上の写真だけ送られてきた", "friend-photo-at-edge")]
    [InlineData("彼女から今までありがとうってきて、電話にも出ない", "farewell-then-unreachable")]
    [InlineData("銀行の暗証番号はノートに書いといた。猫は母にお願いした", "settled-and-left")]
    [InlineData("手紙を書き終わった。あとは勇気だけ", "letter-then-timing")]
    [InlineData("場所は決めてある。日付が変わったら出る", "plan-countdown")]
    [InlineData("満月の夜にするって決めた、それまではいつも通り過ごす", "bare-day-set")]
    [InlineData("konya tobu. sayonara minna", "romaji-jump-goodbye")]
    [InlineData("親友から最後にごめんねってLINE来て、そのあと電話に出ない", "farewell-then-unreachable")]
    public void Finality_in_other_words_is_critical(string text, string rule) => AssertRaised(text, RiskLevel.Critical, rule);

    [Theory]
    [InlineData("夏休みに家族で海に来た！帰りたくないくらい楽しい")]
    [InlineData("湖に来てる、もう家に帰らないと門限やばい")]
    [InlineData("卒業式のあと担任にお世話になりましたと言ったら、みんなによろしく伝えてと頼まれた")]
    [InlineData("橋の上から川見たら深そうで、鯉がいっぱいいた")]
    [InlineData("旅行中の姉から展望台の画像だけ送られてきた、綺麗")]
    [InlineData("LINEしたのに既読つかない、寝てるのかな")]
    [InlineData("引っ越しで猫は祖母にお願いした。新しい家ペット不可なんだ")]
    [InlineData("ラブレター書き終わった！あとは勇気だけ")]
    [InlineData("打ち上げは土曜日にすることに決めた。それまではいつも通り練習")]
    [InlineData("今日で全部おしまい！テスト期間終わった〜")]
    [InlineData("打ち上げの場所は決めてある！日付変わる前に解散ね")]
    [InlineData("暑いからもう窓あけた")]
    public void Trips_ceremonies_and_plans_are_not_finality(string text) => AssertBelowHigh(text);

    // ---------------------------------------------------------------- violence and abuse
    [Theory]
    [InlineData("いまパパがママを殴ってる、こわい", RiskLevel.Critical, "hitting-at-home-now")]
    [InlineData("継父に庭に閉め出された。裸足で寒い", RiskLevel.Critical, "shut-out-exposed")]
    [InlineData("母の彼氏にベランダに出されたまま", RiskLevel.High, "shut-out-by-family")]
    [InlineData("母親の彼氏と二人きりになるのがこわい", RiskLevel.High, "alone-with-family-feared")]
    [InlineData("酔った兄がさっき妹の部屋に入っていった。泣き声がする", RiskLevel.Critical, "night-intrusion")]
    [InlineData("バスで毎日同じおじさんに体押し付けられる", RiskLevel.High, "pressed-repeatedly")]
    [InlineData("アプリで会った男の部屋に泊めてもらってる、宿代の代わりだって", RiskLevel.High, "rent-in-kind-online")]
    public void Violence_and_abuse_by_the_act_are_raised(string text, RiskLevel level, string rule) => AssertRaised(text, level, rule);

    [Theory]
    [InlineData("子どもを叩いてしまいそうで自分がこわい")]
    [InlineData("親に体売ってこいって言われた")]
    [InlineData("監督に毎回ビンタされる")]
    [InlineData("ボコるって上級生に言われてる")]
    public void Harm_told_by_the_act_is_high(string text) => AssertAtLeast(text, RiskLevel.High);

    [Theory]
    [InlineData("ゲームで弟が妹を叩いてるｗ")]
    [InlineData("弟が妹を叩いてる、止めれない。ママ仕事")]
    [InlineData("犬を庭に出したら雪で大はしゃぎ")]
    [InlineData("好きな人と二人きりになるの怖いくらい緊張する")]
    [InlineData("父さんが寝室に入ってきて掃除機の音がする")]
    [InlineData("満員電車で体押し付けられて最悪")]
    [InlineData("シェアハウスは掃除当番が家賃がわりみたいなもん")]
    public void Games_pets_crushes_chores_and_crowds_are_not_violence(string text) => AssertBelowHigh(text);

    // ---------------------------------------------------------------- self-harm without 切る
    [Theory]
    [InlineData("剃刀で手首やっちゃった", "blade-body-done")]
    [InlineData("クラスの子が切った腕の画像を見せてくる", "friend-cut-shown")]
    [InlineData("リストバンドの下、また増えた", "marks-under-cover")]
    [InlineData("腕の傷、バレないように夏でも長袖", "wound-hidden")]
    [InlineData("太ももに傷つけるの、もう癖になってる", "hurt-as-habit")]
    public void Self_harm_told_without_the_cut_verb_is_high(string text, string rule) => AssertRaised(text, RiskLevel.High, rule);

    [Theory]
    [InlineData("むかつくと自分の顔を叩いちゃう")]
    [InlineData("自分の手を思いっきり噛んでしまう")]
    [InlineData("髪を引きちぎるのが止まらない")]
    [InlineData("腕にまた線が増えた")]
    public void Hitting_biting_or_pulling_at_oneself_is_high(string text) => AssertAtLeast(text, RiskLevel.High);

    [Theory]
    [InlineData("カッターで工作やってる")]
    [InlineData("友達が切った前髪の写真送ってきたｗかわいい")]
    [InlineData("ライブのリストバンドまた増えた、コレクション")]
    [InlineData("猫にひっかかれた腕の傷、見られたら恥ずかしい")]
    [InlineData("白髪抜くのが癖になってる")]
    [InlineData("友達を傷つけたかもしれない、言いすぎた")]
    public void Crafts_haircuts_souvenirs_and_pets_are_not_self_harm(string text) => AssertBelowHigh(text);

    // ---------------------------------------------------------------- overdose and housing
    [Theory]
    [InlineData("薬飲んでしもた。何錠飲んだか覚えてない")]
    [InlineData("💊💊💊💊🍷")]
    [InlineData("swallowed every antidepressant i had")]
    public void Pills_taken_in_other_words_are_critical(string text) => AssertAtLeast(text, RiskLevel.Critical);

    [Theory]
    [InlineData("家に帰れない事情があって、今夜は公園にいる")]
    [InlineData("家を飛び出した。今夜はどこに泊まればいいか")]
    [InlineData("もう家にかえれない。公園のすべり台の下にいる、寒い")]
    public void No_safe_place_tonight_is_high(string text) => AssertAtLeast(text, RiskLevel.High);

    [Theory]
    [InlineData("終電なくなったから駅前のネカフェで朝まで")]
    [InlineData("テスト勉強で致死量って単語出てきた")]
    [InlineData("保健の授業で市販薬の飲みすぎのこと習った")]
    [InlineData("ホラー映画で殴られる場面が夢に出た")]
    [InlineData("知らなかった、そんなことあるんだ")]
    [InlineData("服がなかったから姉に借りた")]
    public void A_missed_train_a_lesson_a_dream_and_なかった_are_not_danger(string text) => AssertBelowHigh(text);
}
