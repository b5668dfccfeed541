using System.Numerics;

namespace ChatSupport.Domain.Risk;

/// <summary>
/// A set of cue classes as 256 bits (four 64-bit words), one bit per index into <see cref="RiskLexicon.CueClasses"/>.
/// A value type of fixed size, so the scanner's per-clause masks and the rule checks allocate nothing.
/// </summary>
public readonly struct CueClassMask : IEquatable<CueClassMask>
{
    /// <summary>How many cue classes a mask holds (<see cref="SituationCues.MaxClasses"/>).</summary>
    public const int Capacity = 256;

    private readonly ulong _w0;
    private readonly ulong _w1;
    private readonly ulong _w2;
    private readonly ulong _w3;

    private CueClassMask(ulong w0, ulong w1, ulong w2, ulong w3)
    {
        _w0 = w0;
        _w1 = w1;
        _w2 = w2;
        _w3 = w3;
    }

    /// <summary>The empty set.</summary>
    public static CueClassMask Empty => default;

    public bool IsEmpty => (_w0 | _w1 | _w2 | _w3) == 0;

    /// <summary>The set holding only class <paramref name="index"/> (0 ≤ index &lt; 256).</summary>
    public static CueClassMask Bit(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Capacity);
        var bit = 1UL << (index & 63);
        return (index >> 6) switch
        {
            0 => new CueClassMask(bit, 0, 0, 0),
            1 => new CueClassMask(0, bit, 0, 0),
            2 => new CueClassMask(0, 0, bit, 0),
            _ => new CueClassMask(0, 0, 0, bit),
        };
    }

    /// <summary>Whether class <paramref name="index"/> is in the set.</summary>
    public bool Has(int index) => (uint)index < Capacity && ((index >> 6) switch
    {
        0 => _w0,
        1 => _w1,
        2 => _w2,
        _ => _w3,
    } & (1UL << (index & 63))) != 0;

    /// <summary>Whether every class of <paramref name="other"/> is in this set.</summary>
    public bool ContainsAll(in CueClassMask other) =>
        (_w0 & other._w0) == other._w0 && (_w1 & other._w1) == other._w1
        && (_w2 & other._w2) == other._w2 && (_w3 & other._w3) == other._w3;

    /// <summary>Whether this set and <paramref name="other"/> share a class.</summary>
    public bool Intersects(in CueClassMask other) =>
        ((_w0 & other._w0) | (_w1 & other._w1) | (_w2 & other._w2) | (_w3 & other._w3)) != 0;

    /// <summary>The lowest class index in the set, or <see cref="Capacity"/> when it is empty.</summary>
    public int LowestIndex() =>
        _w0 != 0 ? BitOperations.TrailingZeroCount(_w0)
        : _w1 != 0 ? 64 + BitOperations.TrailingZeroCount(_w1)
        : _w2 != 0 ? 128 + BitOperations.TrailingZeroCount(_w2)
        : _w3 != 0 ? 192 + BitOperations.TrailingZeroCount(_w3)
        : Capacity;

    public static CueClassMask operator |(CueClassMask a, CueClassMask b) =>
        new(a._w0 | b._w0, a._w1 | b._w1, a._w2 | b._w2, a._w3 | b._w3);

    public static CueClassMask operator &(CueClassMask a, CueClassMask b) =>
        new(a._w0 & b._w0, a._w1 & b._w1, a._w2 & b._w2, a._w3 & b._w3);

    public static bool operator ==(CueClassMask a, CueClassMask b) => a.Equals(b);

    public static bool operator !=(CueClassMask a, CueClassMask b) => !a.Equals(b);

    /// <summary>Named alternative to <c>|</c>.</summary>
    public static CueClassMask BitwiseOr(CueClassMask left, CueClassMask right) => left | right;

    /// <summary>Named alternative to <c>&amp;</c>.</summary>
    public static CueClassMask BitwiseAnd(CueClassMask left, CueClassMask right) => left & right;

    public bool Equals(CueClassMask other) =>
        _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3;

    public override bool Equals(object? obj) => obj is CueClassMask other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2, _w3);

    /// <summary>The four words, most significant first, in hex (for diagnostics).</summary>
    public override string ToString() => $"{_w3:x16}{_w2:x16}{_w1:x16}{_w0:x16}";
}
