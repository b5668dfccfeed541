using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Handoff;
using Moq;

namespace ChatSupport.Dialogs.Tests.Consultation;

/// <summary>
/// Faults the round-15 reading of whole replayed conversations found (docs/consultation.md, "Round 15"), in other words
/// than the persona sets': services chosen by a word rather than by what was told (a partner-violence line for rent, the
/// child-abuse line for a partner, a children's line for trouble at work), and a conditional read as a disclosure.
/// </summary>
public sealed class ListeningRoundFifteenTests
{
    private static string AllText(IEnumerable<Activity> replies) => string.Join("\n", replies.Select(r => r.Text));

    private static List<string> CardTitles(IEnumerable<Activity> replies) =>
        replies.SelectMany(ConsultationHarness.Cards).Select(c => c.Title ?? string.Empty).ToList();

    [Fact]
    public async Task Rent_that_cannot_be_paid_gets_the_self_reliance_office_not_a_partner_violence_line()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("大学2年で神戸に住んでる");

        var replies = await harness.SayAsync("バイト代だけじゃ足りなくて、家賃もう3か月たまってる");

        var titles = CardTitles(replies);
        Assert.Contains(titles, t => t.Contains("自立相談支援機関", StringComparison.Ordinal));
        Assert.DoesNotContain(titles, t => t.Contains("DV", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fear_of_a_partner_is_heard_as_partner_violence_not_as_a_child_at_home()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("付き合ってる彼のことなんですけど");
        await harness.SayAsync("LINEを全部見せろって毎晩言われる");

        var replies = await harness.SayAsync("殴られたことはまだないけど、壁をなぐったりするから怖い");

        var text = AllText(replies);
        Assert.DoesNotContain("家の人に", text, StringComparison.Ordinal);
        Assert.DoesNotContain(CardTitles(replies), t => t.Contains("189", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Trouble_at_work_with_no_age_said_gets_no_childrens_line()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("店長に毎日どなられて、休憩もとらせてもらえない");

        var replies = await harness.SayAsync("どこに相談したらいいかな");

        var titles = CardTitles(replies);
        Assert.NotEmpty(titles);
        Assert.DoesNotContain(titles, t => t.Contains("子供", StringComparison.Ordinal) || t.Contains("チャイルドライン", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("どこに相談すればいいですか")]
    [InlineData("これってどうすればいいですか")]
    public async Task A_conditional_with_ii_is_not_read_as_saying_who_one_loves(string text)
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("家のことでずっとしんどい");

        var answer = AllText(await harness.SayAsync(text));

        Assert.DoesNotContain("好きになる相手", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("区役所って土曜もあいてる？")]
    [InlineData("市役所の窓口って何時までやってますか")]
    public async Task The_hours_of_a_local_office_are_not_answered_with_this_chats_hours(string text)
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("家賃が払えなくて困ってる");

        var answer = AllText(await harness.SayAsync(text));

        Assert.Contains("地域によってちがいます", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("相談員（人）がいる時間", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_whether_the_child_guidance_centre_answers_at_night_brings_189_around_the_clock()
    {
        var harness = await new ConsultationHarness().JoinAsync();

        var answer = AllText(await harness.SayAsync("児童相談所って夜でも電話つながる？"));

        Assert.Contains("189", answer, StringComparison.Ordinal);
        Assert.Contains("24時間", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_adult_at_work_answering_the_age_question_in_passing_gets_no_childrens_line()
    {
        var harness = await new ConsultationHarness(now: new DateTimeOffset(2026, 12, 8, 18, 0, 0, TimeSpan.FromHours(9))).JoinAsync();
        await harness.SayAsync("店長から毎日どなられるし、残業代もつかない");

        var text = AllText(await harness.SayAsync("27で居酒屋の社員してる"));

        Assert.Contains("話を聞いてくれる相談先です", text, StringComparison.Ordinal);
        Assert.DoesNotContain("チャイルドライン", text, StringComparison.Ordinal);
        Assert.DoesNotContain("子供SOS", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exam_stress_told_with_nothing_heavy_gets_lines_that_listen_not_a_suicide_prevention_line()
    {
        var harness = await new ConsultationHarness(now: new DateTimeOffset(2026, 12, 8, 18, 0, 0, TimeSpan.FromHours(9))).JoinAsync();
        await harness.SayAsync("こんばんは");
        await harness.SayAsync("受験まであと2か月ちょっと");

        var text = AllText(await harness.SayAsync("模試の判定わるくて落ちこんでる"));

        Assert.Contains("話を聞いてくれる相談先です", text, StringComparison.Ordinal);
        Assert.DoesNotContain("いのちの電話", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Being_outed_at_the_office_with_no_age_said_gets_no_childrens_line()
    {
        var harness = await new ConsultationHarness(now: new DateTimeOffset(2026, 12, 8, 14, 0, 0, TimeSpan.FromHours(9))).JoinAsync();
        await harness.SayAsync("これ読むのって誰？");
        await harness.SayAsync("履歴って消える？");

        await harness.SayAsync("会社でゲイなのがばれて、みんなの目がこわい");

        var text = AllText(await harness.SayAsync("答えない"));

        Assert.Contains("相談先です", text, StringComparison.Ordinal);
        Assert.DoesNotContain("チャイルドライン", text, StringComparison.Ordinal);
        Assert.DoesNotContain("子供SOS", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_goodbye_with_what_comes_next_gets_the_warm_close_not_services()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("クラスで浮いてる気がして、学校行くのがしんどい");

        var text = AllText(await harness.SayAsync("とりあえず明日は保健室に行ってみる。またね"));

        Assert.Contains("また話したくなったら", text, StringComparison.Ordinal);
        Assert.DoesNotContain("相談先です", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ここって何時までやってるの？")]
    [InlineData("これってAIが返事してる？")]
    public async Task With_nobody_on_duty_the_hours_and_is_it_a_bot_answers_promise_no_person_now(string question)
    {
        var handoff = new Mock<IHandoffRequests>();
        handoff.Setup(h => h.RequestAsync(It.IsAny<HandoffRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new HandoffRequestResult(true, false, 1, false));
        // 14:00 on a weekday, counselors 17:00-22:00: nobody can take a chat now.
        var harness = await new ConsultationHarness(handoff.Object, now: new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.FromHours(9)), counselorHours: "Mon-Fri 17:00-22:00").JoinAsync();

        var text = AllText(await harness.SayAsync(question));

        Assert.Contains("いまはつながれる相談員がいません", text, StringComparison.Ordinal);
        Assert.DoesNotContain("人につなぎます", text, StringComparison.Ordinal);
    }
}
