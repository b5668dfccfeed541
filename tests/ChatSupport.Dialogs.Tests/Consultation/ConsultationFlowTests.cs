using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Risk;
using Moq;
using static ChatSupport.Dialogs.Tests.Consultation.ConsultationHarness;

namespace ChatSupport.Dialogs.Tests.Consultation;

public sealed class ConsultationFlowTests
{
    [Fact]
    public async Task The_welcome_says_it_is_a_bot_what_is_stored_and_110_119_then_invites_to_write_with_the_buttons()
    {
        await new ConsultationHarness().Flow()
            .SendConversationUpdate()
            .AssertReply(r =>
            {
                Assert.Contains("ボット", r.Text);
                Assert.Contains("人ではありません", r.Text);
                Assert.Contains("保存", r.Text);
                Assert.Contains("110", r.Text);
                Assert.Contains("119", r.Text);
                // No handoff configured: no promise of a person.
                Assert.DoesNotContain("人と話したい", r.Text);
            })
            .AssertReply(r =>
            {
                Assert.Contains("どんなことでも、ここに書いてみてください", r.Text);
                Assert.True(HasButton(r, "話を聞いてほしい"));
                Assert.True(HasButton(r, "相談先を知りたい"));
                Assert.True(HasButton(r, "人と話したい"));
                Assert.True(HasButton(r, "友だちのことで相談"));
            })
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task With_counselors_configured_the_welcome_says_when_a_person_can_be_asked_for()
    {
        var handoff = new Mock<IHandoffRequests>();
        await new ConsultationHarness(handoff.Object, counselorHours: "Mon-Fri 17:00-22:00").Flow()
            .SendConversationUpdate()
            .AssertReply(r =>
            {
                Assert.Contains("人と話したい", r.Text);
                Assert.Contains("月〜金 17:00〜22:00", r.Text);
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("相談先を知りたい", "いじめ", "中学生")] // buttons pressed (imBack titles)
    [InlineData("相談先を知りたい", "いじめ", "中3")] // a typed age
    [InlineData("相談先を知りたい", "いじめ", "答えない")]
    public async Task Finding_support_by_buttons_asks_topic_and_age_once_and_ends_with_one_to_three_cards(string menu, string topic, string age)
    {
        await new ConsultationHarness().Started()
            .Send(menu).AssertReplyContains("どんなことで困っていますか")
            .Send(topic).AssertReplyContains("年代")
            .Send(age)
            .AssertReply(r =>
            {
                Assert.Contains("相談先", r.Text);
                var cards = Cards(r).ToList();
                Assert.InRange(cards.Count, 1, 3);
                Assert.All(cards, c =>
                {
                    Assert.False(string.IsNullOrEmpty(c.Title));
                    Assert.False(string.IsNullOrEmpty(c.Subtitle));
                    var action = Assert.Single(c.Buttons!);
                    Assert.True(action.Type is ActionTypes.Call or ActionTypes.OpenUrl, action.Type);
                });
            })
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Bullying_support_for_a_junior_high_student_lists_a_service_open_now_first()
    {
        await new ConsultationHarness().Started()
            .Send("相談先を知りたい").SkipReplies().Send("いじめ").SkipReplies()
            .Send("中2")
            .AssertReply(r => Assert.Contains("受付中", Cards(r).First().Subtitle))
            .StartTestAsync();
    }

    [Fact]
    public async Task An_answer_that_is_not_a_choice_is_never_read_as_a_failure()
    {
        await new ConsultationHarness().Started()
            .Send("相談先を知りたい").SkipReplies()
            .Send("ほげほげ").AssertReply(r => Assert.DoesNotContain("受け取れません", r.Text)).SkipReplies()
            .Send("200歳")
            .AssertReply(r => Assert.DoesNotContain("受け取れません", r.Text)) // read as a message: acknowledged first
            .AssertReply(r =>
            {
                Assert.DoesNotContain("受け取れません", r.Text);
                Assert.NotEmpty(Cards(r)); // then the services it was asked for
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_sticker_or_picture_gets_a_kind_answer_and_never_the_retry_text()
    {
        var picture = new Activity { Type = ActivityTypes.Message, Attachments = [new Attachment { ContentType = "image/png", ContentUrl = "https://example.invalid/p.png" }] };
        await new ConsultationHarness().Started()
            .Send("相談先を知りたい").SkipReplies()
            .Send(picture)
            .AssertReplyContains("スタンプや画像")
            .AssertReply(r =>
            {
                Assert.Contains("どんなことで困っていますか", r.Text);
                Assert.True(HasButton(r, "いじめ"));
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("...")]
    [InlineData("。。。")]
    [InlineData("😢")]
    public async Task A_message_with_nothing_to_read_gets_a_gentle_word_not_the_retry_text(string text)
    {
        await new ConsultationHarness().Started()
            .Send(text)
            .AssertReply(r =>
            {
                Assert.Contains("うまく言葉にならなくても大丈夫", r.Text);
                Assert.DoesNotContain("受け取れません", r.Text);
            })
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task The_suicidal_topic_button_gets_the_crisis_reply_once_and_the_flow_goes_on()
    {
        await new ConsultationHarness().Started()
            .Send("相談先を知りたい").SkipReplies()
            .Send("死にたい・消えたい")
            .AssertReply(r =>
            {
                Assert.Contains("110", r.Text);
                Assert.Contains(Cards(r), c => c.Subtitle == "いま受付中・24時間");
            })
            .SkipReplies()
            // Not the topic question again: the next message is listened to.
            .Send("ずっとしんどい").AssertReply(r =>
            {
                Assert.DoesNotContain("どんなことで困っていますか", r.Text);
                Assert.DoesNotContain("受け取れません", r.Text);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_critical_message_gets_110_119_and_a_24_hour_contact_in_the_same_turn_whatever_dialog_runs()
    {
        await new ConsultationHarness().Started()
            .Send("相談先を知りたい").SkipReplies()
            .Send("もう死にたい。今から飛び降りる")
            .AssertReply(r =>
            {
                Assert.Contains("119", r.Text);
                Assert.Contains("110", r.Text);
                Assert.Contains("24時間", r.Text);
                Assert.Contains(Cards(r), c => c.Buttons!.Any(b => b.Value!.Value.GetString() == "tel:110"));
                Assert.Contains(Cards(r), c => c.Subtitle == "いま受付中・24時間");
            })
            .AssertReplyContains("つなぐことはできません")
            // One safety question with buttons follows the crisis block.
            .AssertReply(r => Assert.True(HasButton(r, "安全な場所にいる") && HasButton(r, "あぶない")))
            .AssertNoReply()
            // More of the story is acknowledged, with the one action in front, not the same question again; the question
            // stays open, and a safe answer settles it.
            .Send("いじめ").AssertReply(r =>
            {
                Assert.False(HasButton(r, "安全な場所にいる"));
                Assert.DoesNotContain("いま安全かどうか", r.Text, StringComparison.Ordinal);
                Assert.Contains("119", r.Text, StringComparison.Ordinal);
            })
            .Send("安全な場所にいる").AssertReplyContains("教えてくれて、ありがとう")
            // The dialog waited where it was: the topic question is still open.
            .Send("いじめ").AssertReplyContains("年代")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("しにたい")]
    [InlineData("消えたい")]
    [InlineData("リスカがやめられない")]
    [InlineData("親に殴られる")]
    public async Task A_high_message_gets_services_and_the_offer_of_a_person(string text)
    {
        await new ConsultationHarness().Started()
            .Send(text)
            .AssertReply(r =>
            {
                Assert.Contains("110", r.Text);
                Assert.Contains(Cards(r), c => c.Subtitle == "いま受付中・24時間");
            })
            // Without a handoff nobody is promised: it says so plainly.
            .AssertReplyContains("相談員（人）につなぐことはできません")
            .AssertReply(r => Assert.NotEmpty(r.SuggestedActions!.Actions))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_critical_message_asks_for_an_urgent_handoff_with_the_risk_context()
    {
        var handoff = new Mock<IHandoffRequests>();
        handoff.Setup(h => h.RequestAsync(It.IsAny<HandoffRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new HandoffRequestResult(true, false, 1, true));

        await new ConsultationHarness(handoff.Object).Started()
            .Send("薬を全部飲んだ")
            .AssertReplyContains("119")
            .AssertReplyContains("急いでつなぎます")
            .StartTestAsync();

        handoff.Verify(h => h.RequestAsync(
            It.Is<HandoffRequest>(r => r.Reason == HandoffReason.Risk && r.Priority == RiskLevel.Critical && r.MatchedTerms.Count > 0),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Outside_counselor_hours_a_crisis_reply_never_promises_a_person_now()
    {
        var handoff = new Mock<IHandoffRequests>();
        handoff.Setup(h => h.RequestAsync(It.IsAny<HandoffRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new HandoffRequestResult(true, false, 1, CounselorsAvailableNow: false) { CounselorsBackAt = new DateTimeOffset(2026, 11, 26, 17, 0, 0, TimeSpan.FromHours(9)) });

        await new ConsultationHarness(handoff.Object).Started()
            .Send("薬を全部飲んだ")
            .AssertReplyContains("119")
            .AssertReply(r =>
            {
                Assert.Contains("受付時間外", r.Text);
                Assert.Contains("明日の17:00から", r.Text);
                Assert.Contains("わたし（ボット）がここで返事をします", r.Text);
                Assert.DoesNotContain("急いでつなぎます", r.Text);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Asking_for_a_person_queues_the_conversation_at_any_point()
    {
        var handoff = new Mock<IHandoffRequests>();
        handoff.Setup(h => h.RequestAsync(It.IsAny<HandoffRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new HandoffRequestResult(true, false, 3, true));

        await new ConsultationHarness(handoff.Object).Started()
            .Send("相談先を知りたい").SkipReplies()
            .Send("人と話したい")
            .AssertReply(r =>
            {
                Assert.Contains("相談員", r.Text);
                Assert.Contains("2人", r.Text);
            })
            .AssertNoReply()
            .StartTestAsync();

        handoff.Verify(h => h.RequestAsync(It.Is<HandoffRequest>(r => r.Reason == HandoffReason.PersonAsked), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("女性の相談員と話したい", "女性の相談員")]
    [InlineData("女の人がいいです", "女性の相談員")]
    [InlineData("若い人と話したい", "若い相談員")]
    public async Task A_stated_preference_for_the_counselor_goes_with_the_request(string text, string preference)
    {
        var handoff = new Mock<IHandoffRequests>();
        handoff.Setup(h => h.RequestAsync(It.IsAny<HandoffRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new HandoffRequestResult(true, false, 1, true));

        await new ConsultationHarness(handoff.Object).Started()
            .Send(text).AssertReplyContains("相談員")
            .StartTestAsync();

        handoff.Verify(h => h.RequestAsync(It.Is<HandoffRequest>(r => r.Reason == HandoffReason.PersonAsked && r.Preference == preference), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Without_a_handoff_asking_for_a_person_is_answered_honestly_with_24_hour_services()
    {
        await new ConsultationHarness().Started()
            .Send("人と話したい")
            .AssertReply(r =>
            {
                Assert.Contains("つなぐことができません", r.Text);
                Assert.Contains(Cards(r), c => c.Subtitle == "いま受付中・24時間");
            })
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Global_commands_work_in_the_middle_of_a_dialog()
    {
        await new ConsultationHarness().Started()
            .Send("相談先を知りたい").SkipReplies()
            .Send("最初から").AssertReplyContains("最初から").AssertReplyContains("どんなことでも")
            .Send("相談先を知りたい").SkipReplies()
            .Send("緊急").AssertReply(r => Assert.Contains(Cards(r), c => c.Buttons!.Any(b => b.Value!.Value.GetString() == "tel:119")))
            .AssertReplyContains("どんなことで困っていますか")
            .Send("ヘルプ").AssertReplyContains("できます").AssertReplyContains("どんなことで困っていますか")
            .Send("ｷｬﾝｾﾙ").AssertReplyContains("終わりにします")
            .AssertNoReply()
            .Send("もう一度").AssertReplyContains("どんなことでも")
            .StartTestAsync();
    }

    [Fact]
    public async Task The_person_can_switch_to_english_and_back()
    {
        await new ConsultationHarness().Started()
            .Send("English").AssertReplyContains("English").AssertReply(r => Assert.True(HasButton(r, "Find support")))
            .Send("Find support").AssertReplyContains("What is troubling you")
            .Send("日本語").AssertReplyContains("日本語").AssertReply(r => Assert.True(HasButton(r, "相談先を知りたい")))
            .StartTestAsync();
    }

    [Fact]
    public async Task Listen_to_me_says_it_is_a_bot_that_cannot_truly_understand_and_then_listens()
    {
        await new ConsultationHarness().Started()
            .Send("話を聞いてほしい").AssertReply(r =>
            {
                Assert.Contains("ボット", r.Text);
                Assert.Contains("本当にわかることはできません", r.Text);
            })
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Someone_else_mode_gives_advice_and_services_that_take_calls_about_another_person()
    {
        await new ConsultationHarness().Started()
            .Send("友だちのことで相談").AssertReplyContains("友だち")
            .Send("いじめ")
            .AssertReply(r =>
            {
                Assert.Contains("信頼できる大人", r.Text);
                Assert.NotEmpty(Cards(r));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_new_bot_over_the_same_storage_continues_at_the_same_step()
    {
        var first = new ConsultationHarness();
        await first.Started().Send("相談先を知りたい").SkipReplies().Send("いじめ").AssertReplyContains("年代").StartTestAsync();

        var second = new ConsultationHarness(storage: first.Storage);
        await second.Flow().Send("中3").AssertReply(r => Assert.NotEmpty(Cards(r))).StartTestAsync();
    }
}
