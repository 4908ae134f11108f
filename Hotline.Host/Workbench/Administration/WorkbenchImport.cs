using System.Security.Claims;
using Hotline.Domain.Persistence;
using Hotline.Domain.Reference;
using Hotline.Domain.Users;
using Hotline.Host.Api;
using Hotline.Workbench.Administration.Import;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Workbench.Administration;

/// <summary>
/// The 数据导入 screen's port: <see cref="ReferenceImporter"/>, as <c>POST /api/admin/reference/import</c> uses it, for
/// administrators only; and its download links, <c>/admin/import/export/{kind}</c>, answered by the export API's own
/// handler on a path the workbench's session signs in (the data paths take API keys and bearer tokens only).
/// </summary>
internal sealed class WorkbenchImport(IDbContextFactory<HotlineDbContext> contexts, TimeProvider clock) : IWorkbenchImport
{
    public async Task<ImportAnswer?> ImportAsync(ClaimsPrincipal user, ReferenceKind kind, string fileName, Stream content, bool dryRun, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(HotlineRoles.Administrator))
            return null;
        // The importer knows a file's kind by its name: the kind picked on the screen, in the format the file has.
        var name = ReferenceFileNames.Word(kind) + Path.GetExtension(fileName);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return new(await new ReferenceImporter(db, clock).ImportAsync([new ReferenceFile(name, content)], dryRun, actor: Caller.Name(user), cancellationToken: cancellationToken));
        }
        catch (DbUpdateException)
        {
            return new(null, ChangedMeanwhile: true);
        }
    }

    /// <summary>Maps the download links (administrators).</summary>
    public static IEndpointRouteBuilder MapWorkbenchExport(IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/import/export/{kind}", ReferenceApi.ExportAsync)
            .RequireAuthorization(p => p.RequireRole(HotlineRoles.Administrator)).ExcludeFromDescription();
        return app;
    }
}
