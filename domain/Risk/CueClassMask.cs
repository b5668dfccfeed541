using System.Numerics;
using System.Runtime.Intrinsics;

namespace ChatSupport.Domain.Risk;

/// <summary>
/// A set of cue classes as 1024 bits (sixteen 64-bit words held in four 256-bit vectors), one bit per index into
/// <see cref="RiskLexicon.CueClasses"/>. A value type of fixed size, so the scanner's per-clause masks and the rule
/// checks allocate nothing; the all/any checks are four vector ANDs and compares.
/// </summary>
public readonly struct CueClassMask : IEquatable<CueClassMask>
{
    /// <summary>How many cue classes a mask holds (<see cref="SituationCues.MaxClasses"/>).</summary>
    public const int Capacity = 1024;

    /// <summary>How many 64-bit words <see cref="CopyTo"/> writes.</summary>
    public const int WordCount = Capacity / 64;

    // Words 0–3 (classes 0–255), 4–7 (classes 256–511), 8–11 (classes 512–767) and 12–15 (classes 768–1023).
    private readonly Vector256<ulong> _lo;
    private readonly Vector256<ulong> _hi;
    private readonly Vector256<ulong> _top;
    private readonly Vector256<ulong> _last;

    private CueClassMask(Vector256<ulong> lo, Vector256<ulong> hi, Vector256<ulong> top, Vector256<ulong> last)
    {
        _lo = lo;
        _hi = hi;
        _top = top;
        _last = last;
    }

    private Vector256<ulong> Part(int word) => (word >> 2) switch { 0 => _lo, 1 => _hi, 2 => _top, _ => _last };

    /// <summary>The empty set.</summary>
    public static CueClassMask Empty => default;

    public bool IsEmpty => (_lo | _hi | _top | _last) == Vector256<ulong>.Zero;

    /// <summary>The set holding only class <paramref name="index"/> (0 ≤ index &lt; 1024).</summary>
    public static CueClassMask Bit(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Capacity);
        var word = Vector256<ulong>.Zero.WithElement((index >> 6) & 3, 1UL << (index & 63));
        var zero = Vector256<ulong>.Zero;
        return (index >> 8) switch
        {
            0 => new CueClassMask(word, zero, zero, zero),
            1 => new CueClassMask(zero, word, zero, zero),
            2 => new CueClassMask(zero, zero, word, zero),
            _ => new CueClassMask(zero, zero, zero, word),
        };
    }

    /// <summary>Whether class <paramref name="index"/> is in the set.</summary>
    public bool Has(int index) =>
        (uint)index < Capacity
        && (Part(index >> 6).GetElement((index >> 6) & 3) & (1UL << (index & 63))) != 0;

    /// <summary>Whether every class of <paramref name="other"/> is in this set.</summary>
    public bool ContainsAll(in CueClassMask other) =>
        (_lo & other._lo) == other._lo && (_hi & other._hi) == other._hi && (_top & other._top) == other._top
        && (_last & other._last) == other._last;

    /// <summary>Whether this set and <paramref name="other"/> share a class.</summary>
    public bool Intersects(in CueClassMask other) =>
        ((_lo & other._lo) | (_hi & other._hi) | (_top & other._top) | (_last & other._last)) != Vector256<ulong>.Zero;

    /// <summary>The lowest class index in the set, or <see cref="Capacity"/> when it is empty.</summary>
    public int LowestIndex()
    {
        for (var w = 0; w < WordCount; w++)
        {
            var word = Part(w).GetElement(w & 3);
            if (word != 0)
            {
                return (w << 6) + BitOperations.TrailingZeroCount(word);
            }
        }

        return Capacity;
    }

    /// <summary>Copies the sixteen 64-bit words (classes 0–63 first) into <paramref name="words"/>, for scalar checks of single bits.</summary>
    public void CopyTo(Span<ulong> words)
    {
        _lo.CopyTo(words);
        _hi.CopyTo(words[4..]);
        _top.CopyTo(words[8..]);
        _last.CopyTo(words[12..]);
    }

    public static CueClassMask operator |(CueClassMask a, CueClassMask b) => new(a._lo | b._lo, a._hi | b._hi, a._top | b._top, a._last | b._last);

    public static CueClassMask operator &(CueClassMask a, CueClassMask b) => new(a._lo & b._lo, a._hi & b._hi, a._top & b._top, a._last & b._last);

    public static bool operator ==(CueClassMask a, CueClassMask b) => a.Equals(b);

    public static bool operator !=(CueClassMask a, CueClassMask b) => !a.Equals(b);

    /// <summary>Named alternative to <c>|</c>.</summary>
    public static CueClassMask BitwiseOr(CueClassMask left, CueClassMask right) => left | right;

    /// <summary>Named alternative to <c>&amp;</c>.</summary>
    public static CueClassMask BitwiseAnd(CueClassMask left, CueClassMask right) => left & right;

    public bool Equals(CueClassMask other) => _lo == other._lo && _hi == other._hi && _top == other._top && _last == other._last;

    public override bool Equals(object? obj) => obj is CueClassMask other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_lo, _hi, _top, _last);

    /// <summary>The sixteen words, most significant first, in hex (for diagnostics).</summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder(256);
        for (var w = WordCount - 1; w >= 0; w--)
        {
            text.Append(Part(w).GetElement(w & 3).ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
