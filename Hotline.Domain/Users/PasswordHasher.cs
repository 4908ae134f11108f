using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hotline.Domain.Users;

/// <summary>
/// Password hashes as <c>pbkdf2-sha256$iterations$salt$hash</c> (base64): PBKDF2 with HMAC-SHA256, a random 16-byte salt
/// per password and 32 bytes of output. Verification is constant-time and reads the count from the hash, so a hash made
/// with another count still verifies and the count can be raised later.
/// </summary>
/// <remarks>
/// One per process (a singleton service); the host's is <see cref="Default"/>. The count is not a setting: nothing in
/// configuration can weaken it. Tests register one with a small count (every test signs people in, and each hash at the
/// default count costs ~100 ms of CPU), which only code can do.
/// </remarks>
public sealed class PasswordHasher
{
    /// <summary>PBKDF2 iterations for new hashes (OWASP's 2023 figure for PBKDF2-HMAC-SHA256 is 600,000; this is a hotline with rate-limited sign-in behind a gateway, 210,000 keeps a sign-in near 100 ms on 2 cores).</summary>
    public const int DefaultIterations = 210_000;

    private const string Scheme = "pbkdf2-sha256";

    private readonly Lazy<string> _unknownUserHash;

    /// <summary>A hasher whose new hashes take <paramref name="iterations"/> rounds.</summary>
    public PasswordHasher(int iterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        Iterations = iterations;
        _unknownUserHash = new(() => Hash(Guid.NewGuid().ToString()));
    }

    /// <summary>The host's hasher: <see cref="DefaultIterations"/> rounds.</summary>
    public static PasswordHasher Default { get; } = new(DefaultIterations);

    /// <summary>The rounds of a new hash.</summary>
    public int Iterations { get; }

    /// <summary>
    /// A hash of a random password, made once: a sign-in for a name that has no account verifies against it, so that it
    /// takes as long as one that has.
    /// </summary>
    public string UnknownUserHash => _unknownUserHash.Value;

    /// <summary>Hashes a password.</summary>
    public string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Whether <paramref name="password"/> matches <paramref name="stored"/>; false for a malformed hash.</summary>
    public static bool Verify(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
            return false;
        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
