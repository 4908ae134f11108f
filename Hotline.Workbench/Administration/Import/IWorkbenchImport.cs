using System.Security.Claims;
using Hotline.Domain.Reference;

namespace Hotline.Workbench.Administration.Import;

/// <summary>
/// Reference data loaded from a file for the 数据导入 screen, as <c>POST /api/admin/reference/import</c> loads it: the
/// host implements this port with the same <see cref="ReferenceImporter"/> (all or nothing, the dry run, the audit).
/// Administrators only.
/// </summary>
public interface IWorkbenchImport
{
    /// <summary>Where the screen's download links point: the export of one kind (<c>{0}</c> the kind's word, <c>{1}</c> xlsx or csv).</summary>
    public const string ExportPath = "/admin/import/export/{0}?format={1}";

    /// <summary>
    /// Checks (<paramref name="dryRun"/>) or imports the file <paramref name="content"/> of <paramref name="kind"/> in the
    /// format its name <paramref name="fileName"/> ends with; null (nothing read) for anyone but an administrator.
    /// </summary>
    Task<ImportAnswer?> ImportAsync(ClaimsPrincipal user, ReferenceKind kind, string fileName, Stream content, bool dryRun, CancellationToken cancellationToken);
}

/// <summary>What an import did: its report, or that the data changed meanwhile (nothing was changed; import again).</summary>
public sealed record ImportAnswer(ReferenceReport? Report, bool ChangedMeanwhile = false);
