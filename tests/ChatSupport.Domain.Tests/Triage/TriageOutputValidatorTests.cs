using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Triage;

namespace ChatSupport.Domain.Tests.Triage;

public sealed class TriageOutputValidatorTests
{
    private const string Valid = """{"level":"high","categories":["suicidal","bullying"],"rationale":"希死念慮の表現があり、いじめの継続にも触れている。","confidence":0.8}""";

    [Fact]
    public void ValidAnswer_BecomesAJudgementWithVersionAndModel_ETH09()
    {
        var result = TriageOutputValidator.Validate(Valid, "v1", "test-model");
        Assert.True(result.IsValid);
        var j = result.Judgement!;
        Assert.Equal(RiskLevel.High, j.Level);
        Assert.Equal([SupportCategory.Suicidal, SupportCategory.Bullying], j.Categories);
        Assert.Equal(0.8, j.Confidence);
        Assert.Equal("v1", j.PromptVersion);
        Assert.Equal("test-model", j.Model);
    }

    [Fact]
    public void AnswerInOneJsonCodeFence_IsAccepted() =>
        Assert.True(TriageOutputValidator.Validate("```json\n" + Valid + "\n```", "v1", "m").IsValid);

    [Theory]
    [InlineData("", TriageRejection.Empty)]
    [InlineData("高いと思います", TriageRejection.NotJson)]
    [InlineData("{\"level\":\"high\"", TriageRejection.NotJson)]
    [InlineData("Sure! ```json {} ```", TriageRejection.NotJson)]
    [InlineData("[1,2]", TriageRejection.NotAnObject)]
    [InlineData("""{"level":"urgent","categories":[],"rationale":"切迫している。","confidence":0.5}""", TriageRejection.UnknownLevel)]
    [InlineData("""{"level":"High","categories":[],"rationale":"切迫している。","confidence":0.5}""", TriageRejection.UnknownLevel)]
    [InlineData("""{"level":3,"categories":[],"rationale":"切迫している。","confidence":0.5}""", TriageRejection.UnknownLevel)]
    [InlineData("""{"level":"high","categories":["sadness"],"rationale":"切迫している。","confidence":0.5}""", TriageRejection.UnknownCategory)]
    [InlineData("""{"level":"high","categories":[],"rationale":"切迫している。","confidence":1.5}""", TriageRejection.BadConfidence)]
    [InlineData("""{"level":"high","categories":[],"rationale":"切迫している。","confidence":"high"}""", TriageRejection.BadConfidence)]
    [InlineData("""{"level":"high","categories":[],"rationale":"切迫している。"}""", TriageRejection.MissingField)]
    [InlineData("""{"level":"high","categories":[],"rationale":"切迫している。","confidence":0.5,"reply":"大丈夫？"}""", TriageRejection.UnknownField)]
    [InlineData("""{"level":"high","level":"low","categories":[],"rationale":"切迫している。","confidence":0.5}""", TriageRejection.UnknownField)]
    [InlineData("""{"level":"high","categories":[],"rationale":"The person is at risk.","confidence":0.5}""", TriageRejection.RationaleNotJapanese)]
    public void BadAnswers_AreRejected_ETH06(string raw, TriageRejection expected)
    {
        var result = TriageOutputValidator.Validate(raw, "v1", "m");
        Assert.False(result.IsValid);
        Assert.Equal(expected, result.Rejection);
    }

    [Fact]
    public void HugeAnswer_IsRejected_ETH06()
    {
        var raw = Valid[..^1] + ",\"x\":\"" + new string('あ', 5000) + "\"}";
        Assert.Equal(TriageRejection.TooLarge, TriageOutputValidator.Validate(raw, "v1", "m").Rejection);
    }

    [Fact]
    public void LongRationale_IsRejected_ETH06()
    {
        var raw = $$"""{"level":"high","categories":[],"rationale":"{{new string('危', 201)}}","confidence":0.5}""";
        Assert.Equal(TriageRejection.RationaleTooLong, TriageOutputValidator.Validate(raw, "v1", "m").Rejection);
    }

    [Theory]
    [InlineData("あなたは一人じゃないよ。")]
    [InlineData("つらかったね。話してくれてありがとう。")]
    [InlineData("君は悪くない。")]
    [InlineData("大丈夫だよ、相談窓口に電話してみてね")]
    [InlineData("You should call 110. 危険です")]
    public void Validator_RejectsTextAddressedToThePerson_ETH01(string rationale)
    {
        var raw = $$"""{"level":"critical","categories":[],"rationale":"{{rationale}}","confidence":0.9}""";
        Assert.Equal(TriageRejection.AddressesThePerson, TriageOutputValidator.Validate(raw, "v1", "m").Rejection);
    }

    [Theory]
    [InlineData("「助けてください」と繰り返しており、切迫している可能性がある。")]
    [InlineData("具体的な方法と時刻に触れており、早急な対応が必要と考えられる。")]
    [InlineData("冗談の文脈で「死ぬ」と書いており、危険のしるしはない。")]
    public void ThirdPersonRationales_AreAccepted(string rationale)
    {
        var raw = $$"""{"level":"high","categories":[],"rationale":"{{rationale}}","confidence":0.9}""";
        Assert.True(TriageOutputValidator.Validate(raw, "v1", "m").IsValid);
    }
}
