using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Cases;

/// <summary>A new case as duplicate detection sees it.</summary>
/// <param name="CitizenPhone">The caller's telephone, in any format.</param>
/// <param name="DistrictCode">The district of the place.</param>
/// <param name="Address">The place, as written.</param>
/// <param name="SubjectCode">The subject.</param>
/// <param name="At">When the new case arrived; the window ends here.</param>
/// <param name="ExcludeCaseId">The new case itself, if already saved.</param>
/// <param name="ConfinedToDistrict">Only cases of this district (a sub-centre's operator sees no other district's cases).</param>
public sealed record DuplicateQuery(string? CitizenPhone, string? DistrictCode, string? Address, string? SubjectCode, DateTimeOffset At, Guid? ExcludeCaseId = null,
    string? ConfinedToDistrict = null);

/// <summary>Why a case looks like a duplicate.</summary>
[Flags]
public enum DuplicateReason
{
    /// <summary>Not a duplicate.</summary>
    None = 0,

    /// <summary>The same caller (telephone).</summary>
    SameCaller = 1,

    /// <summary>The same subject at the same address in the same district.</summary>
    SamePlaceAndSubject = 2,
}

/// <summary>An open case that looks like the new one.</summary>
public sealed record DuplicateCandidate(Guid CaseId, string Number, DuplicateReason Reason, CaseStatus Status, string? SubjectCode, string? LeadUnitCode, DateTimeOffset CreatedAt);

/// <summary>
/// Finds open cases a new case may repeat (重复诉求): by the same caller, or about the same subject at the same place,
/// registered within <see cref="CaseOptions.DuplicateWindow"/> before it. The operator is told and links them.
/// </summary>
/// <remarks>
/// Two queries, each served by an index of <see cref="Case"/>: (CitizenPhone, CreatedAt) and
/// (SubjectCode, DistrictCode, AddressKey, CreatedAt). One query with OR would read both ranges through neither index.
/// The place match needs an address: a subject and district alone would link every noise complaint of a district.
/// <para>Reads through the scope's context: a workflow burst's, or a request's.</para>
/// </remarks>
public sealed class DuplicateFinder(HotlineDbContext db, IOptions<CaseOptions> options)
{
    /// <summary>The most candidates returned, newest first.</summary>
    public const int MaxCandidates = 20;

    /// <summary>Open cases in the window that match, newest first; a case matching both ways appears once with both reasons.</summary>
    public async Task<IReadOnlyList<DuplicateCandidate>> FindAsync(DuplicateQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var until = query.At.ToUniversalTime();
        var from = until - options.Value.DuplicateWindow;
        var phone = PhoneNumbers.Normalize(query.CitizenPhone);
        var addressKey = AddressKey.Normalize(query.Address);
        var found = new Dictionary<Guid, DuplicateCandidate>();

        if (phone is not null)
        {
            var byCaller = await Open(db, query)
                .Where(c => c.CitizenPhone == phone && c.CreatedAt >= from && c.CreatedAt <= until)
                .OrderByDescending(c => c.CreatedAt)
                .Take(MaxCandidates)
                .Select(c => new DuplicateCandidate(c.Id, c.Number, DuplicateReason.SameCaller, c.Status, c.SubjectCode, c.LeadUnitCode, c.CreatedAt))
                .ToListAsync(cancellationToken);
            foreach (var candidate in byCaller)
                found[candidate.CaseId] = candidate;
        }

        if (query.SubjectCode is not null && query.DistrictCode is not null && addressKey is not null)
        {
            var byPlace = await Open(db, query)
                .Where(c => c.SubjectCode == query.SubjectCode && c.DistrictCode == query.DistrictCode && c.AddressKey == addressKey &&
                    c.CreatedAt >= from && c.CreatedAt <= until)
                .OrderByDescending(c => c.CreatedAt)
                .Take(MaxCandidates)
                .Select(c => new DuplicateCandidate(c.Id, c.Number, DuplicateReason.SamePlaceAndSubject, c.Status, c.SubjectCode, c.LeadUnitCode, c.CreatedAt))
                .ToListAsync(cancellationToken);
            foreach (var candidate in byPlace)
                found[candidate.CaseId] = found.TryGetValue(candidate.CaseId, out var both)
                    ? both with { Reason = both.Reason | DuplicateReason.SamePlaceAndSubject }
                    : candidate;
        }

        return found.Values.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Number, StringComparer.Ordinal).Take(MaxCandidates).ToList();
    }

    private static IQueryable<Case> Open(HotlineDbContext db, DuplicateQuery query)
    {
        var cases = db.Cases.AsNoTracking().Where(Case.Open);
        if (query.ConfinedToDistrict is { } district)
            cases = cases.Where(c => c.DistrictCode == district);
        return query.ExcludeCaseId is { } id ? cases.Where(c => c.Id != id) : cases;
    }
}
