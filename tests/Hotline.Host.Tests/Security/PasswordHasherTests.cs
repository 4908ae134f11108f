using Hotline.Domain.Users;
using Hotline.Host.Security;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Security;

/// <summary>
/// Passwords: the host hashes new ones with 210,000 PBKDF2 rounds (no setting can lower it), a hash verifies under any
/// hasher whatever its own count, and nothing but the right password matches. The test hosts use a 1,000-round hasher
/// (<see cref="TestPasswords"/>); this is where the host's own is checked.
/// </summary>
public sealed class PasswordHasherTests
{
    [Fact]
    public void Should_register_the_210000_round_hasher_When_the_hosts_security_services_are_added()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hotline:Security:PasswordIterations"] = "1",
            ["Hotline:Security:PasswordHasher:Iterations"] = "1",
        }).Build();
        var services = new ServiceCollection();

        services.AddHotlineSecurity(configuration);
        var registered = Assert.Single(services, d => d.ServiceType == typeof(PasswordHasher));

        Assert.Same(PasswordHasher.Default, registered.ImplementationInstance);
        Assert.Equal(210_000, PasswordHasher.Default.Iterations);
    }

    [Fact]
    public void Should_store_the_scheme_and_round_count_and_match_only_the_password_When_a_password_is_hashed()
    {
        var stored = PasswordHasher.Default.Hash("correct-horse-battery");
        var parts = stored.Split('$');

        Assert.Equal(["pbkdf2-sha256", "210000"], parts[..2]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
        Assert.True(PasswordHasher.Verify("correct-horse-battery", stored));
        Assert.False(PasswordHasher.Verify("correct-horse-batterY", stored));
        Assert.NotEqual(stored, PasswordHasher.Default.Hash("correct-horse-battery"));
    }

    [Fact]
    public void Should_verify_by_the_hashs_own_round_count_When_it_was_made_with_another()
    {
        var fewRounds = TestPasswords.Hasher.Hash("correct-horse-battery");

        Assert.StartsWith("pbkdf2-sha256$1000$", fewRounds, StringComparison.Ordinal);
        Assert.True(PasswordHasher.Verify("correct-horse-battery", fewRounds));
        Assert.False(PasswordHasher.Verify("correct-horse-battery", fewRounds.Replace("$1000$", "$1001$", StringComparison.Ordinal)));
        Assert.False(PasswordHasher.Verify("correct-horse-battery", "pbkdf2-sha256$0$AAAA$AAAA"));
        Assert.False(PasswordHasher.Verify("correct-horse-battery", "md5$1$AAAA$AAAA"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PasswordHasher(0));
    }
}
