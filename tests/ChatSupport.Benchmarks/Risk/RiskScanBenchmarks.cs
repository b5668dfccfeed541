using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Benchmarks.Risk;

/// <summary>
/// Full risk scan (normalize + match + score) against a compiled Regex alternation of the same lexicon
/// terms and a SearchValues&lt;string&gt; loop, over about 1 MB (UTF-8) of generated Japanese chat in
/// 140-character messages. Results are per message (OperationsPerInvoke).
/// Run: dotnet run -c Release --project tests/ChatSupport.Benchmarks -- --filter '*RiskScan*' --job short
/// </summary>
[MemoryDiagnoser]
public class RiskScanBenchmarks
{
    public const int MessageCount = 2500;
    public const int MessageLength = 140;

    private string[] _messages = [];
    private RiskScanner _scanner = null!;
    private Regex _regex = null!;
    private SearchValues<string> _searchValues = null!;

    [GlobalSetup]
    public void Setup()
    {
        var engine = RiskEngine.CreateDefault();
        _scanner = engine.CreateScanner();
        var terms = engine.Lexicon.Entries.SelectMany(e => e.Terms.Concat(e.With)).Distinct(StringComparer.Ordinal)
            .OrderByDescending(t => t.Length).ToArray();
        _regex = new Regex(string.Join('|', terms.Select(Regex.Escape)), RegexOptions.Compiled | RegexOptions.CultureInvariant);
        _searchValues = SearchValues.Create(terms, StringComparison.Ordinal);
        _messages = ChatCorpus.Generate(MessageCount, MessageLength, seed: 20260201);

        var bytes = _messages.Sum(m => Encoding.UTF8.GetByteCount(m));
        Console.WriteLine($"// corpus: {MessageCount} messages x {MessageLength} chars, {bytes:N0} UTF-8 bytes, {terms.Length} terms");
        foreach (var m in _messages)
        {
            _scanner.Scan(m);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = MessageCount)]
    public int FullScan()
    {
        var sum = 0;
        foreach (var m in _messages)
        {
            sum += (int)_scanner.Scan(m).Level;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = MessageCount)]
    public int RegexAlternation()
    {
        var count = 0;
        foreach (var m in _messages)
        {
            foreach (var _ in _regex.EnumerateMatches(m))
            {
                count++;
            }
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = MessageCount)]
    public int SearchValuesLoop()
    {
        var count = 0;
        foreach (var m in _messages)
        {
            var span = m.AsSpan();
            var offset = 0;
            while (true)
            {
                var i = span[offset..].IndexOfAny(_searchValues);
                if (i < 0)
                {
                    break;
                }

                count++;
                offset += i + 1;
            }
        }

        return count;
    }
}

/// <summary>Deterministic, realistic-looking Japanese chat: casual talk, worries, slang, emoji, some risk.</summary>
internal static class ChatCorpus
{
    private static readonly string[] Fragments =
    [
        "今日部活まじでしんどかった〜", "明日のテストやばいｗｗ", "推しの配信みてた😭✨", "バイト先の店長ほんと無理",
        "ねえ聞いて、", "友達とケンカしちゃって気まずい", "親に進路のこと言われてもやもやする", "ｶﾞﾁで眠い、、、",
        "駅前のカフェ新しくできたって！", "課題おわらん死ぬｗ", "最近なんか疲れたかも", "LINE既読つかないんだけど",
        "ごはん食べた？", "週末どこ行く？", "しにたいとか思っちゃう日もある", "消えたいって思うときある",
        "先輩に無視されてる気がする", "お金なくて今月ピンチ", "夜ぜんぜん寝れない", "ｗｗｗ", "笑", "それな〜",
        "このゲーム神すぎる", "やっぱ帰りたくないな", "電車遅延してて草", "模試の結果きた", "ありがとう！助かった",
        "💊のみすぎないようにね", "リスカのあと隠すのしんどい", "クラスLINEから外されてた", "彼氏に束縛されてつらい",
        "今から会える？", "昨日のドラマ見た？", "髪切った💇", "お腹すいた〜", "相談ってここでいいの？",
    ];

    public static string[] Generate(int count, int length, int seed)
    {
        var random = new Random(seed);
        var messages = new string[count];
        var sb = new StringBuilder(length * 2);
        for (var i = 0; i < count; i++)
        {
            sb.Clear();
            while (sb.Length < length)
            {
                sb.Append(Fragments[random.Next(Fragments.Length)]);
                sb.Append(random.Next(4) switch { 0 => "。", 1 => " ", 2 => "！", _ => string.Empty });
            }

            // Cut at 140 chars without splitting a surrogate pair.
            var cut = length;
            if (char.IsHighSurrogate(sb[cut - 1]))
            {
                cut--;
            }

            messages[i] = sb.ToString(0, cut);
        }

        return messages;
    }
}
