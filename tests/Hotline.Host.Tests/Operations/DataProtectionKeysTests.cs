using Hotline.Host.Operations.Keys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Operations;

/// <summary>Two hosts (two containers here) read each other's protected data only when they share the key directory.</summary>
public sealed class DataProtectionKeysTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("hotline-keys-");

    [Fact]
    public void Should_unprotect_what_the_other_host_protected_When_both_use_the_shared_key_directory()
    {
        var shared = Path.Combine(_directory.FullName, "shared");
        using var first = Host(shared);
        using var second = Host(shared);

        var token = Protector(first).Protect("anti-forgery");

        Assert.Equal("anti-forgery", Protector(second).Unprotect(token));
        Assert.NotEmpty(Directory.GetFiles(shared, "key-*.xml"));
    }

    [Fact]
    public void Should_refuse_the_other_host_s_data_When_each_keeps_its_own_keys()
    {
        using var first = Host(Path.Combine(_directory.FullName, "a"));
        using var second = Host(Path.Combine(_directory.FullName, "b"));

        var token = Protector(first).Protect("anti-forgery");

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Protector(second).Unprotect(token));
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private static ServiceProvider Host(string keys)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(DataProtectionKeys.KeysDirectoryKey, keys)]).Build();
        return new ServiceCollection().AddLogging().AddHotlineDataProtection(configuration).BuildServiceProvider();
    }

    private static IDataProtector Protector(ServiceProvider host) => host.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
}
