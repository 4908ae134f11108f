using Hotline.Domain.Users;

namespace Hotline.Host.Tests.Infrastructure;

/// <summary>The test hosts' password hasher: the host's scheme with 1,000 rounds instead of 210,000.</summary>
internal static class TestPasswords
{
    public static PasswordHasher Hasher { get; } = new(1_000);
}
