using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Domain.Tests.Understanding;

/// <summary>
/// Round 7 classes (Patterns/round7.yaml), tested both ways with words other than the sets that showed them missing.
/// </summary>
public class UnderstandingRoundSevenTests
{
    private static readonly UnderstandingEngine Engine = UnderstandingEngine.CreateDefault();

    [Theory]
    [InlineData("部活終わってからでも間に合いますか")]
    [InlineData("朝の4時とかでも返事くる？")]
    [InlineData("今から書いたら何分くらい待つ？")]
    [InlineData("お盆ってお休みですか")]
    [InlineData("祝日は？")]
    [InlineData("what time do you open tomorrow")]
    public void Hours_asked_in_other_words_are_read(string text) =>
        Assert.Contains(Intent.AskHours, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("課題が締め切りに間に合わなかった")]
    [InlineData("土日はね、ずっと家にいる")]
    [InlineData("あの時も相談したけどだめだった")]
    public void A_time_in_a_story_is_not_a_question_about_hours(string text) =>
        Assert.DoesNotContain(Intent.AskHours, Engine.Understand(text).Intents);

    [Fact]
    public void Good_night_is_still_a_goodbye_but_a_day_off_question_is_not()
    {
        Assert.Contains(Intent.Farewell, Engine.Understand("おやすみ").Intents);
        var holiday = Engine.Understand("正月ってお休み？");
        Assert.Contains(Intent.AskHours, holiday.Intents);
        Assert.DoesNotContain(Intent.Farewell, holiday.Intents);
    }

    [Theory]
    [InlineData("返信すごい速いけど、ロボットなん？")]
    [InlineData("これチャットボット？")]
    [InlineData("人間のカウンセラーさんですか")]
    [InlineData("are you a bot")]
    [InlineData("いま起きてる人いますか")]
    public void Asking_if_it_is_a_machine_is_ask_is_bot(string text) =>
        Assert.Contains(Intent.AskIsBot, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("ロボットじゃなくて人に聞いてほしい")]
    [InlineData("ningen to hanashitai")]
    public void A_person_instead_of_a_machine_is_ask_person_not_a_bot_question(string text)
    {
        var understanding = Engine.Understand(text);
        Assert.Contains(Intent.AskPerson, understanding.Intents);
        Assert.DoesNotContain(Intent.AskIsBot, understanding.Intents);
    }

    [Theory]
    [InlineData("職場には連絡いかないですよね")]
    [InlineData("ここで書いたこと大学にバレる？")]
    public void Whether_school_or_work_is_told_has_its_own_cue(string text) =>
        Assert.Contains(Engine.Understand(text).Cues, c => c.Id == "privacy-told");

    [Theory]
    [InlineData("トークの履歴って消せますか")]
    [InlineData("通知って残る？")]
    public void Whether_history_stays_has_its_own_cue(string text) =>
        Assert.Contains(Engine.Understand(text).Cues, c => c.Id == "privacy-history");

    [Theory]
    [InlineData("聞いてもらうだけでもいいですか")]
    [InlineData("いとこのことでもいいですか")]
    [InlineData("can i talk about my sister here")]
    public void Whether_a_matter_is_ok_here_is_ask_can_consult(string text) =>
        Assert.Contains(Intent.AskCanConsult, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("番号もらっても、かける勇気がない")]
    [InlineData("スマホ代払えなくて止められてる")]
    [InlineData("妹が横で寝てるから喋れない")]
    [InlineData("電話したらバレるかもしれん")]
    public void Reasons_not_to_phone_are_cannot_call(string text) =>
        Assert.Contains(Intent.CannotCall, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("付き合ってる人にスマホ投げつけられた", SupportCategory.Dv)]
    [InlineData("お父さんがお母さんを叩くのを見ちゃう", SupportCategory.Dv)]
    [InlineData("ガス止まってて、お風呂入れない", SupportCategory.Poverty)]
    [InlineData("漫喫に泊まって3日目", SupportCategory.Poverty)]
    [InlineData("インスタで知らない人に写真を要求されてる", SupportCategory.SexualViolence)]
    [InlineData("自分の写真が勝手にアイコンに使われてる", SupportCategory.OnlineHarm)]
    [InlineData("朝どうしても起き上がれない日が続いてる", SupportCategory.Health)]
    public void Topics_told_without_their_usual_word_are_read(string text, SupportCategory expected) =>
        Assert.Contains(expected, Engine.Understand(text).Categories);

