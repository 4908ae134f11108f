using Hotline.Domain.Administration;
using Hotline.Domain.Audit;
using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Routing;

/// <summary>A subject as an administrator sends it; every field is replaced.</summary>
/// <param name="Code">The code, its key (required to create; it never changes).</param>
/// <param name="Version">The version read (updates only).</param>
/// <param name="Name">The name (required).</param>
/// <param name="ParentCode">The category it belongs to; empty for a top-level category.</param>
/// <param name="CaseTypes">The case types it accepts (at least one).</param>
/// <param name="DefaultCaseType">The type offered first, one of <paramref name="CaseTypes"/>; default the first of them.</param>
public sealed record SubjectFields(string? Code, int? Version, string? Name, string? ParentCode, List<CaseType>? CaseTypes, CaseType? DefaultCaseType);

/// <summary>
/// Administrators' edits of the subject taxonomy (scoped): the parent must exist and the taxonomy stays a tree; the
/// default case type is one the subject accepts.
/// </summary>
public sealed class SubjectAdministration(HotlineDbContext db, VersionedChanges changes)
{
    /// <summary>Subjects by code, optionally only the children of <paramref name="parentCode"/>, paged.</summary>
    public async Task<(List<Subject> Items, int Total)> ListAsync(string? parentCode, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = db.Subjects.AsNoTracking();
        if (parentCode is not null)
            query = query.Where(s => s.ParentCode == parentCode);
        return (await query.OrderBy(s => s.Code).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken), await query.CountAsync(cancellationToken));
    }

    /// <summary>One subject, or null.</summary>
    public Task<Subject?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.Code == code, cancellationToken);

    /// <summary>Adds a subject; a code already taken is refused.</summary>
    public async Task<Change<Subject>> CreateAsync(string actor, SubjectFields fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Codes.Check(fields.Code, "code", errors);
        var subject = new Subject { Code = fields.Code?.Trim() ?? "" };
        if (await ApplyAsync(subject, fields, errors, cancellationToken) is { } invalid)
            return invalid;
        if (await db.Subjects.AnyAsync(s => s.Code == subject.Code, cancellationToken))
            return Change<Subject>.Refused($"There is already a subject '{subject.Code}'; change it instead.");
        return await changes.CreateAsync(actor, AuditActions.SubjectCreated, AuditEntityTypes.Subject, subject.Code, subject, cancellationToken);
    }

    /// <summary>Replaces a subject's fields, if <see cref="SubjectFields.Version"/> is current and no loop results.</summary>
    public async Task<Change<Subject>> UpdateAsync(string actor, string code, SubjectFields fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        VersionedChanges.RequireVersion(fields.Version, errors);
        Codes.CheckSameKey(fields.Code, code, "code", errors);
        return await changes.UpdateAsync<Subject>(actor, AuditActions.SubjectUpdated, AuditEntityTypes.Subject, code, fields.Version, async subject =>
        {
            if (errors.Count == 0 && Codes.Trimmed(fields.ParentCode) is { } parent && parent != subject.ParentCode)
            {
                var parents = await db.Subjects.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.ParentCode, StringComparer.Ordinal, cancellationToken);
                if (TreeCycles.Find(parents, subject.Code, parent, "subject") is { } cycle)
                    return Change<Subject>.Refused(cycle);
            }

            return await ApplyAsync(subject, fields, errors, cancellationToken);
        }, cancellationToken);
    }

    private async Task<Change<Subject>?> ApplyAsync(Subject subject, SubjectFields fields, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        Codes.CheckText(fields.Name, "name", 100, errors);
        var parent = Codes.Trimmed(fields.ParentCode);
        if (parent == subject.Code)
            errors["parentCode"] = ["A subject cannot be its own category."];
        else if (parent is not null && !await db.Subjects.AnyAsync(s => s.Code == parent, cancellationToken))
            errors["parentCode"] = [$"There is no subject '{parent}'."];
        var types = fields.CaseTypes?.Distinct().ToList() ?? [];
        if (types.Count == 0 || types.Any(t => !Enum.IsDefined(t)))
            errors["caseTypes"] = [$"Required: one or more of {string.Join(", ", Enum.GetNames<CaseType>())}."];
        var defaultType = fields.DefaultCaseType ?? types.FirstOrDefault();
        if (types.Count > 0 && !types.Contains(defaultType))
            errors["defaultCaseType"] = [$"'{defaultType}' is not one of the subject's case types ({string.Join(", ", types)})."];
        if (errors.Count > 0)
            return Change<Subject>.Invalid(errors);
        subject.Name = fields.Name!.Trim();
        subject.ParentCode = parent;
        subject.CaseTypes = types;
        subject.DefaultCaseType = defaultType;
        return null;
    }
}
