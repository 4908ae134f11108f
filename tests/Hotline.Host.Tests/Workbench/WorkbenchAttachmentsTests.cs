using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Hotline.Domain.Attachments;
using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Users;
using Hotline.Host.Tests.Api;
using Hotline.Host.Tests.Attachments;
using Hotline.Host.Tests.Lifecycle;
using Hotline.Workbench.Attachments;
using Hotline.Workbench.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Workbench;

/// <summary>
/// The desks' uploads (<see cref="IWorkbenchAttachments"/> as the host implements it) keep the attachment API's rules:
/// each role attaches for its own step, a case out of sight is not found, the type is read from the bytes and the size
/// counted while read; a kept file is on the case's timeline with its download, as an upload over HTTP is.
/// </summary>
public abstract class WorkbenchAttachmentsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private LifecycleHost _host = null!;
    private string _number = "";

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql, services => services.PostConfigure<AttachmentOptions>(o => o.MaxBytes = CaseAttachmentTests.Limit));
        await ApiCity.SeedAsync(_host.Contexts);
        using var integrator = _host.Factory.CreateIntegratorClient();
        using var created = await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint());
        _number = (await created.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<string>();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static ClaimsPrincipal LeadUnit => WorkbenchPeople.Person("cg-li", HotlineRoles.Unit, "DH-CG");

    private async Task<AttachOutcome> AttachAsync(ClaimsPrincipal user, AttachmentPurpose purpose, byte[] bytes, string fileName = "现场照片.png", string? taskId = null, string? number = null)
    {
        using var content = new MemoryStream(bytes);
        return await WorkbenchPeople.UseAsync<IWorkbenchAttachments, AttachOutcome>(
            _host.Factory, a => a.AttachAsync(user, number ?? _number, purpose, taskId, content, fileName, default));
    }

    private async Task<string> LeadTaskAsync()
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        return await db.InboxTasks.Where(t => t.UnitCode == "DH-CG").Select(t => t.TaskId).FirstAsync();
    }

    private async Task<(List<Attachment> Rows, List<CaseEvent> Added)> StoredAsync()
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        return (await db.Attachments.AsNoTracking().ToListAsync(),
            await db.CaseEvents.AsNoTracking().Where(e => e.Kind == CaseEventKind.AttachmentAdded).ToListAsync());
    }

    [Fact]
    public async Task Should_keep_the_photo_on_the_answer_and_show_it_on_the_timeline_with_its_download_When_the_lead_unit_attaches_it()
    {
        var task = await LeadTaskAsync();

        var outcome = await AttachAsync(LeadUnit, AttachmentPurpose.Answer, CaseAttachmentTests.Png(), taskId: task);
        var sheet = await WorkbenchPeople.UseAsync<IWorkbenchCases, CaseSheet?>(_host.Factory, c => c.FindAsync(LeadUnit, _number, default));

        Assert.Equal(AttachStatus.Attached, outcome.Status);
        var (rows, added) = await StoredAsync();
        var row = Assert.Single(rows);
        Assert.Equal((AttachmentPurpose.Answer, task, "cg-li", 64L), (row.Purpose, row.TaskId, row.UploadedBy, row.Size));
        Assert.Equal(new AttachmentAddedData(row.Id, "现场照片.png", AttachmentPurpose.Answer), CaseEventData.Read<AttachmentAddedData>(Assert.Single(added).Data));
        var url = CasePaths.Attachment(_number, row.Id);
        Assert.Equal(new AttachedFile(row.Id, "现场照片.png", 64, url), outcome.File);
        var moment = Assert.Single(sheet!.Timeline, m => m.Kind == CaseEventKind.AttachmentAdded);
        Assert.Equal(("现场照片.png", url), (moment.Note, moment.Url));
        Assert.Equal(url, Assert.Single(sheet.Attachments).Url);
    }

    [Theory]
    [InlineData(HotlineRoles.Operator, AttachmentPurpose.Intake)]
    [InlineData(HotlineRoles.Dispatcher, AttachmentPurpose.Intake)]
    [InlineData(HotlineRoles.CallbackAgent, AttachmentPurpose.Callback)]
    [InlineData(HotlineRoles.Supervisor, AttachmentPurpose.Instruction)]
    [InlineData(HotlineRoles.Leader, AttachmentPurpose.Instruction)]
    public async Task Should_keep_the_file_When_a_desks_role_attaches_for_its_own_step(string role, AttachmentPurpose purpose)
    {
        var outcome = await AttachAsync(WorkbenchPeople.Person("desk", role), purpose, "通话录音说明\n"u8.ToArray(), "说明.txt");

        Assert.Equal(AttachStatus.Attached, outcome.Status);
        var (rows, added) = await StoredAsync();
        Assert.Equal((purpose, "text/plain"), (Assert.Single(rows).Purpose, rows[0].ContentType));
        Assert.Single(added);
    }

    [Theory]
    [InlineData(HotlineRoles.Unit, AttachmentPurpose.Instruction)]
    [InlineData(HotlineRoles.CallbackAgent, AttachmentPurpose.Answer)]
    [InlineData(HotlineRoles.Operator, AttachmentPurpose.Callback)]
    [InlineData(HotlineRoles.Supervisor, AttachmentPurpose.Intake)]
    [InlineData(HotlineRoles.Administrator, AttachmentPurpose.Intake)]
    public async Task Should_refuse_and_keep_nothing_When_the_role_does_not_attach_for_that_step(string role, AttachmentPurpose purpose)
    {
        var user = WorkbenchPeople.Person("desk", role, role == HotlineRoles.Unit ? "DH-CG" : null);

        var outcome = await AttachAsync(user, purpose, CaseAttachmentTests.Png());

        Assert.Equal(AttachStatus.Forbidden, outcome.Status);
        Assert.False(await WorkbenchPeople.UseAsync<IWorkbenchAttachments, bool>(_host.Factory, a => Task.FromResult(a.MayAttach(user, purpose))));
        var (rows, added) = await StoredAsync();
        Assert.Empty(rows);
        Assert.Empty(added);
    }

    [Fact]
    public async Task Should_answer_not_found_and_keep_nothing_When_another_unit_or_another_district_attaches()
    {
        var otherUnit = await AttachAsync(WorkbenchPeople.Person("zj-chen", HotlineRoles.Unit, "DH-ZJ"), AttachmentPurpose.Answer, CaseAttachmentTests.Png());
        var otherDistrict = await AttachAsync(WorkbenchPeople.Person("xh-op", HotlineRoles.Operator, districtCode: "990199"), AttachmentPurpose.Intake, CaseAttachmentTests.Png());
        var unknown = await AttachAsync(LeadUnit, AttachmentPurpose.Answer, CaseAttachmentTests.Png(), number: "12345-NONE");

        Assert.Equal((AttachStatus.NotFound, AttachStatus.NotFound, AttachStatus.NotFound), (otherUnit.Status, otherDistrict.Status, unknown.Status));
        var (rows, added) = await StoredAsync();
        Assert.Empty(rows);
        Assert.Empty(added);
    }

    [Fact]
    public async Task Should_refuse_an_executable_named_photo_jpg_and_a_file_over_the_limit_and_keep_nothing()
    {
        var task = await LeadTaskAsync();
        var executable = await AttachAsync(LeadUnit, AttachmentPurpose.Answer, "MZ"u8.ToArray().Concat(new byte[200]).ToArray(), "photo.jpg", taskId: task);
        var tooLarge = await AttachAsync(LeadUnit, AttachmentPurpose.Answer, CaseAttachmentTests.Png(CaseAttachmentTests.Limit + 1), "big.png", taskId: task);
        var notItsTask = await AttachAsync(LeadUnit, AttachmentPurpose.Answer, CaseAttachmentTests.Png(), taskId: "no-such-task");
        var noTask = await AttachAsync(LeadUnit, AttachmentPurpose.Answer, CaseAttachmentTests.Png());

        Assert.Equal((AttachStatus.NotAccepted, AttachStatus.TooLarge, AttachStatus.NotATask, AttachStatus.NotATask),
            (executable.Status, tooLarge.Status, notItsTask.Status, noTask.Status));
        Assert.Contains("photo.jpg", executable.Detail, StringComparison.Ordinal);
        var (rows, added) = await StoredAsync();
        Assert.Empty(rows);
        Assert.Empty(added);
        Assert.False(Directory.Exists(_host.Factory.AttachmentsDirectory) && Directory.EnumerateFiles(_host.Factory.AttachmentsDirectory, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task Should_record_the_same_timeline_event_When_files_are_uploaded_over_HTTP()
    {
        using var operatorClient = await _host.Factory.CreateUserClientAsync("sl-li", ["operator"]);

        using var uploaded = await operatorClient.PostAsync($"/api/cases/{_number}/attachments",
            CaseAttachmentTests.Files("file", ("a.png", CaseAttachmentTests.Png()), ("b.png", CaseAttachmentTests.Png(fill: 9))));
        var timeline = await operatorClient.GetFromJsonAsync<JsonObject>($"/api/cases/{_number}");

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var (rows, added) = await StoredAsync();
        Assert.Equal(rows.OrderBy(r => r.FileName).Select(r => new AttachmentAddedData(r.Id, r.FileName, AttachmentPurpose.Intake)),
            added.OrderBy(e => e.Sequence).Select(e => CaseEventData.Read<AttachmentAddedData>(e.Data)));
        Assert.Equal(2, timeline!["timeline"]!.AsArray().Count(e => e!["kind"]!.GetValue<string>() == nameof(CaseEventKind.AttachmentAdded)));
    }
}

public sealed class SqliteWorkbenchAttachmentsTests : WorkbenchAttachmentsTests
{
    protected override bool OnPostgreSql => false;
}

public sealed class PostgreSqlWorkbenchAttachmentsTests : WorkbenchAttachmentsTests
{
    protected override bool OnPostgreSql => true;
}
