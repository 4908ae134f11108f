using System.Security.Claims;
using System.Text;
using Hotline.Domain.Administration;
using Hotline.Domain.Audit;
using Hotline.Domain.Knowledge;
using Hotline.Domain.Reference;
using Hotline.Domain.Users;
using Hotline.Host.Tests.Api;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Lifecycle;
using Hotline.Workbench.Administration.Audit;
using Hotline.Workbench.Administration.Import;
using Hotline.Workbench.Administration.Knowledge;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Workbench.Administration;

/// <summary>
/// The 知识库, 数据导入 and 审计日志 screens' ports as the host implements them: an article's review through the port (the
/// author's own approval refused, another administrator's accepted, the audit log's row read back as a diff), a file's dry
/// run then import, and nothing at all for anyone but an administrator.
/// </summary>
public abstract class WorkbenchRecordsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly ClaimsPrincipal Author = WorkbenchPeople.Person("admin-he", HotlineRoles.Administrator);
    private static readonly ClaimsPrincipal Reviewer = WorkbenchPeople.Person("admin-li", HotlineRoles.Administrator);
    private static readonly KnowledgeFields Article = new("KB-7001", null, "占道经营怎么投诉", "门口有人占道摆摊怎么办？", "可拨打12345反映。", "SR-ROAD", "占道", null, null);

    private LifecycleHost _host = null!;

    protected abstract bool OnPostgreSql { get; }

    /// <summary>The city's subjects, and two administrators (so the four-eyes rule applies).</summary>
    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        await ApiCity.SeedAsync(_host.Contexts);
        var users = _host.Factory.Services.GetRequiredService<UserService>();
        foreach (var name in new[] { "admin-he", "admin-li" })
            await users.CreateAsync(new NewUser(name, name, HotlineFactory.UserPassword, [HotlineRoles.Administrator], null));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<T> UseAsync<TPort, T>(Func<TPort, Task<T>> use) where TPort : notnull => WorkbenchPeople.UseAsync(_host.Factory, use);

    private Task<Change<KnowledgeArticle>?> StepAsync(ClaimsPrincipal user, KnowledgeTransition step, int version) =>
        UseAsync<IWorkbenchKnowledge, Change<KnowledgeArticle>?>(k => k.TransitionAsync(user, Article.Id!, step, version, null, default));

    [Fact]
    public async Task Should_refuse_the_authors_approval_and_publish_the_reviewers_with_its_audit_diff_When_an_article_is_reviewed_through_the_port()
    {
        var draft = await UseAsync<IWorkbenchKnowledge, Change<KnowledgeArticle>?>(k => k.SaveAsync(Author, Article, create: true, default));
        var submitted = await StepAsync(Author, KnowledgeTransition.Submit, draft!.Entity!.Version);

        var own = await StepAsync(Author, KnowledgeTransition.Approve, submitted!.Entity!.Version);
        var other = await StepAsync(Reviewer, KnowledgeTransition.Approve, submitted.Entity.Version);

        Assert.Equal(ChangeOutcome.Refused, own!.Outcome);
        Assert.Contains("another administrator reviews", own.Reason, StringComparison.Ordinal);
        Assert.Equal((ChangeOutcome.Done, KnowledgeStatus.Published, "admin-li"), (other!.Outcome, other.Entity!.Status, other.Entity.Reviewer));
        var (rows, total) = await UseAsync<IWorkbenchAudit, (IReadOnlyList<AuditEntry>, int)>(a =>
            a.ListAsync(Reviewer, new AuditFilter(AuditEntityTypes.KnowledgeArticle, "KB-7001", "admin-li", null, null), 1, default));
        var row = Assert.Single(rows);
        Assert.Equal((1, AuditActions.KnowledgePublished), (total, row.Action));
        Assert.Contains(new AuditFieldChange("status", "InReview", "Published"), AuditDiff.Of(row.Before, row.After));
        Assert.Contains(new AuditFieldChange("reviewer", null, "admin-li"), AuditDiff.Of(row.Before, row.After));
    }

    [Fact]
    public async Task Should_change_nothing_on_the_dry_run_and_add_the_subject_on_the_import_When_a_subjects_file_is_checked_then_confirmed()
    {
        var file = Encoding.UTF8.GetBytes("code,name\nSR-NEW,新分类\n");
        Task<ImportAnswer?> ImportAsync(bool dryRun) => UseAsync<IWorkbenchImport, ImportAnswer?>(i =>
            i.ImportAsync(Author, ReferenceKind.Subjects, "分类-2026.csv", new MemoryStream(file), dryRun, default));

        var dryRun = (await ImportAsync(dryRun: true))!.Report!;
        var addedAfterDryRun = await HasSubjectAsync();
        var import = (await ImportAsync(dryRun: false))!.Report!;

        Assert.Equal((true, false, 1), (dryRun.DryRun, dryRun.Applied, Assert.Single(dryRun.Kinds).Added));
        Assert.Empty(dryRun.Problems);
        Assert.False(addedAfterDryRun);
        Assert.True(import.Applied);
        Assert.True(await HasSubjectAsync());
    }

    [Fact]
    public async Task Should_report_the_row_and_column_and_import_nothing_When_a_row_is_wrong()
    {
        var file = Encoding.UTF8.GetBytes("code,name\nSR-BAD,\n");

        var report = (await UseAsync<IWorkbenchImport, ImportAnswer?>(i =>
            i.ImportAsync(Author, ReferenceKind.Subjects, "x.csv", new MemoryStream(file), dryRun: false, default)))!.Report!;

        var problem = Assert.Single(report.Problems);
        Assert.Equal((false, 2, "name"), (report.Applied, problem.Row, problem.Column));
    }

    [Theory]
    [InlineData(HotlineRoles.Supervisor)]
    [InlineData(HotlineRoles.Leader)]
    [InlineData(HotlineRoles.Operator)]
    [InlineData(HotlineRoles.Unit)]
    public async Task Should_give_nothing_and_change_nothing_When_someone_other_than_an_administrator_uses_the_ports(string role)
    {
        var person = WorkbenchPeople.Person("not-admin", role, role == HotlineRoles.Unit ? "DH-CG" : null);
        await UseAsync<IWorkbenchKnowledge, Change<KnowledgeArticle>?>(k => k.SaveAsync(Author, Article, create: true, default));

        Assert.Equal(0, (await UseAsync<IWorkbenchKnowledge, (IReadOnlyList<KnowledgeArticle>, int Total)>(k =>
            k.ListAsync(person, new KnowledgeFilter(null, null, null), 1, default))).Total);
        Assert.Null(await UseAsync<IWorkbenchKnowledge, KnowledgeArticle?>(k => k.FindAsync(person, "KB-7001", default)));
        Assert.Empty(await UseAsync<IWorkbenchKnowledge, IReadOnlyList<KeyValuePair<string, string>>>(k => k.SubjectsAsync(person, default)));
        Assert.Null(await UseAsync<IWorkbenchKnowledge, Change<KnowledgeArticle>?>(k => k.SaveAsync(person, Article with { Id = "KB-7002" }, create: true, default)));
        Assert.Null(await StepAsync(person, KnowledgeTransition.Submit, 1));
        Assert.Null(await UseAsync<IWorkbenchImport, ImportAnswer?>(i =>
            i.ImportAsync(person, ReferenceKind.Subjects, "s.csv", new MemoryStream(Encoding.UTF8.GetBytes("code,name\nSR-NEW,新分类\n")), false, default)));
        Assert.Equal(0, (await UseAsync<IWorkbenchAudit, (IReadOnlyList<AuditEntry>, int Total)>(a =>
            a.ListAsync(person, new AuditFilter(null, null, null, null, null), 1, default))).Total);
        Assert.False(await HasSubjectAsync());
        Assert.Equal(KnowledgeStatus.Draft, (await UseAsync<IWorkbenchKnowledge, KnowledgeArticle?>(k => k.FindAsync(Author, "KB-7001", default)))!.Status);
    }

    private async Task<bool> HasSubjectAsync()
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        return await db.Subjects.AnyAsync(s => s.Code == "SR-NEW");
    }
}

/// <summary>The knowledge, import and audit ports on SQLite.</summary>
public sealed class SqliteWorkbenchRecordsTests : WorkbenchRecordsTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The knowledge, import and audit ports on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlWorkbenchRecordsTests : WorkbenchRecordsTests
{
    protected override bool OnPostgreSql => true;
}
