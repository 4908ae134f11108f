using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Hotline.Domain.Quality;

/// <summary>What the centre checks again (三查).</summary>
public enum QualitySample
{
    /// <summary>查工单: a closed case's handling.</summary>
    Case,

    /// <summary>查回访: a satisfied callback, by a second call.</summary>
    Callback,
}

/// <summary>
/// Whether a case is sampled for a quality check: a hash of the case's id and the kind of check, read as a number in
/// [0, 1), below the share. The same case is always picked again for the same share (a rerun, a second round after a
/// failed check), a larger share picks every case a smaller one did, and 1 picks all, 0 none.
/// </summary>
public static class QualitySampling
{
    /// <summary>Whether <paramref name="caseId"/> is in the <paramref name="share"/> sampled for <paramref name="sample"/>.</summary>
    public static bool IsSampled(Guid caseId, QualitySample sample, double share) => share > 0 && Position(caseId, sample) < share;

    /// <summary>The case's place in [0, 1) for a kind of check.</summary>
    public static double Position(Guid caseId, QualitySample sample)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{sample}:{caseId:D}"));
        // The top 53 bits: exactly representable in a double, so the position is uniform and below 1.
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) / (double)(1UL << 53);
    }
}
