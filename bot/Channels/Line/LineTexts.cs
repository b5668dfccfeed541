namespace ChatSupport.Bot.Channels.Line;

/// <summary>What the LINE channel itself says to a person (the bot's own texts live in dialogs/).</summary>
public static class LineTexts
{
    /// <summary>The kind answer to a sticker, photo, video, voice message, file or location.</summary>
    public static string OnlyTextIsRead { get; set; } =
        "送ってくれてありがとう。ここでは、スタンプや画像・動画・音声・ファイルの中身は読むことができません。よかったら、いまの気持ちや困っていることを文字で送ってください。";
}
