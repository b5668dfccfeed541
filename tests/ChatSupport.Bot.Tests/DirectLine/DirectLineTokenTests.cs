using ChatSupport.Bot.Channels.DirectLine;
using Microsoft.Extensions.Time.Testing;

namespace ChatSupport.Bot.Tests.DirectLine;

/// <summary>
/// A token checked once is remembered with its grant, so later requests skip the HMAC; what a caller is told must not
/// change: the same grant, expiry still judged on every use, a forged or altered token still refused.
/// </summary>
public sealed class DirectLineTokenTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_remembered_token_gives_the_same_grant_and_still_expires_on_time()
    {
        var clock = new FakeTimeProvider(T0);
        var tokens = new DirectLineTokens("secret-0123456789-abcdefghijklmnop", TimeSpan.FromMinutes(30), clock);
        var token = tokens.Issue("conv-1", "dl_user");

        Assert.Equal(TokenCheck.Valid, tokens.Check(token, out var first));
        Assert.Equal(1, tokens.KnownTokens);
        Assert.Equal(TokenCheck.Valid, tokens.Check(token, out var second));
        Assert.Equal(first, second);
        Assert.Equal(("conv-1", "dl_user", T0.AddMinutes(30)), (second!.ConversationId, second.UserId, second.ExpiresAt));

        // Expiry is judged at every use, remembered or not, exactly as a first check would judge it.
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(TokenCheck.Expired, tokens.Check(token, out var expired));
        Assert.Equal(first, expired);
        var fresh = new DirectLineTokens("secret-0123456789-abcdefghijklmnop", TimeSpan.FromMinutes(30), clock);
        Assert.Equal(TokenCheck.Expired, fresh.Check(token, out _));
    }

    [Fact]
    public void Forged_altered_and_foreign_tokens_are_refused_and_never_remembered()
    {
        var clock = new FakeTimeProvider(T0);
        var tokens = new DirectLineTokens("secret-0123456789-abcdefghijklmnop", TimeSpan.FromMinutes(30), clock);
        var other = new DirectLineTokens("another-secret-0123456789-abcdefgh", TimeSpan.FromMinutes(30), clock);
        var token = tokens.Issue("conv-1", "dl_user");
        Assert.Equal(TokenCheck.Valid, tokens.Check(token, out _));

        var altered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        Assert.Equal(TokenCheck.Invalid, tokens.Check(altered, out var none));
        Assert.Null(none);
        Assert.Equal(TokenCheck.Invalid, tokens.Check(other.Issue("conv-1", "dl_user"), out _));
        Assert.Equal(TokenCheck.Invalid, tokens.Check("cs1.not-a-token", out _));
        Assert.Equal(TokenCheck.Invalid, tokens.Check("secret-0123456789-abcdefghijklmnop", out _));
        Assert.Equal(1, tokens.KnownTokens);

        // The remembered token does not vouch for the same token under another secret.
        Assert.Equal(TokenCheck.Invalid, other.Check(token, out _));
    }

    [Fact]
    public void The_remembered_set_stays_bounded()
    {
        var tokens = new DirectLineTokens("secret-0123456789-abcdefghijklmnop", TimeSpan.FromMinutes(30), new FakeTimeProvider(T0));
        for (var i = 0; i <= DirectLineTokens.MaxKnownTokens; i++)
        {
            Assert.Equal(TokenCheck.Valid, tokens.Check(tokens.Issue($"conv-{i}", "dl_user"), out _));
        }

        Assert.InRange(tokens.KnownTokens, 1, DirectLineTokens.MaxKnownTokens);
        var again = tokens.Issue("conv-0", "dl_user");
        Assert.Equal(TokenCheck.Valid, tokens.Check(again, out var grant));
        Assert.Equal("conv-0", grant!.ConversationId);
    }
}
