using System.Security.Cryptography;
using System.Text;

namespace Hotline.Domain;

/// <summary>Bearer secrets handed to people (sign-in tokens, rating links): random, URL-safe, and kept only as a hash.</summary>
public static class SecretTokens
{
    /// <summary>A new secret: 256 random bits, base64url without padding (43 characters).</summary>
    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The stored form of a secret (hex SHA-256): secrets themselves are never kept.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
