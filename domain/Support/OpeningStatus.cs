namespace ChatSupport.Domain.Support;

/// <summary>
/// Whether a channel is open at a given instant, as far as the verified data can tell.
/// </summary>
/// <param name="IsOpen">Open at that instant. Always false when <paramref name="HoursKnown"/> is false.</param>
/// <param name="HoursKnown">
/// False when the verified sources give no usable hours (DATED, varies by region, not verified):
/// show "hours unknown, check the source" and never an opening time.
/// </param>
/// <param name="Is24Hours">The channel is open around the clock every day (not just inside a dated window).</param>
/// <param name="OpensAt">When closed: the next certain opening (JST), or null if none is known.</param>
/// <param name="ClosesAt">When open and not around the clock: when this stretch of opening ends (JST).</param>
public sealed record OpeningStatus(bool IsOpen, bool HoursKnown, bool Is24Hours, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt)
{
    public static OpeningStatus AroundTheClock { get; } = new(true, true, true, null, null);

    /// <summary>Web pages and mail forms: reachable at any time, but nobody answers live.</summary>
    public static OpeningStatus NotApplicable { get; } = new(true, true, false, null, null);

    public static OpeningStatus Unknown { get; } = new(false, false, false, null, null);

    public static OpeningStatus Open(DateTimeOffset? closesAt) => new(true, true, false, null, closesAt);

    public static OpeningStatus Closed(DateTimeOffset? opensAt) => new(false, true, false, opensAt, null);
}
