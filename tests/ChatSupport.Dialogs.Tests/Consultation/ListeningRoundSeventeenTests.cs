using ChatSupport.BotKit.Activities;

namespace ChatSupport.Dialogs.Tests.Consultation;

/// <summary>
/// After the crisis reply (docs/consultation.md, "Round 17"): what the person writes next is read as said — pills at
/// hand, not taken, moved away; going to bed; "it doesn't matter anyway"; home again; a child asleep during partner
/// violence; a friend's house known — and not answered with "call 119 now" once more. Also questions that a topic
/// prompt or a worry line used to swallow. In sentences of our own, not the persona sets'.
/// </summary>
public sealed class ListeningRoundSeventeenTests
{
    private static string AllText(IEnumerable<Activity> replies) => string.Join("\n", replies.Select(r => r.Text));

    private static async Task<ConsultationHarness> AfterWordsOfDisappearingAsync()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var crisis = AllText(await harness.SayAsync("もう消えたい。ずっと前から"));
        Assert.Contains("119", crisis, StringComparison.Ordinal);
        return harness;
    }

    [Fact]
    public async Task Pills_saved_up_and_at_hand_are_to_be_moved_away_not_reported_as_taken()
    {
        var harness = await AfterWordsOfDisappearingAsync();

        var answer = AllText(await harness.SayAsync("病院でもらった薬、飲まずにためてきた。いま枕元にある"));

        Assert.Contains("自分から離せますか", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("飲んだ薬と、いる場所を伝えて", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_taken_yet_is_heard_with_relief_and_the_one_step_not_call_now_again()
    {
        var harness = await AfterWordsOfDisappearingAsync();
        await harness.SayAsync("病院でもらった薬、飲まずにためてきた。いま枕元にある");

        var answer = AllText(await harness.SayAsync("まだ一錠も飲んでない"));

        Assert.Contains("まだしていないと教えてくれて", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("いますぐ119", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Putting_the_pills_away_is_thanked_as_the_step_it_is()
    {
        var harness = await AfterWordsOfDisappearingAsync();
        await harness.SayAsync("病院でもらった薬、飲まずにためてきた。いま枕元にある");

        var answer = AllText(await harness.SayAsync("わかった。袋にまとめて台所の棚に置いてくる"));

        Assert.Contains("あなたを守る大事な一歩", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("いますぐ119", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Going_to_bed_after_thoughts_at_a_platform_gets_a_good_night_not_the_overdose_warning()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("駅のホームで、このまま落ちたら楽かなって思った");

        var answer = AllText(await harness.SayAsync("もう寝る"));

        Assert.Contains("おやすみなさい", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("眠らないでください", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Going_to_bed_after_pills_swallowed_is_still_told_not_to_sleep()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("さっき薬20錠くらい飲んだ");

        var answer = AllText(await harness.SayAsync("もう寝る"));

        Assert.Contains("眠らないでください", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("おやすみなさい", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hedged_no_to_wanting_to_die_is_heard_as_said()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("駅のホームで、このまま落ちたら楽かなって思った");

        var answer = AllText(await harness.SayAsync("死にたいってわけじゃない、たぶん"));

        Assert.Contains("いま何かをするつもりはない", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("いますぐ119", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_doesnt_matter_anyway_is_answered_as_read_not_with_call_now()
    {
        var harness = await AfterWordsOfDisappearingAsync();

        var answer = AllText(await harness.SayAsync("どうせ誰も気にしないし"));

        Assert.Contains("ちゃんと読んでいます", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("いますぐ119", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_again_after_a_platform_is_away_from_the_danger()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("駅のホームで、このまま落ちたら楽かなって思った");

        var answer = AllText(await harness.SayAsync("いまは家にいる"));

        Assert.Contains("家にいるんですね", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("いますぐ119", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_is_not_safe_when_the_violence_is_at_home()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("中1。お父さんに毎日たたかれる。きのうもあざできた");

        var answer = AllText(await harness.SayAsync("いまは家にいる"));

        Assert.DoesNotContain("家にいるんですね", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Danger_at_the_door_during_partner_violence_stays_partner_violence_not_the_words_of_dying_reply()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("旦那に首しめられた。いま隣の部屋にいる");

        var answer = AllText(await harness.SayAsync("いま トイレ。ドア叩きよる"));

        Assert.Contains("110", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("あなたの命が大切です", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("もう飲んだ・した", string.Join("\n", (await harness.SayAsync("こわい")).SelectMany(r => r.SuggestedActions?.Actions ?? []).Select(a => a.Title)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_asleep_during_partner_violence_is_protected_by_the_same_call()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("旦那に首しめられた。いま隣の部屋にいる");

        var answer = AllText(await harness.SayAsync("子どもは隣の部屋で寝てる"));

        Assert.Contains("お子さんのことも", answer, StringComparison.Ordinal);
        Assert.Contains("110", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Knowing_where_an_unreachable_friend_lives_means_an_adult_goes_not_the_child_alone()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("同じクラスの子から「今までありがとう」ってきて、それから既読つかない");

        var answer = AllText(await harness.SayAsync("その子の家は知ってる"));

        Assert.Contains("ひとりで見に行かないで", answer, StringComparison.Ordinal);
        Assert.Contains("110", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Going_to_tell_a_parent_about_a_friend_in_danger_is_the_step_to_take_now()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("同じクラスの子から「今までありがとう」ってきて、それから既読つかない");

        var answer = AllText(await harness.SayAsync("お父さんに言ってくる"));

        Assert.Contains("それがいちばん", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_leaving_for_home_during_violence_gets_110_for_tonight_not_a_bare_thank_you()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("中1。お父さんに毎日たたかれる。きのうもあざできた");
        await harness.SayAsync("安全な場所にいる");

        var answer = AllText(await harness.SayAsync("塾いってくる。またね"));

        Assert.Contains("110", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task How_not_to_go_home_tonight_is_answered_with_189_and_a_teacher_for_a_child()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("中1。お父さんに毎日たたかれる。きのうもあざできた");

        var answer = AllText(await harness.SayAsync("今日は家に帰らなくていい方法ってある？"));

        Assert.Contains("189", answer, StringComparison.Ordinal);
        Assert.Contains("先生", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whether_189_tells_the_parents_is_answered_about_189_inside_the_crisis()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("中1。お父さんに毎日たたかれる。きのうもあざできた");

        var answer = AllText(await harness.SayAsync("189に電話したら親にばれる？"));

        Assert.Contains("名前を言わなくても相談できて", answer, StringComparison.Ordinal);
        Assert.Contains("家に来たりすることはあるかもしれません", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_minor_asking_about_a_net_cafe_for_the_night_hears_it_usually_is_not_allowed()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("親とけんかして家出てきた");

        var answer = AllText(await harness.SayAsync("まんきつって高校生でも泊まれる？"));

        Assert.Contains("18歳未満だけでは入れない", answer, StringComparison.Ordinal);
        Assert.Contains("交番", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_written_instead_of_a_topic_is_answered_not_met_with_the_age_buttons()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        var topic = await harness.SayAsync("相談先を知りたい");
        Assert.Contains(topic, r => r.SuggestedActions?.Actions.Count > 3);

        var replies = await harness.SayAsync("いまから110してもいい？");

        var answer = AllText(replies);
        Assert.Contains("電話していいです", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("年代を教えて", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fear_of_arrest_after_a_criminal_job_promises_nothing_the_bot_cannot_keep()
    {
        var harness = await new ConsultationHarness().JoinAsync();

        var answer = AllText(await harness.SayAsync("警察に言ったら俺も捕まる？"));

        Assert.Contains("約束できません", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("まず守られるのはあなた", answer, StringComparison.Ordinal);
    }

    private const string Question = "いま、死にたいと思う気持ちはありますか";

    [Fact]
    public async Task Hopelessness_without_words_of_danger_is_met_with_the_direct_question_and_its_buttons()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("もう半年くらい学校いってない。中2");

        var replies = await harness.SayAsync("まあいいけど。どうせ誰も気にしないし");

        Assert.Contains(Question, AllText(replies), StringComparison.Ordinal);
        var buttons = replies[^1].SuggestedActions!.Actions.Select(a => a.Title).ToList();
        Assert.Equal(["ある", "少しある", "ない"], buttons);
    }

    [Fact]
    public async Task A_yes_is_heard_and_answered_with_the_around_the_clock_services_not_a_push_to_call()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("もう全部どうでもいい");

        var replies = await harness.SayAsync("少しある");

        var answer = AllText(replies);
        Assert.Contains("話してくれたことは、とても大事なこと", answer, StringComparison.Ordinal);
        Assert.Contains("24時間", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("いますぐ119", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_no_is_thanked_and_listening_goes_on_and_the_question_is_not_asked_twice()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("もう全部どうでもいい");

        var answer = AllText(await harness.SayAsync("ない"));
        var later = AllText(await harness.SayAsync("どうせ誰も気にしないし"));

        Assert.Contains("答えてくれて、ありがとう", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(Question, later, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("宿題とかもうどうでもいいｗ")]
    [InlineData("誰も困らないように、明日の準備しとく")]
    public async Task Everyday_words_are_not_met_with_the_question(string text)
    {
        var harness = await new ConsultationHarness().JoinAsync();

        var answer = AllText(await harness.SayAsync(text));

        Assert.DoesNotContain(Question, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_crisis_reply_the_question_is_not_asked()
    {
        var harness = await AfterWordsOfDisappearingAsync();
        await harness.SayAsync("安全な場所にいる");

        var answer = AllText(await harness.SayAsync("どうせ誰も気にしないし"));

        Assert.DoesNotContain(Question, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Going_to_sleep_after_the_question_is_a_goodbye_not_a_yes()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("もう全部どうでもいい");

        var answer = AllText(await harness.SayAsync("ちょっと寝る"));

        Assert.DoesNotContain("話してくれたことは、とても大事なこと", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whether_a_clinic_tells_the_parents_is_answered_about_the_insurance_notice_not_this_chats_rules()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("大学2年。妊娠検査薬で陽性が出た");

        var answer = AllText(await harness.SayAsync("産婦人科に行ったら親にばれる？ 親の保険証なんだけど"));

        Assert.Contains("医療費のお知らせ", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("この窓口の相談員と管理者だけ", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whether_public_assistance_is_possible_at_18_is_answered()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("家追い出されて、お金も500円しかない");

        var answer = AllText(await harness.SayAsync("生活保護って18でももらえる？"));

        Assert.Contains("年齢だけで断られる", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whether_a_teacher_tells_the_parents_is_answered_honestly()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("中1。クラスで毎日悪口言われてる");

        var answer = AllText(await harness.SayAsync("担任に話したら親にも連絡いく？"));

        Assert.Contains("家の人に連絡することがあります", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_questions_in_one_message_get_both_answers()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("きのう先輩の家で無理やりされた");

        var answer = AllText(await harness.SayAsync("病院って行ったほうがいい？ あと110ってLINEでもできる？"));

        Assert.Contains("72時間", answer, StringComparison.Ordinal);
        Assert.Contains("110", answer, StringComparison.Ordinal);
        Assert.Contains("アプリ", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whether_this_chat_works_from_a_town_is_answered_yes()
    {
        var harness = await new ConsultationHarness().JoinAsync();

        var answer = AllText(await harness.SayAsync("松本市からでもここ使える？"));

        Assert.Contains("もちろんです", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_light_question_after_a_word_of_school_is_not_answered_with_hotlines()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("学校の課題が多すぎてしんどい");

        var answer = AllText(await harness.SayAsync("LINEで「今度あそぼ」って送るのって変かな？"));

        Assert.DoesNotContain("こうした窓口の人に聞くことができます", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("0120", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Giving_the_pills_to_a_brother_is_the_step_taken_not_a_new_harm_of_abuse()
    {
        var harness = await AfterWordsOfDisappearingAsync();
        await harness.SayAsync("病院でもらった薬、飲まずにためてきた。いま枕元にある");

        var answer = AllText(await harness.SayAsync("袋に入れて、兄貴に預けてくる"));

        Assert.Contains("あなたを守る大事な一歩", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("189", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("闇バイトやめたいって言ったら、免許証の写真ばらまくって脅された")]
    [InlineData("受け子のバイト断ったら「家族がどうなっても知らんぞ」ってDM来た")]
    public async Task A_criminal_jobs_threat_gets_its_own_reply_not_grooming_or_sextortion(string text)
    {
        var harness = await new ConsultationHarness().JoinAsync();

        var answer = AllText(await harness.SayAsync(text));

        Assert.Contains("闇バイト", answer, StringComparison.Ordinal);
        Assert.Contains("110", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("会いに行かないでください", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("お金は払わないでください", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("将来が想像できない。なんも変わらんし")]
    [InlineData("もう年越したくないな。来年の自分が想像できん")]
    public async Task A_veiled_end_is_met_with_the_direct_question(string text)
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("最近ずっと眠れない");

        var answer = AllText(await harness.SayAsync(text));

        Assert.Contains(Question, answer, StringComparison.Ordinal);
    }

    /// <summary>
    /// Sleep as the ending (どうせ寝たら終わるし) reads high since round 18's lexicon (it may hide pills already taken, as in
    /// p22): the crisis reply with its safety check, not only the direct question.
    /// </summary>
    [Fact]
    public async Task Sleep_as_the_ending_gets_the_crisis_reply()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("最近ずっと眠れない");

        var answer = AllText(await harness.SayAsync("どうせ寝たら終わるし"));

        Assert.Contains("119", answer, StringComparison.Ordinal);
        Assert.Contains("いま、あなたは安全な場所にいますか", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_friend_driven_away_now_is_110_now()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("同じクラスの子から「今までありがとう」ってきて、それから既読つかない");

        var answer = AllText(await harness.SayAsync("知らない人の車に乗せられた"));

        Assert.Contains("110", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_who_can_only_write_and_tells_of_neglect_is_still_given_189()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("電話かけられないんだけど、ここで相談できる？");

        var answer = AllText(await harness.SayAsync("母が5日帰ってこない。LINEも既読にならない"));

        Assert.Contains("189", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("いや、少しある")]
    [InlineData("うーん、たまにある")]
    public async Task A_yes_after_a_hesitation_is_still_a_yes(string text)
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("もう全部どうでもいい");

        var answer = AllText(await harness.SayAsync(text));

        Assert.Contains("話してくれたことは、とても大事なこと", answer, StringComparison.Ordinal);
    }
}