    [Theory]
    [InlineData("旦那が優しくて幸せ")]
    [InlineData("友達に送った写真かわいいって言われた")]
    [InlineData("お金があったら何か買いたい")]
    public void Everyday_lines_do_not_get_those_topics(string text)
    {
        var categories = Engine.Understand(text).Categories;
        Assert.DoesNotContain(SupportCategory.Dv, categories);
        Assert.DoesNotContain(SupportCategory.SexualViolence, categories);
    }

    [Theory]
    [InlineData("大学でサークル入ったけど浮いてる")]
    [InlineData("上京してから誰とも話してない")]
    public void Being_at_university_says_18_to_29(string text) =>
        Assert.Equal(AgeBand.YoungAdult, Engine.Understand(text).AgeBand);

    [Fact]
    public void Wanting_to_go_to_university_says_no_age() =>
        Assert.Null(Engine.Understand("大学に行きたいけど親に反対されてる").AgeBand);

    [Theory]
    [InlineData("ゲームの友達が、自分は20歳って言ってる")]
    [InlineData("兄が19歳で、家にいない")]
    [InlineData("DMしてくる人、22歳らしい")]
    public void Someone_elses_age_is_not_the_writers(string text) =>
        Assert.Null(Engine.Understand(text).AgeBand);

    [Theory]
    [InlineData("19歳です。ゲームで知り合った人のことで")]
    [InlineData("17歳、東京")]
    public void The_writers_own_age_still_counts(string text) =>
        Assert.NotNull(Engine.Understand(text).AgeBand);

    [Theory]
    [InlineData("死にたいとかじゃないけど、毎日だるい")]
    [InlineData("べつに死にたいとかちゃうねん、暇なだけ")]
    public void A_wish_to_die_denied_in_the_same_breath_is_not_the_topic(string text)
    {
        var understanding = Engine.Understand(text);
        Assert.DoesNotContain(SupportCategory.Suicidal, understanding.Categories);
        Assert.True(Engine.Read(text).Risk.Level <= RiskLevel.Low);
    }

    [Fact]
    public void A_wish_to_die_said_plainly_is_still_the_topic() =>
        Assert.Contains(SupportCategory.Suicidal, Engine.Understand("もう死にたい").Categories);

    [Theory]
    [InlineData("ここに書いたものって消せる？")]
    [InlineData("書いた内容は残るん？")]
    public void Whether_what_was_written_stays_is_a_privacy_question(string text) =>
        Assert.Contains(Engine.Understand(text).Cues, c => c.Id == "privacy-history");

    [Theory]
    [InlineData("でんわのかけかたがわからない")]
    [InlineData("電話どうやるかわかんない")]
    public void Not_knowing_how_to_phone_is_cannot_call(string text) =>
        Assert.Contains(Intent.CannotCall, Engine.Understand(text).Intents);

    [Fact]
    public void A_phone_checked_by_someone_told_as_a_reason_is_not_a_privacy_question() =>
        Assert.DoesNotContain(Intent.AskPrivacy, Engine.Understand("LINEは無理、スマホ見られるから").Intents);

    [Fact]
    public void Asking_whether_a_person_reads_it_politely_is_ask_is_bot() =>
        Assert.Contains(Intent.AskIsBot, Engine.Understand("ここって人間が読んでますか").Intents);

    [Theory]
    [InlineData("突き飛ばされて、この前は壁に頭ぶつけた")]
    [InlineData("滑って机に頭ぶつけた")]
    public void A_head_that_hit_a_wall_once_is_not_self_harm(string text) =>
        Assert.DoesNotContain(SupportCategory.SelfHarm, Engine.Understand(text).Categories);

    [Theory]
    [InlineData("イライラすると壁に頭ぶつけちゃう")]
    [InlineData("頭を机に打ちつけてしまう")]
    public void Hitting_ones_head_as_a_habit_is_still_self_harm(string text) =>
        Assert.Contains(SupportCategory.SelfHarm, Engine.Understand(text).Categories);
}
