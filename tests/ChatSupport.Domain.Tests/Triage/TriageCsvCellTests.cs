using ChatSupport.Domain.Triage;

namespace ChatSupport.Domain.Tests.Triage;

public sealed class TriageCsvCellTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("＝HYPERLINK(\"x\")", "\"'＝HYPERLINK(\"\"x\"\")\"")]
    [InlineData("＋81", "'＋81")]
    [InlineData("－1", "'－1")]
    [InlineData("＠SUM(A1)", "'＠SUM(A1)")]
    [InlineData("\n=cmd", "\"'\n=cmd\"")]
    [InlineData("\r\n＝1", "\"'\r\n＝1\"")]
    [InlineData("　＝1", "'　＝1")]
    public void Formula_like_cells_are_neutralised_in_both_widths_and_after_a_leading_line_break(string value, string expected) =>
        Assert.Equal(expected, TriageCsv.Cell(value));

    [Theory]
    [InlineData("ふつうの理由", "ふつうの理由")]
    [InlineData("a,b", "\"a,b\"")]
    public void Ordinary_cells_are_unchanged_except_for_quoting(string value, string expected) =>
        Assert.Equal(expected, TriageCsv.Cell(value));
}
