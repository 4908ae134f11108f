using System.Security.Cryptography;
using System.Text;

namespace Hotline.Host.Notices;

/// <summary>
/// How a request to the SMS gateway is signed, so the gateway can tell it came from this hotline and was not replayed
/// later: header <see cref="TimestampHeader"/> carries the Unix time in seconds, header <see cref="SignatureHeader"/>
/// <c>sha256=</c> and the lower-case hex HMAC-SHA256, keyed with the secret, of the timestamp, a full stop and the body.
/// </summary>
public static class SmsSignature
{
    /// <summary>The request's time header.</summary>
    public const string TimestampHeader = "X-Hotline-Timestamp";

    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-Hotline-Signature";

    /// <summary>The signature of <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, string timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>Whether <paramref name="signature"/> is that of <paramref name="body"/> (compared in constant time).</summary>
    public static bool Verify(string secret, string timestamp, string body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
