namespace ChatSupport.Domain.Risk;

/// <summary>
/// A multi-pattern matcher (Aho and Corasick, 1975): a trie of the patterns plus failure links, so the
/// text is read once, left to right, and every occurrence of every pattern is reported, overlapping
/// ones included. Time is linear in the text plus the number of matches.
/// </summary>
/// <remarks>
/// Layout for speed: characters map to a dense symbol number (0 = in no pattern, which always sends the
/// automaton back to the root); the root has a direct transition array; other states keep their edges
/// sorted in one shared array. Outputs of a state include those reachable over failure links, flattened
/// at build time, so reporting is a slice.
/// </remarks>
internal sealed class AhoCorasickAutomaton
{
    private readonly ushort[] _symbolOf = new ushort[65536];
    private readonly int[] _rootNext;
    private readonly int[] _edgeStart;
    private readonly ushort[] _edgeSymbols;
    private readonly int[] _edgeTargets;
    private readonly int[] _fail;
    private readonly int[] _outputStart;
    private readonly int[] _outputs;
    private readonly int[] _patternLengths;

    public AhoCorasickAutomaton(IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        _patternLengths = new int[patterns.Count];

        var symbolCount = 1;
        foreach (var pattern in patterns)
        {
            foreach (var c in pattern)
            {
                if (_symbolOf[c] == 0)
                {
                    if (symbolCount == ushort.MaxValue)
                    {
                        throw new ArgumentException("Patterns use more distinct characters than the automaton supports.", nameof(patterns));
                    }

                    _symbolOf[c] = (ushort)symbolCount++;
                }
            }
        }

        // Trie with dictionary children while building.
        var children = new List<Dictionary<ushort, int>> { new() };
        var own = new List<List<int>> { new() };
        for (var p = 0; p < patterns.Count; p++)
        {
            var pattern = patterns[p];
            if (pattern.Length == 0)
            {
                throw new ArgumentException($"Pattern {p} is empty.", nameof(patterns));
            }

            _patternLengths[p] = pattern.Length;
            var state = 0;
            foreach (var c in pattern)
            {
                var symbol = _symbolOf[c];
                if (!children[state].TryGetValue(symbol, out var next))
                {
                    next = children.Count;
                    children.Add([]);
                    own.Add([]);
                    children[state].Add(symbol, next);
                }

                state = next;
            }

            own[state].Add(p);
        }

        var stateCount = children.Count;
        _fail = new int[stateCount];
        var order = new List<int>(stateCount);
        var queue = new Queue<int>();
        foreach (var child in children[0].Values)
        {
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            order.Add(state);
            foreach (var (symbol, child) in children[state])
            {
                var f = _fail[state];
                while (f != 0 && !children[f].ContainsKey(symbol))
                {
                    f = _fail[f];
                }

                _fail[child] = children[f].TryGetValue(symbol, out var target) && target != child ? target : 0;
                queue.Enqueue(child);
            }
        }

        // Outputs: own patterns, then those of the failure state (already complete, BFS order).
        var outputs = new List<int>[stateCount];
        outputs[0] = [];
        foreach (var state in order)
        {
            var list = new List<int>(own[state]);
            list.AddRange(outputs[_fail[state]]);
            outputs[state] = list;
        }

        _outputStart = new int[stateCount + 1];
        var flat = new List<int>();
        for (var s = 0; s < stateCount; s++)
        {
            _outputStart[s] = flat.Count;
            flat.AddRange(outputs[s] ?? []);
        }

        _outputStart[stateCount] = flat.Count;
        _outputs = [.. flat];

        _rootNext = new int[symbolCount];
        foreach (var (symbol, child) in children[0])
        {
            _rootNext[symbol] = child;
        }

        _edgeStart = new int[stateCount + 1];
        var edgeSymbols = new List<ushort>();
        var edgeTargets = new List<int>();
        for (var s = 0; s < stateCount; s++)
        {
            _edgeStart[s] = edgeSymbols.Count;
            foreach (var (symbol, child) in children[s].OrderBy(e => e.Key))
            {
                edgeSymbols.Add(symbol);
                edgeTargets.Add(child);
            }
        }

        _edgeStart[stateCount] = edgeSymbols.Count;
        _edgeSymbols = [.. edgeSymbols];
        _edgeTargets = [.. edgeTargets];
        StateCount = stateCount;
    }

    public int StateCount { get; }

    public int PatternLength(int pattern) => _patternLengths[pattern];

    /// <summary>The state after reading <paramref name="c"/> in <paramref name="state"/> (0 is the root).</summary>
    public int Next(int state, char c)
    {
        var symbol = _symbolOf[c];
        if (symbol == 0)
        {
            return 0;
        }

        while (state != 0)
        {
            var lo = _edgeStart[state];
            var hi = _edgeStart[state + 1] - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >> 1;
                var s = _edgeSymbols[mid];
                if (s == symbol)
                {
                    return _edgeTargets[mid];
                }

                if (s < symbol)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            state = _fail[state];
        }

        return _rootNext[symbol];
    }

    /// <summary>Patterns that end at the current position in <paramref name="state"/>.</summary>
    public ReadOnlySpan<int> Outputs(int state) =>
        _outputs.AsSpan(_outputStart[state], _outputStart[state + 1] - _outputStart[state]);

    /// <summary>Every (pattern, start index) in <paramref name="text"/>; allocates, for tests and tools.</summary>
    public List<(int Pattern, int Start)> FindAll(ReadOnlySpan<char> text)
    {
        var found = new List<(int, int)>();
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            state = Next(state, text[i]);
            foreach (var p in Outputs(state))
            {
                found.Add((p, i + 1 - _patternLengths[p]));
            }
        }

        return found;
    }
}
