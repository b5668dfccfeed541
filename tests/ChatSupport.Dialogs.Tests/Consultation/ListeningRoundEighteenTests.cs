using ChatSupport.BotKit.Activities;
using ChatSupport.Dialogs.Consultation;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Risk;
using Moq;

namespace ChatSupport.Dialogs.Tests.Consultation;

/// <summary>
/// Round 18 (docs/consultation.md, "Round 18"): questions about a service by name answered inside a crisis episode, the
/// police by text answered honestly, words of dying inside another harm asked about directly, a happy goodbye heard as
/// one, and adults not given children's wording. In sentences of our own, not the persona sets'.
/// </summary>
public sealed class ListeningRoundEighteenTests
{
    private static string AllText(IEnumerable<Activity> replies) => string.Join("\n", replies.Select(r => r.Text));

    private static string AllCardTitles(IEnumerable<Activity> replies) =>
        string.Join("\n", replies.SelectMany(ConsultationHarness.Cards).Select(c => c.Title));

    private static async Task<ConsultationHarness> AfterSextortionAsync()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var crisis = AllText(await harness.SayAsync("ネットで知り合った人に裸の写真送ったら、もっと送らないとばらまくって言われた"));
        Assert.Contains("お金は払わないでください", crisis, StringComparison.Ordinal);
        return harness;
    }

    [Fact]
    public async Task A_question_about_a_named_service_inside_an_episode_is_answered_about_that_service()
    {
        var harness = await AfterSextortionAsync();

        var replies = await harness.SayAsync("#8103って中学生でもかけていいの？");

        Assert.True(AllCardTitles(replies).Contains("#8103", StringComparison.Ordinal), AllText(replies));
    }

    [Fact]
    public async Task A_question_about_a_named_service_while_asking_for_a_person_names_that_service_too()
    {
        var harness = await new ConsultationHarness(now: new DateTimeOffset(2026, 12, 9, 23, 30, 0, TimeSpan.FromHours(9))).JoinAsync();

        var replies = await harness.SayAsync("だれかと話したい。よりそいホットラインって今かかる？");

        Assert.Contains("よりそいホットライン", AllCardTitles(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_whether_110_takes_an_email_during_partner_violence_is_answered_honestly()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("夫がまた暴れてて、いまお風呂場に隠れてる");

        var answer = AllText(await harness.SayAsync("110ってメールで送れる？"));

        Assert.Contains("前もって登録が必要", answer, StringComparison.Ordinal);
        Assert.Contains("電話で110番", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Words_of_dying_inside_a_sextortion_episode_are_asked_about_directly()
    {
        var harness = await AfterSextortionAsync();

        var answer = AllText(await harness.SayAsync("あんな写真ばらまかれたら、もう死ぬしかない"));

        Assert.Contains("死にたいと思う気持ちはありますか", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("さっきの番号は", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_yes_to_the_direct_question_inside_an_episode_is_heard_and_flagged_to_the_counselors()
    {
        var handoff = new Mock<IHandoffRequests>();
        handoff.Setup(h => h.RequestAsync(It.IsAny<HandoffRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new HandoffRequestResult(true, false, 1, CounselorsAvailableNow: false));
        var harness = await new ConsultationHarness(handoff.Object).JoinAsync();
        await harness.SayAsync("ネットで知り合った人に裸の写真送ったら、もっと送らないとばらまくって言われた");
        await harness.SayAsync("あんな写真ばらまかれたら、もう死ぬしかない");

        var answer = AllText(await harness.SayAsync("少しある"));

        Assert.Contains("答えてくれて、ありがとう", answer, StringComparison.Ordinal);
        Assert.Contains("早めに読めるように", answer, StringComparison.Ordinal);
        handoff.Verify(h => h.RequestAsync(
            It.Is<HandoffRequest>(r => r.MatchedTerms.Contains(HumanRequests.DyingAnswerTerm) && r.Priority >= RiskLevel.High && r.Categories.Contains(SupportCategory.Suicidal)),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_no_to_the_direct_question_is_not_flagged()
    {
        var handoff = new Mock<IHandoffRequests>();
        handoff.Setup(h => h.RequestAsync(It.IsAny<HandoffRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new HandoffRequestResult(true, false, 1, CounselorsAvailableNow: true));
        var harness = await new ConsultationHarness(handoff.Object).JoinAsync();
        var asked = AllText(await harness.SayAsync("どうせ私がいなくても誰も困らないし"));
        Assert.Contains("死にたいと思う気持ちはありますか", asked, StringComparison.Ordinal);

        var answer = AllText(await harness.SayAsync("ない"));

        Assert.Contains("答えてくれて、ありがとう", answer, StringComparison.Ordinal);
        handoff.Verify(h => h.RequestAsync(It.Is<HandoffRequest>(r => r.MatchedTerms.Contains(HumanRequests.DyingAnswerTerm)), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_yes_on_the_usual_path_with_counselors_on_duty_says_they_were_told()
    {
        var handoff = new Mock<IHandoffRequests>();
        handoff.Setup(h => h.RequestAsync(It.IsAny<HandoffRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new HandoffRequestResult(true, false, 1, CounselorsAvailableNow: true));
        var harness = await new ConsultationHarness(handoff.Object).JoinAsync();
        await harness.SayAsync("どうせ私がいなくても誰も困らないし");

        var answer = AllText(await harness.SayAsync("ある"));

        Assert.Contains("相談員（人）にも、このことを知らせました", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hiding_from_a_partner_named_earlier_gets_the_adults_wording_and_the_partner_violence_line()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("彼氏が飲んで帰ってきてから、ずっと機嫌わるい");

        var replies = await harness.SayAsync("いまトイレに鍵かけてこもってる。ドアたたかれてる");
        var text = AllText(replies);

        Assert.Contains("110番に電話してください", text, StringComparison.Ordinal);
        Assert.DoesNotContain("子どもなら", text, StringComparison.Ordinal);
        Assert.DoesNotContain("18歳未満なら", text, StringComparison.Ordinal);
        var cards = AllCardTitles(replies);
        Assert.Contains("DV相談", cards, StringComparison.Ordinal);
        Assert.DoesNotContain("189", cards, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hiding_from_someone_at_home_with_no_partner_named_and_no_age_keeps_the_child_lines()
    {
        var harness = await new ConsultationHarness().JoinAsync();

        var text = AllText(await harness.SayAsync("いまトイレに鍵かけてこもってる。ドアたたかれてる"));

        Assert.Contains("18歳未満なら", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_ways_at_midnight_show_what_is_open_now_first()
    {
        var harness = await new ConsultationHarness(now: new DateTimeOffset(2026, 12, 9, 23, 50, 0, TimeSpan.FromHours(9))).JoinAsync();

        var replies = await harness.SayAsync("声出せないから文字で話したい");

        var list = replies.First(r => r.Text?.Contains("いま受付中のところを先に", StringComparison.Ordinal) == true);
        var first = list.Text!.Split('\n')[1];
        Assert.Contains("いま受付中", first, StringComparison.Ordinal);
    }

    private static async Task<ConsultationHarness> HidingFromAPartnerAsync()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("彼氏が飲んで帰ってきてから、ずっと機嫌わるい");
        await harness.SayAsync("いまトイレに鍵かけてこもってる。ドアたたかれてる");
        return harness;
    }

    [Fact]
    public async Task A_call_to_the_police_that_made_things_worse_is_heard_and_the_partner_violence_line_named()
    {
        var harness = await HidingFromAPartnerAsync();

        var answer = AllText(await harness.SayAsync("まえに警察よんだら、あとで余計ひどくなった"));

        Assert.Contains("こわいと思うのは、当然です", answer, StringComparison.Ordinal);
        Assert.Contains("0120-279-889", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("189", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wound_that_got_worse_is_not_read_as_a_call_that_made_things_worse()
    {
        var harness = await HidingFromAPartnerAsync();

        var answer = AllText(await harness.SayAsync("殴られたとこ、余計ひどくなってきた"));

        Assert.DoesNotContain("前に通報して", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_the_hours_of_the_partner_violence_line_by_name_gets_its_status_not_the_child_line()
    {
        var harness = await HidingFromAPartnerAsync();

        var replies = await harness.SayAsync("あしたの朝、実家に帰る。DV相談＋って何時から？");

        Assert.Contains("DV相談", AllCardTitles(replies), StringComparison.Ordinal);
        Assert.DoesNotContain("189", AllText(replies) + AllCardTitles(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_carer_who_thinks_of_going_together_hears_about_the_family_member_too()
    {
        var harness = await new ConsultationHarness().JoinAsync();

        var answer = AllText(await harness.SayAsync("介護もう限界。じいちゃんと一緒に死ねたら楽なのにって思う"));

        Assert.Contains("家族を傷つけてしまいそうになったら", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pact_with_a_close_friend_is_not_answered_as_a_carer_s_thought()
    {
        var harness = await new ConsultationHarness().JoinAsync();

        var answer = AllText(await harness.SayAsync("親友と一緒に死のうって約束した"));

        Assert.DoesNotContain("家族を傷つけてしまいそうになったら", answer, StringComparison.Ordinal);
        Assert.Contains("119", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_of_unknown_age_is_not_left_with_a_children_s_line_alone()
    {
        var harness = await new ConsultationHarness(now: new DateTimeOffset(2026, 12, 10, 2, 40, 0, TimeSpan.FromHours(9))).JoinAsync();

        var replies = await harness.SayAsync("おばあちゃんの介護してて、夜中も起こされるし家のことでずっとしんどい");
        replies.AddRange(await harness.SayAsync("どこか相談できるとこある？"));
        var cards = AllCardTitles(replies);

        Assert.True(cards.Contains("よりそいホットライン", StringComparison.Ordinal) || cards.Contains("あなたのいばしょ", StringComparison.Ordinal), AllText(replies) + "|" + cards);
    }

    [Fact]
    public async Task Asking_for_a_place_to_talk_to_a_person_is_not_told_that_anything_may_be_written_here()
    {
        var harness = await new ConsultationHarness(now: new DateTimeOffset(2026, 12, 10, 2, 40, 0, TimeSpan.FromHours(9))).JoinAsync();

        var replies = await harness.SayAsync("だれか人間と話せるとこある？ 電話でもいいから");

        Assert.DoesNotContain("どんなことでも、ここに書いて大丈夫です", AllText(replies), StringComparison.Ordinal);
        Assert.NotEmpty(AllCardTitles(replies));
    }

    private static async Task<(ConsultationHarness Harness, string Answer)> FriendTakenAsync()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var answer = AllText(await harness.SayAsync("友達が酔わされて、知らないおじさんの車に乗せられた"));
        return (harness, answer);
    }

    [Fact]
    public async Task A_friend_put_into_a_stranger_s_car_gets_110_now_with_the_car_and_the_place()
    {
        var (_, answer) = await FriendTakenAsync();

        Assert.Contains("いますぐ110番に電話してください。友だちがいる場所、車の色やナンバー", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task May_I_call_110_for_a_friend_is_answered_with_the_police_step_not_the_119_script()
    {
        var (harness, _) = await FriendTakenAsync();

        var answer = AllText(await harness.SayAsync("110していいの？先輩に怒られそう"));

        Assert.Contains("友だちの安全が、いちばん大事です", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("「返事がない」", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Having_called_the_police_for_a_friend_is_thanked_and_not_met_with_a_bare_acknowledgement()
    {
        var (harness, _) = await FriendTakenAsync();

        var answer = AllText(await harness.SayAsync("いまかけた。車のナンバー伝えた"));

        Assert.Contains("よく電話できましたね", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Something_done_after_a_sleepless_night_is_asked_about_gently()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("ねむれん。ずっと頭の中ぐるぐるしてる");

        var answer = AllText(await harness.SayAsync("…またやってしもた"));

        Assert.Contains("もし自分を傷つけてしまったのなら、責めたりしません", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Something_done_in_a_light_chat_is_not_asked_about_a_wound()
    {
        var harness = await new ConsultationHarness().JoinAsync();

        var answer = AllText(await harness.SayAsync("またやっちゃった"));

        Assert.DoesNotContain("けがはしていませんか", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deep_cut_that_keeps_bleeding_gets_119_and_pressure_at_once_not_a_question_about_a_wound()
    {
        var harness = await new ConsultationHarness().JoinAsync();

        var answer = AllText(await harness.SayAsync("腕きった。いつもより深くて、赤いのとまらん"));

        Assert.Contains("強くおさえ続けてください", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("手当てが必要な傷はありますか", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_who_called_119_is_heard_as_help_called()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("腕きった。いつもより深くて、赤いのとまらん");

        var answer = AllText(await harness.SayAsync("おかん起こした。119してくれた"));

        Assert.Contains("助けが来るまで", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("ちゃんと読みました", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_out_by_a_parent_at_night_hears_about_tonight_not_the_rent_benefit()
    {
        var harness = await new ConsultationHarness(now: new DateTimeOffset(2026, 12, 10, 3, 10, 0, TimeSpan.FromHours(9))).JoinAsync();
        await harness.SayAsync("20歳です。寒い");

        var answer = AllText(await harness.SayAsync("親戚の前で付き合ってる人のこと言ったら、おやじに出てけって言われた"));

        Assert.Contains("今夜あたたかく安全にいられることがいちばん大事です", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("住居確保給付金", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Getting_indoors_after_being_put_out_is_met_with_relief()
    {
        var harness = await new ConsultationHarness(now: new DateTimeOffset(2026, 12, 10, 3, 10, 0, TimeSpan.FromHours(9))).JoinAsync();
        await harness.SayAsync("20歳です。寒い");
        await harness.SayAsync("親戚の前で付き合ってる人のこと言ったら、おやじに出てけって言われた");

        var answer = AllText(await harness.SayAsync("コンビニ入った。あったかい"));

        Assert.Contains("あたたかい場所に入れて、よかったです", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("家賃", answer, StringComparison.Ordinal);
    }

    private static async Task<ConsultationHarness> AfterWordsOfDisappearingAsync()
    {
        var harness = await new ConsultationHarness(now: new DateTimeOffset(2026, 12, 10, 23, 40, 0, TimeSpan.FromHours(9))).JoinAsync();
        var crisis = AllText(await harness.SayAsync("もう消えたい。それはずっとある"));
        Assert.Contains("119", crisis, StringComparison.Ordinal);
        return harness;
    }

    [Fact]
    public async Task Not_liking_the_phone_after_words_of_disappearing_gets_the_text_services_open_now()
    {
        var harness = await AfterWordsOfDisappearingAsync();

        var replies = await harness.SayAsync("電話は苦手。チャットはないと？");

        Assert.Contains("文字で話せるところがあります", AllText(replies), StringComparison.Ordinal);
        Assert.Contains("あなたのいばしょ", AllCardTitles(replies), StringComparison.Ordinal);
        Assert.DoesNotContain("110番アプリ", AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_whether_a_named_line_is_open_inside_an_episode_gets_its_status()
    {
        var harness = await AfterWordsOfDisappearingAsync();

        var replies = await harness.SayAsync("よりそいホットラインってこの時間でもかかる？電話こわいけど");

        Assert.Contains("よりそいホットライン", AllCardTitles(replies), StringComparison.Ordinal);
        Assert.DoesNotContain("110番アプリ", AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Going_to_try_a_named_line_is_encouraged_not_answered_as_a_last_goodbye()
    {
        var harness = await AfterWordsOfDisappearingAsync();

        var answer = AllText(await harness.SayAsync("チャットやってみる。ありがと"));

        Assert.Contains("やってみてください", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("これで終わりにしないでください", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bed_for_tonight_found_is_met_with_gladness_not_the_last_goodbye_reply()
    {
        var harness = await AfterWordsOfDisappearingAsync();

        var answer = AllText(await harness.SayAsync("いとこが泊めてくれるって。ありがと、もう行くね"));

        Assert.Contains("気をつけて行ってください", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("これで終わりにしないでください", answer, StringComparison.Ordinal);
    }

    private static async Task<(ConsultationHarness Harness, string Answer)> FriendsGoodbyePostAsync()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("クラスの子のことで相談したい");
        var answer = AllText(await harness.SayAsync("LINEのひとことに「みんなありがとう、さよなら」って書いてて、電話しても出ない"));
        return (harness, answer);
    }

    [Fact]
    public async Task A_friend_s_goodbye_told_after_saying_it_is_about_a_friend_is_answered_to_the_helper()
    {
        var (_, answer) = await FriendsGoodbyePostAsync();

        Assert.Contains("友だち", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("これで終わりにしないでください", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_what_to_say_to_the_police_for_a_friend_is_answered()
    {
        var (harness, _) = await FriendsGoodbyePostAsync();

        var answer = AllText(await harness.SayAsync("わかった、110する。なんて言えばいい？"));

        Assert.Contains("友だちが危ないかもしれない", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_whether_110_takes_mail_while_unable_to_speak_is_answered_before_the_emergency_ways()
    {
        var (harness, _) = await FriendsGoodbyePostAsync();

        var answer = AllText(await harness.SayAsync("110って電話じゃなくてメールで送れる？声ふるえて話せる気がしない"));

        Assert.Contains("前もって登録が必要", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wondering_whether_the_friend_is_all_right_after_the_police_went_is_not_told_they_were_reached()
    {
        var (harness, _) = await FriendsGoodbyePostAsync();
        await harness.SayAsync("かけた。警察の人が向かってくれるって");

        var answer = AllText(await harness.SayAsync("あの子、大丈夫かな…"));

        Assert.DoesNotContain("連絡がとれて、よかったです", answer, StringComparison.Ordinal);
        Assert.Contains("できることをちゃんとしました", answer, StringComparison.Ordinal);
    }

    private static async Task<ConsultationHarness> AfterADarkJobAsync()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("インスタで「書類運ぶだけで日給5万」ってバイト見つけて、シグナルってアプリに誘われた");
        return harness;
    }

    [Fact]
    public async Task Details_already_sent_to_a_criminal_job_are_answered_with_a_way_out()
    {
        var harness = await AfterADarkJobAsync();

        var answer = AllText(await harness.SayAsync("免許証の写真と住所、もう送っちゃった"));

        Assert.Contains("いまから抜けられます", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Is_this_dangerous_after_a_criminal_job_is_answered_plainly()
    {
        var harness = await AfterADarkJobAsync();

        var answer = AllText(await harness.SayAsync("これってやばいやつ？まだ何もしてないけど"));

        Assert.Contains("危ないものだと思います", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("くわしく答えられません", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Where_to_turn_after_a_criminal_job_is_the_police_line_not_the_rent_office()
    {
        var harness = await AfterADarkJobAsync();

        var replies = await harness.SayAsync("どこに相談すればいい？");

        Assert.Contains("#9110", AllCardTitles(replies), StringComparison.Ordinal);
        Assert.DoesNotContain("住居確保給付金", AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_threat_to_come_home_after_a_criminal_job_gets_the_criminal_job_reply()
    {
        var harness = await AfterADarkJobAsync();

        var answer = AllText(await harness.SayAsync("「逃げたら家に行く」ってきた"));

        Assert.Contains("110", answer, StringComparison.Ordinal);
        Assert.Contains("家族", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_gone_for_days_is_answered_as_neglect_not_as_being_hit()
    {
        var harness = await new ConsultationHarness().JoinAsync();

        var answer = AllText(await harness.SayAsync("ママが3日帰ってきてない。弟と二人"));

        Assert.Contains("何日も帰ってこないのは、あなたのせいではありません", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("たたかれたり", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whether_a_public_phone_costs_money_is_answered_with_189_for_a_child_left_alone()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("ママが3日帰ってきてない。弟と二人");

        var answer = AllText(await harness.SayAsync("公衆電話なら駅にある。お金かかる？"));

        Assert.Contains("189（児童相談所）は、通話料が無料です", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("くわしく答えられません", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task May_I_come_back_after_asking_about_a_named_line_does_not_repeat_that_line_s_card()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("チャイルドラインって何時から？");

        var replies = await harness.SayAsync("ちょっと考えてみる。また来てもいい？");

        Assert.DoesNotContain("チャイルドライン", AllCardTitles(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pills_counted_but_not_swallowed_are_to_be_put_away_not_reported_as_taken()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("もう疲れた");

        var answer = AllText(await harness.SayAsync("まだ飲んでない。40錠くらいある"));

        Assert.Contains("まだしていないと教えてくれて", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("飲んだ薬と、いる場所を伝えて", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pills_put_back_on_the_shelf_are_thanked_as_a_step()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("もう疲れた");
        await harness.SayAsync("まだ飲んでない。40錠くらいある");

        var answer = AllText(await harness.SayAsync("わかった。薬は棚に戻した"));

        Assert.Contains("あなたを守る大事な一歩", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task May_I_go_into_a_convenience_store_while_locked_out_is_a_plain_yes()
    {
        var harness = await new ConsultationHarness(now: new DateTimeOffset(2026, 12, 10, 23, 10, 0, TimeSpan.FromHours(9))).JoinAsync();
        await harness.SayAsync("中1。親に家から締め出された。外さむい");

        var answer = AllText(await harness.SayAsync("ファミレス入ってもいい？"));

        Assert.Contains("行っていいです。明るくて人のいる場所にいてください", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("くわしく答えられません", answer, StringComparison.Ordinal);
    }
}
