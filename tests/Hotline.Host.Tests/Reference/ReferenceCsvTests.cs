using System.Text;
using Hotline.Domain.Knowledge;
using Hotline.Domain.Reference;
using Hotline.Domain.Routing;

namespace Hotline.Host.Tests.Reference;

/// <summary>CSV files as Excel on a Chinese Windows saves them (GB18030), and CSV exports that no spreadsheet runs as formulas.</summary>
public sealed class ReferenceCsvTests
{
    static ReferenceCsvTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Should_read_the_chinese_names_intact_When_a_csv_file_is_saved_in_GB18030()
    {
        var lines = ReferenceFiles.DemoLines("subjects");
        var gbk = Encoding.GetEncoding(54936).GetBytes(string.Join("\n", lines) + "\n");

        var content = ReferenceReader.Read("subjects.csv", new MemoryStream(gbk));
        var utf8 = ReferenceReader.Read("subjects.csv", new MemoryStream(ReferenceFiles.Csv(lines)));

        Assert.Empty(content.Problems);
        Assert.Equal(utf8.Rows.Select(r => ((Subject)r.Entity).Name), content.Rows.Select(r => ((Subject)r.Entity).Name));
        Assert.Contains(content.Rows, r => ((Subject)r.Entity).Name == "占道经营");
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"点击\")")]
    [InlineData("@SUM(1+1)")]
    [InlineData("+86 电话")]
    [InlineData("-2+3")]
    public async Task Should_write_a_formula_as_text_and_read_it_back_unchanged_When_a_csv_export_holds_one(string answer)
    {
        var article = new KnowledgeArticle { Id = "KB-F", Title = "标题", Question = "问题", Answer = answer, Keywords = "k", UpdatedAt = DateTimeOffset.UnixEpoch };
        using var output = new MemoryStream();

        await ReferenceExporter.WriteAsync(ReferenceLayout.For(ReferenceKind.Knowledge), [article], ReferenceFormat.Csv, output);
        var csv = Encoding.UTF8.GetString(output.ToArray());
        var read = ReferenceReader.Read("knowledge.csv", new MemoryStream(output.ToArray()));

        Assert.Contains("'" + answer[0], csv, StringComparison.Ordinal);
        Assert.Equal(answer, ((KnowledgeArticle)Assert.Single(read.Rows).Entity).Answer);
    }
}
