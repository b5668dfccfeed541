using ChatSupport.BotKit.Activities;

namespace ChatSupport.Dialogs.Tests.Consultation;

/// <summary>
/// Classes found by replaying round 12's conversations (docs/consultation.md, "Round 12"), each tested with words other
/// than the replays': a goodbye said together with an age or a place, being left out of a class group chat, a topic
/// named only to say it is not that, and a parent's partner coming into the room at night.
/// </summary>
public sealed class ListeningRoundTwelveTests
{
    private static string AllText(IEnumerable<Activity> replies) => string.Join("\n", replies.Select(r => r.Text));

    [Theory]
    [InlineData("高1、静岡。ちょっと楽になった、ありがとう")]
    [InlineData("19です。じゃあまたね")]
    public async Task A_goodbye_said_with_an_age_or_a_place_gets_the_warm_close_not_another_question(string text)
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("部活の先輩がこわくて行きたくない");

        var reply = AllText(await harness.SayAsync(text));

        Assert.Contains("また話したくなったら", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("？", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_age_still_gets_thanked_and_the_conversation_goes_on()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("部活の先輩がこわくて行きたくない");

        var reply = AllText(await harness.SayAsync("高1、静岡"));

        Assert.DoesNotContain("また話したくなったら", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Being_left_out_of_the_class_group_chat_is_heard_as_bullying_not_as_a_stranger_online()
    {
        var harness = await new ConsultationHarness().JoinAsync();

        var reply = AllText(await harness.SayAsync("クラスのLINEグループから自分だけ外されて、裏のグループで悪口書かれてる"));

        Assert.DoesNotContain("ネットで知り合った人", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("#8103", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_topic_named_only_to_say_it_is_not_that_is_not_answered_as_that_topic()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("朝になるとおなかが痛くて学校に行けない");

        var reply = AllText(await harness.SayAsync("いじめとかじゃないんだけど、理由がわからなくてしんどい"));

        Assert.DoesNotContain("無視されたり", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parents_partner_coming_into_the_room_at_night_gets_the_child_line_and_189()
    {
        var harness = await new ConsultationHarness().JoinAsync();
        await harness.SayAsync("中3です");

        var reply = AllText(await harness.SayAsync("ママの再婚相手が、夜中にわたしが寝てると部屋に入ってくる"));

        Assert.Contains("189", reply, StringComparison.Ordinal);
    }
}
