using System.Globalization;
using ChatSupport.BotKit.Text;
using ChatSupport.Domain.Texts;

namespace ChatSupport.Domain.Handoff;

/// <summary>The person-facing handoff texts, keys <c>handoff.*</c> of the one text catalogue (<see cref="BotTexts"/>, Texts/ja.yaml and en.yaml).</summary>
public sealed class HandoffTexts
{
    public string Waiting { get; set; } = string.Empty;

    public string Position { get; set; } = string.Empty;

    public string AlreadyWaiting { get; set; } = string.Empty;

    public string AlreadyWithCounselor { get; set; } = string.Empty;

    public string Connected { get; set; } = string.Empty;

    public string Transferred { get; set; } = string.Empty;

    public string Ended { get; set; } = string.Empty;

    public string Closed { get; set; } = string.Empty;

    public string Cancelled { get; set; } = string.Empty;

    public string OutsideHours { get; set; } = string.Empty;

    public string LongWait { get; set; } = string.Empty;

    public string NobodyOnDuty { get; set; } = string.Empty;

    /// <summary>For counselors (the console's transcript), never for the person: they left with the quick-exit button.</summary>
    public string PersonLeft { get; set; } = string.Empty;

    public List<string> CancelWords { get; set; } = [];

    public List<string> AroundTheClockServices { get; set; } = [];

    /// <summary>The same texts in English, for a person who chose English (null: this is English, or no English exists).</summary>
    public HandoffTexts? English { get; private set; }

    /// <summary>The texts in the person's language (Japanese when there is no English).</summary>
    public HandoffTexts In(bool english) => english && English is not null ? English : this;

    /// <summary>The handoff's texts from the one catalogue (<see cref="BotTexts"/>), Japanese with its English counterpart.</summary>
    public static HandoffTexts LoadDefault()
    {
        var japanese = From(BotTexts.Default, english: false);
        japanese.English = From(BotTexts.Default, english: true);
        return japanese;
    }

    private static HandoffTexts From(BotTexts catalogue, bool english)
    {
        string Text(string name) => catalogue.Get("handoff." + name, english);

        // A cancel word works whichever language the person chose.
        var cancelWords = catalogue.List("handoff.cancelWords", false).Concat(catalogue.List("handoff.cancelWords", true)).Distinct(StringComparer.Ordinal).ToList();
        return new HandoffTexts
        {
            Waiting = Text("waiting"),
            Position = Text("position"),
            AlreadyWaiting = Text("alreadyWaiting"),
            AlreadyWithCounselor = Text("alreadyWithCounselor"),
            Connected = Text("connected"),
            Transferred = Text("transferred"),
            Ended = Text("ended"),
            Closed = Text("closed"),
            Cancelled = Text("cancelled"),
            OutsideHours = Text("outsideHours"),
            LongWait = Text("longWait"),
            NobodyOnDuty = Text("nobodyOnDuty"),
            PersonLeft = Text("personLeft"),
            CancelWords = cancelWords,
            AroundTheClockServices = catalogue.List("handoff.aroundTheClockServices", english).ToList(),
        };
    }

    /// <summary>
    /// True when the whole message is one of the cancel words, compared through the one normalizer
    /// (<see cref="TextNormalizer"/>): 「ｷｬﾝｾﾙ」「キャンセル！」「きゃんせる」 all cancel, as they do everywhere else.
    /// </summary>
    public bool IsCancel(string? text) =>
        text is not null && CancelWords.Exists(word => TextNormalizer.Same(word, text));

    public static string Fill(string template, string name, string value) => template.Replace("{" + name + "}", value, StringComparison.Ordinal);

    public static string Fill(string template, string name, int value) => Fill(template, name, value.ToString(CultureInfo.InvariantCulture));
}
