using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hotline.Domain.Attachments;
using Hotline.Domain.Inbox;
using Hotline.Host.Tests.Api;
using Hotline.Host.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Attachments;

/// <summary>Attachments over HTTP: who may upload and download, what content is refused, and how it is stored.</summary>
public abstract class CaseAttachmentTests : IAsyncLifetime
{
    /// <summary>The limit of this host: small, so an over-size file is cheap.</summary>
    public const int Limit = 4096;

    private LifecycleHost _host = null!;
    private HttpClient _integrator = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)), OnPostgreSql,
            services => services.PostConfigure<AttachmentOptions>(o => o.MaxBytes = Limit));
        await ApiCity.SeedAsync(_host.Contexts);
        _integrator = _host.Factory.CreateIntegratorClient();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>A PNG's signature followed by <paramref name="size"/> − 8 bytes of <paramref name="fill"/>.</summary>
    public static byte[] Png(int size = 64, byte fill = 7)
    {
        var bytes = Enumerable.Repeat(fill, size).ToArray();
        new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>A multipart body with one file part.</summary>
    public static MultipartFormDataContent Files(string part, params (string Name, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
            content.Add(new ByteArrayContent(bytes), part, name);
        return content;
    }

    private async Task<string> CaseAsync()
    {
        using var response = await _integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<string>();
    }

    /// <summary>A multipart body with one file part and the task the unit answers.</summary>
    private static MultipartFormDataContent Answer(string taskId, string name, byte[] bytes)
    {
        var content = Files("file", (name, bytes));
        content.Add(new StringContent(taskId), "taskId");
        return content;
    }

    /// <summary>The task of case <paramref name="number"/> that unit DH-CG (its lead unit) is working on.</summary>
    private async Task<string> UnitTaskAsync(string number)
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        var caseId = await db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
        return await db.InboxTasks.Where(InboxTask.Pending).Where(t => t.CaseId == caseId && t.UnitCode == "DH-CG").Select(t => t.TaskId).SingleAsync();
    }

    private async Task<List<Attachment>> RowsAsync()
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        return await db.Attachments.AsNoTracking().ToListAsync();
    }

    private string[] StoredFiles() =>
        Directory.Exists(_host.Factory.AttachmentsDirectory)
            ? Directory.GetFiles(_host.Factory.AttachmentsDirectory, "*", SearchOption.AllDirectories)
            : [];

    [Fact]
    public async Task Should_give_the_lead_units_user_the_same_bytes_When_an_operator_attached_a_photo()
    {
        var number = await CaseAsync();
        var operatorClient = await _host.Factory.CreateUserClientAsync("sl-li", ["operator"]);
        var unit = await _host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");
        var photo = Png();

        using var uploaded = await operatorClient.PostAsync($"/api/cases/{number}/attachments", Files("file", ("现场照片.png", photo)));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var listed = Assert.Single((await unit.GetFromJsonAsync<JsonArray>($"/api/cases/{number}/attachments"))!)!;
        using var download = await unit.GetAsync(listed["downloadUrl"]!.GetValue<string>());

        Assert.Equal(("现场照片.png", "image/png", "Intake", 64L), (listed["fileName"]!.GetValue<string>(), listed["contentType"]!.GetValue<string>(),
            listed["purpose"]!.GetValue<string>(), listed["size"]!.GetValue<long>()));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(photo, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("现场照片.png", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Should_answer_404_When_another_units_user_lists_downloads_or_uploads()
    {
        var number = await CaseAsync();
        var operatorClient = await _host.Factory.CreateUserClientAsync("sl-li", ["operator"]);
        var stranger = await _host.Factory.CreateUserClientAsync("zj-chen", ["unit"], "DH-ZJ");
        using var uploaded = await operatorClient.PostAsync($"/api/cases/{number}/attachments", Files("file", ("a.png", Png())));
        var id = (await uploaded.Content.ReadFromJsonAsync<JsonArray>())![0]!["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/cases/{number}/attachments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/cases/{number}/attachments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/cases/{number}/attachments", Files("file", ("b.png", Png(fill: 9))))).StatusCode);
        Assert.Single(await RowsAsync());
    }

    [Fact]
    public async Task Should_refuse_an_executable_named_photo_jpg_naming_file_and_keep_nothing()
    {
        var number = await CaseAsync();
        var operatorClient = await _host.Factory.CreateUserClientAsync("sl-li", ["operator"]);
        var executable = "MZ"u8.ToArray().Concat(new byte[200]).ToArray();

        using var refused = await operatorClient.PostAsync($"/api/cases/{number}/attachments", Files("file", ("photo.jpg", executable)));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("photo.jpg", (await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["file"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await RowsAsync());
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task Should_refuse_a_file_over_the_limit_naming_file_and_keep_no_row_and_no_file()
    {
        var number = await CaseAsync();
        var operatorClient = await _host.Factory.CreateUserClientAsync("sl-li", ["operator"]);

        using var accepted = await operatorClient.PostAsync($"/api/cases/{number}/attachments", Files("file", ("limit.png", Png(Limit))));
        var acceptedKey = (await accepted.Content.ReadFromJsonAsync<JsonArray>())![0]!["sha256"]!.GetValue<string>();
        using var refused = await operatorClient.PostAsync($"/api/cases/{number}/attachments", Files("file", ("big.png", Png(Limit + 1, fill: 3))));

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("larger than 4096 bytes", (await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["file"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(acceptedKey, Assert.Single(await RowsAsync()).Sha256);
        Assert.Equal(acceptedKey, Path.GetFileName(Assert.Single(StoredFiles())));
    }

    [Fact]
    public async Task Should_store_the_content_once_under_its_sha256_When_the_same_file_is_attached_twice()
    {
        var number = await CaseAsync();
        var unit = await _host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");
        var text = "整改情况说明：已清理占道摊位。\n"u8.ToArray();
        var task = await UnitTaskAsync(number);

        using var first = await unit.PostAsync($"/api/cases/{number}/attachments", Answer(task, "说明.txt", text));
        using var second = await unit.PostAsync($"/api/cases/{number}/attachments", Answer(task, "说明-副本.txt", text));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        var rows = await RowsAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal((AttachmentPurpose.Answer, "text/plain"), (r.Purpose, r.ContentType)));
        var key = Convert.ToHexStringLower(SHA256.HashData(text));
        Assert.All(rows, r => Assert.Equal(key, r.Sha256));
        Assert.Equal(key, Path.GetFileName(Assert.Single(StoredFiles())));
    }

    [Fact]
    public async Task Should_refuse_a_units_answer_naming_taskId_When_it_names_no_task_or_one_its_unit_no_longer_works_on()
    {
        var number = await CaseAsync();
        var unit = await _host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");
        var task = await UnitTaskAsync(number);

        using var noTask = await unit.PostAsync($"/api/cases/{number}/attachments", Files("file", ("说明.txt", "已整改"u8.ToArray())));
        await using (var db = await _host.Contexts.CreateDbContextAsync())
            await db.InboxTasks.Where(t => t.TaskId == task).ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, InboxTaskStatus.Cancelled));
        using var endedTask = await unit.PostAsync($"/api/cases/{number}/attachments", Answer(task, "说明.txt", "已整改"u8.ToArray()));

        foreach (var refused in new[] { noTask, endedTask })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull((await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["taskId"]);
        }

        Assert.Empty(await RowsAsync());
    }

    [Fact]
    public async Task Should_sweep_only_content_no_case_refers_to_stored_more_than_a_day_ago()
    {
        var number = await CaseAsync();
        using var attached = await _integrator.PostAsync($"/api/cases/{number}/attachments", Files("file", ("照片.png", Png(64, 1))));
        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        var store = _host.Factory.Services.GetRequiredService<IAttachmentStore>();
        using (var lost = new MemoryStream(Png(64, 2)))
            await store.PutAsync(lost, CancellationToken.None); // bytes of an upload whose save failed
        var sweep = ActivatorUtilities.CreateInstance<Hotline.Host.Scheduling.AttachmentSweepJob>(_host.Factory.Services);

        Assert.Equal(0, await sweep.SweepAsync()); // both were stored just now
        _host.Factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        using (var fresh = new MemoryStream(Png(64, 3)))
            await store.PutAsync(fresh, CancellationToken.None); // an upload whose row is still being saved
        Assert.Equal(1, await sweep.SweepAsync());

        var left = StoredFiles().Select(Path.GetFileName).ToHashSet();
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Png(64, 1))), left);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Png(64, 3))), left);
        Assert.DoesNotContain(Convert.ToHexStringLower(SHA256.HashData(Png(64, 2))), left);
        using var download = await _integrator.GetAsync($"/api/cases/{number}/attachments/{(await RowsAsync()).Single().Id}");
        Assert.Equal(Png(64, 1), await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Should_refuse_a_purpose_the_role_does_not_attach_for_naming_purpose()
    {
        var number = await CaseAsync();
        var unit = await _host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");
        var body = Files("file", ("a.png", Png()));
        body.Add(new StringContent("Instruction"), "purpose");

        using var refused = await unit.PostAsync($"/api/cases/{number}/attachments", body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull((await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["purpose"]);
        Assert.Empty(await RowsAsync());
    }

    private static MultipartFormDataContent Open311Body(string fileName, byte[] media)
    {
        var body = new MultipartFormDataContent();
        foreach (var (name, value) in Open311.Open311TestSupport.ValidFields())
            body.Add(new StringContent(value), name);
        body.Add(new ByteArrayContent(media), "media", fileName);
        return body;
    }

    [Fact]
    public async Task Should_keep_the_media_and_answer_its_download_as_media_url_When_an_Open311_request_is_posted_with_media()
    {
        var photo = Png(fill: 5);

        using var posted = await _host.Factory.CreateClient().PostAsync("/open311/v2/requests.json", Open311Body("现场.png", photo));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var number = (await posted.Content.ReadFromJsonAsync<JsonArray>())![0]!["service_request_id"]!.GetValue<string>();
        var request = (await _host.Factory.CreateClient().GetFromJsonAsync<JsonArray>($"/open311/v2/requests/{number}.json"))![0]!;
        var mediaUrl = new Uri(request["media_url"]!.GetValue<string>());
        using var download = await _integrator.GetAsync(mediaUrl.PathAndQuery);

        Assert.True(mediaUrl.IsAbsoluteUri);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(photo, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(("现场.png", AttachmentPurpose.Open311), Assert.Single(await RowsAsync()) is var row ? (row.FileName, row.Purpose) : default);
    }

    [Fact]
    public async Task Should_refuse_the_Open311_request_and_register_nothing_When_its_media_is_an_executable()
    {
        using var posted = await _host.Factory.CreateClient().PostAsync("/open311/v2/requests.json", Open311Body("photo.jpg", "\u007FELF"u8.ToArray().Concat(new byte[64]).ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.StartsWith("media:", (await posted.Content.ReadFromJsonAsync<JsonArray>())![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        await using var db = await _host.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.Cases.CountAsync());
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task Should_refuse_the_Open311_request_naming_media_When_it_carries_two_media_files()
    {
        var body = Open311Body("a.png", Png());
        body.Add(new ByteArrayContent(Png(fill: 1)), "media", "b.png");

        using var posted = await _host.Factory.CreateClient().PostAsync("/open311/v2/requests.json", body);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal("media: One file at most.", (await posted.Content.ReadFromJsonAsync<JsonArray>())![0]!["description"]!.GetValue<string>());
        Assert.Empty(await RowsAsync());
    }
}

public sealed class SqliteCaseAttachmentTests : CaseAttachmentTests
{
    protected override bool OnPostgreSql => false;
}

public sealed class PostgreSqlCaseAttachmentTests : CaseAttachmentTests
{
    protected override bool OnPostgreSql => true;
}
