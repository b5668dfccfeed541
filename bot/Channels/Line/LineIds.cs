using System.Security.Cryptography;
using System.Text;

namespace ChatSupport.Bot.Channels.Line;

/// <summary>
/// Names used for a LINE user inside the service. The LINE user id itself is kept only in the
/// <c>line_users</c> table (it is needed to push); conversation ids, activity senders and logs
/// carry a SHA-256 derived key instead. LINE user ids are 128-bit random values, so the hash
/// cannot be reversed by guessing.
/// </summary>
public static class LineIds
{
    /// <summary>The stable key of a LINE user: 32 hex characters of SHA-256("line-user:" + id).</summary>
    public static string UserKey(string lineUserId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("line-user:" + lineUserId));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>The conversation id of a person's one-on-one chat with the account.</summary>
    public static string ConversationId(string lineUserId) => ConversationPrefix + UserKey(lineUserId);

    /// <summary>Every LINE conversation id starts with this.</summary>
    public const string ConversationPrefix = "line-";

    /// <summary>The id the person has in activities (<c>from.id</c>) and in the conversation registry.</summary>
    public static string ActivityUserId(string lineUserId) => "lu-" + UserKey(lineUserId);
}
