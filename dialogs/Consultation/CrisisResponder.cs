using ChatSupport.Domain.Activities;
using ChatSupport.Domain.Directory;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Turns;

namespace ChatSupport.Dialogs.Consultation;

/// <summary>
/// The crisis interrupt: when a message is high or critical, answer in the same turn, whatever dialog
/// is running, with a fixed, reviewed template (never generated), the emergency numbers and services
/// open right now around the clock; then ask for a counselor. Nothing here waits on anything slow:
/// the directory is in memory and the handoff request is one store write after the reply is sent.
/// </summary>
public sealed class CrisisResponder(BotTexts texts, SupportDirectory directory, ServiceCards cards, HumanRequests humans, TimeProvider clock)
{
    public async Task RespondAsync(ITurnContext turnContext, RiskAssessment assessment, CancellationToken cancellationToken)
    {
        var english = ConsultationProfile.IsEnglish(turnContext);
        var critical = assessment.Level >= RiskLevel.Critical;
        await turnContext.SendActivityAsync(EmergencyMessage(turnContext, critical ? "crisis.critical" : "crisis.high"), cancellationToken).ConfigureAwait(false);

        var result = await humans.RequestForRiskAsync(turnContext, assessment, cancellationToken).ConfigureAwait(false);
        if (result is { Queued: true } or { AlreadyWithHuman: true } && !result.CounselorsAvailableNow)
        {
            // Queued, but outside counselor hours: no promise of a person now; the numbers above are open.
            await turnContext.SendActivityAsync(texts.Get("crisis.queued.closed", english), cancellationToken).ConfigureAwait(false);
        }
        else if (result is { Queued: true } or { AlreadyWithHuman: true })
        {
            await turnContext.SendActivityAsync(texts.Get(critical ? "crisis.critical.queued" : "crisis.high.queued", english), cancellationToken).ConfigureAwait(false);
        }
        else if (!critical)
        {
            await turnContext.SendActivityAsync(texts.Get("crisis.high.offer", english), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The 緊急 command: emergency numbers and around-the-clock contacts, without a risk assessment.</summary>
    public Task SendEmergencyContactsAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(EmergencyMessage(turnContext, "crisis.critical"), cancellationToken);

    /// <summary>The fixed text, the services open now around the clock, then 110 and 119 (as text and as call buttons).</summary>
    private Activity EmergencyMessage(ITurnContext turnContext, string textKey)
    {
        var profile = ConsultationProfile.For(turnContext);
        var contacts = directory.AroundTheClockCrisisContacts(clock.GetUtcNow(), profile.PrefectureCode, profile.Age, profile.AgeBand).Take(2).ToList();
        var message = cards.Message(texts.Get(textKey, profile.English), contacts, profile.English);
        message.Attachments!.Insert(0, EmergencyCard(profile.English).ToAttachment());
        message.Text = message.Text + "\n" + EmergencyLine(profile.English);
        return message;
    }

    private string EmergencyLine(bool english) =>
        string.Join("\n", directory.EmergencyNumbers.Select(e => $"・{e.Name.For(english)}：{e.Channels[0].Contact}"));

    private HeroCard EmergencyCard(bool english) => new()
    {
        Title = texts.Get("emergency.title", english),
        Text = string.Join(" / ", directory.EmergencyNumbers.Select(e => e.Name.For(english))),
        Buttons = directory.EmergencyNumbers
            .Select(e => CardAction.Call(texts.Format("emergency.call", english, e.Channels[0].Contact), ServiceCards.TelUri(e.Channels[0].DialString ?? e.Channels[0].Contact)))
            .ToList(),
    };
}
