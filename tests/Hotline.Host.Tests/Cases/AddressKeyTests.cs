using Hotline.Domain.Cases;

namespace Hotline.Host.Tests.Cases;

public class AddressKeyTests
{
    [Theory]
    [InlineData("东湖区 新华路12号", "东湖区新华路１２号")]
    [InlineData("新华路12号院3号楼", "新华路12号院，3号楼。")]
    [InlineData("Jinxiu Garden B-3", "jinxiu garden b3")]
    public void Should_GiveTheSameKey_When_AddressesDifferOnlyInSpacingWidthOrPunctuation(string a, string b) =>
        Assert.Equal(AddressKey.Normalize(a), AddressKey.Normalize(b));

    [Fact]
    public void Should_GiveDifferentKeys_When_HouseNumbersDiffer() =>
        Assert.NotEqual(AddressKey.Normalize("新华路12号"), AddressKey.Normalize("新华路21号"));

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("，。")]
    public void Should_GiveNoKey_When_NothingIsLeft(string? address) => Assert.Null(AddressKey.Normalize(address));
}
