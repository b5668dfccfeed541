using System.Security.Cryptography;
using System.Text;

namespace ChatSupport.Bot.Channels.Line;

/// <summary>The <c>X-Line-Signature</c> of a webhook: Base64 of HMAC-SHA256 over the raw body, keyed with the channel secret.</summary>
public static class LineSignature
{
    public const string HeaderName = "X-Line-Signature";

    public static string Compute(string channelSecret, ReadOnlySpan<byte> body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body));

    /// <summary>Checks the header against the raw body bytes exactly as received, in constant time.</summary>
    public static bool Verify(string channelSecret, ReadOnlySpan<byte> body, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        Span<byte> given = stackalloc byte[64];
        if (!Convert.TryFromBase64String(signature.Trim(), given, out var written) || written != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given[..written]);
    }
}
