using System.Globalization;
using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Support;

namespace ChatSupport.Dialogs.Consultation;

/// <summary>Turns routed services into hero cards (name, open-now status, what they help with, a tap-to-call or open action).</summary>
public sealed class ServiceCards(BotTexts texts)
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    public Activity Message(string? intro, IReadOnlyList<RoutedService> services, bool english)
    {
        var message = Activity.CreateMessage(intro is null ? ContactLines(services, english) : intro + "\n" + ContactLines(services, english));
        message.AttachmentLayout = "carousel";
        message.Attachments = services.Select(s => Card(s, english).ToAttachment()).ToList();
        return message;
    }

    /// <summary>One line per service with its number or address, so the text alone is enough (screen readers, channels without cards).</summary>
    public string ContactLines(IReadOnlyList<RoutedService> services, bool english) =>
        string.Join("\n", services.Select(s => $"・{s.Service.Name.For(english)}：{ContactText(s.Channel, english)}（{StatusText(s, english)}）"));

    /// <summary>
    /// The number, handle or address; a service known only by name is to be searched for; a place to go to without
    /// a verified address says where to find it (the directory's note).
    /// </summary>
    public string ContactText(ServiceChannel channel, bool english) =>
        channel.Kind == ChannelKind.Visit && channel.Url is null ? (english || channel.NoteJa is null ? texts.Get("card.visit", english) : channel.NoteJa)
        : channel.Number is null && channel.Handle is null && channel.Url is null && channel.AccountName is { } name && channel.Kind != ChannelKind.Line
            ? texts.Format("card.search", english, name)
            : channel.Contact;

    public HeroCard Card(RoutedService routed, bool english)
    {
        var service = routed.Service;
        var channel = routed.Channel;
        var details = new List<string> { service.Description.For(english) };
        if (channel.Cost == CostKind.Free)
        {
            details.Add(texts.Get("card.free", english));
        }

        return new HeroCard
        {
            Title = service.Name.For(english),
            Subtitle = StatusText(routed, english),
            Text = string.Join(" / ", details),
            Buttons = Action(channel, english) is { } action ? [action] : [],
        };
    }

    public string StatusText(RoutedService routed, bool english)
    {
        var status = routed.Status;
        if (!routed.Channel.IsRealTime && routed.Channel.Kind != ChannelKind.Visit)
        {
            return texts.Get("card.web", english);
        }

        if (!status.HoursKnown)
        {
            // The directory's own note (「受付時間はセンターによって異なります」, ChildLine's 16時〜21時 …) says more than a generic line.
            return !english && routed.Channel.Hours.NoteJa is { Length: > 0 } note ? note : texts.Get("card.unknown", english);
        }

        if (status.IsOpen)
        {
            if (status.Is24Hours)
            {
                return texts.Get("card.open24", english);
            }

            return status.ClosesAt is { } closes
                ? texts.Format("card.open.until", english, closes.ToString("H:mm", CultureInfo.InvariantCulture))
                : texts.Get("card.open", english);
        }

        return status.OpensAt is { } opens
            ? texts.Format("card.closed.next", english, english
                ? opens.ToString("ddd MMM d, H:mm", CultureInfo.InvariantCulture)
                : opens.ToString("M月d日(ddd) H:mm", Japanese))
            : texts.Get("card.closed", english);
    }

    /// <summary>A tel: URI; '#' (as in #9110) must be escaped or it would start a fragment.</summary>
    public static string TelUri(string dialString) => "tel:" + dialString.Replace("#", "%23", StringComparison.Ordinal);

    private CardAction? Action(ServiceChannel channel, bool english)
    {
        if (channel.Kind == ChannelKind.Phone && channel.DialString is { } dial)
        {
            return CardAction.Call(texts.Format("card.call", english, channel.Number!), TelUri(dial));
        }

        var key = channel.Kind switch
        {
            ChannelKind.Line => "card.open_line",
            ChannelKind.Chat or ChannelKind.Sns => "card.open_chat",
            _ => "card.open_web",
        };
        // A service known only by name (its address is not verified) gets no button: the card says to search for it.
        return channel.Url is { } url
            ? CardAction.OpenUrl(texts.Get(key, english), url)
            : channel.Handle is null && channel.Kind is ChannelKind.Chat or ChannelKind.Web or ChannelKind.Visit ? null : CardAction.ImBack(channel.Contact);
    }
}
