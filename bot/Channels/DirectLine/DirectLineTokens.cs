using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatSupport.Bot.Channels.DirectLine;

/// <summary>What a valid token grants: one conversation, as one user, until it expires.</summary>
public sealed record DirectLineGrant(string ConversationId, string UserId, DateTimeOffset ExpiresAt);

public enum TokenCheck
{
    Valid,
    Expired,
    Invalid,
}

/// <summary>
/// Issues and checks Direct Line tokens. A token is self-contained and signed (HMAC-SHA256 with a
/// key derived from the secret), so any node with the same secret accepts it and nothing needs to
/// be stored; the secret itself never leaves the server.
/// </summary>
public sealed class DirectLineTokens
{
    private const string Prefix = "cs1.";
    private readonly byte[] _signingKey;
    private readonly byte[] _secretBytes;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lifetime;

    public DirectLineTokens(string secret, TimeSpan lifetime, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        _secretBytes = Encoding.UTF8.GetBytes(secret);
        _signingKey = HMACSHA256.HashData(_secretBytes, "ChatSupport Direct Line token v1"u8);
        _lifetime = lifetime;
        _clock = clock;
    }

    public TimeSpan Lifetime => _lifetime;

    // Tokens whose signature and claims were checked already, with what they grant. A client sends the same token
    // with every request (two or more per turn), and checking it again — decoding, HMAC, parsing the claims — gives
    // the same grant every time; only the expiry is compared again on each use. Only valid tokens are kept, and the
    // set is emptied when it reaches MaxKnownTokens (a token not found is simply checked in full again).
    private readonly ConcurrentDictionary<string, DirectLineGrant> _known = new(StringComparer.Ordinal);

    internal const int MaxKnownTokens = 20_000;

    /// <summary>How many checked tokens are remembered now (tests).</summary>
    internal int KnownTokens => _known.Count;

    public bool IsSecret(string candidate) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _secretBytes);

    public string Issue(string conversationId, string userId)
    {
        var claims = new TokenClaims(conversationId, userId, _clock.GetUtcNow().Add(_lifetime).ToUnixTimeSeconds());
        var payload = JsonSerializer.SerializeToUtf8Bytes(claims, TokenJson.Default.TokenClaims);
        var signature = HMACSHA256.HashData(_signingKey, payload);
        return Prefix + Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(signature);
    }

    public TokenCheck Check(string token, out DirectLineGrant? grant)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (_known.TryGetValue(token, out var known))
        {
            grant = known;
            return Expiry(known);
        }

        var check = CheckSignatureAndClaims(token, out grant);
        if (check != TokenCheck.Invalid && grant is not null)
        {
            if (_known.Count >= MaxKnownTokens)
            {
                _known.Clear();
            }

            _known.TryAdd(token, grant);
        }

        return check;
    }

    private TokenCheck Expiry(DirectLineGrant grant) =>
        _clock.GetUtcNow() >= grant.ExpiresAt ? TokenCheck.Expired : TokenCheck.Valid;

    private TokenCheck CheckSignatureAndClaims(string token, out DirectLineGrant? grant)
    {
        grant = null;
        if (!token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return TokenCheck.Invalid;
        }

        var body = token.AsSpan(Prefix.Length);
        var dot = body.IndexOf('.');
        if (dot <= 0 || dot == body.Length - 1)
        {
            return TokenCheck.Invalid;
        }

        byte[] payload;
        byte[] signature;
        try
        {
            payload = Base64Url.DecodeFromChars(body[..dot]);
            signature = Base64Url.DecodeFromChars(body[(dot + 1)..]);
        }
        catch (FormatException)
        {
            return TokenCheck.Invalid;
        }

        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_signingKey, payload), signature))
        {
            return TokenCheck.Invalid;
        }

        TokenClaims? claims;
        try
        {
            claims = JsonSerializer.Deserialize(payload, TokenJson.Default.TokenClaims);
        }
        catch (JsonException)
        {
            return TokenCheck.Invalid;
        }

        if (claims is null || string.IsNullOrEmpty(claims.Conversation) || string.IsNullOrEmpty(claims.User))
        {
            return TokenCheck.Invalid;
        }

        grant = new DirectLineGrant(claims.Conversation, claims.User, DateTimeOffset.FromUnixTimeSeconds(claims.Expires));
        return Expiry(grant);
    }

    /// <summary>A new unguessable id for a conversation or a user.</summary>
    public static string NewId(int bytes = 16) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    internal sealed record TokenClaims(
        [property: JsonPropertyName("c")] string Conversation,
        [property: JsonPropertyName("u")] string User,
        [property: JsonPropertyName("e")] long Expires);
}

[JsonSerializable(typeof(DirectLineTokens.TokenClaims))]
internal sealed partial class TokenJson : JsonSerializerContext;
