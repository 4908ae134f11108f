using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Tests.Runtime;

public class IdGeneratorTests
{
    [Fact]
    public void Ids_are_sixteen_lower_case_hex_digits_and_do_not_repeat()
    {
        var ids = Enumerable.Range(0, 20_000).Select(_ => IdGenerator.New()).ToList();

        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{16}$", id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        // Every digit appears in every position across 20,000 random ids: the hand-written formatting covers all 64 bits.
        for (var position = 0; position < 16; position++)
            Assert.Equal(16, ids.Select(id => id[position]).Distinct().Count());
    }
}
