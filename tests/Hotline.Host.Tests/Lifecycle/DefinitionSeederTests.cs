using Hotline.Host.Workflows;
using Hotline.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Lifecycle;

/// <summary>The shipped definitions are published on start, once, and never over an administrator's versions.</summary>
public sealed class DefinitionSeederTests : IAsyncLifetime
{
    /// <summary>The definitions the case-lifecycle issue asks for, one file each in <c>definitions/</c>.</summary>
    private static readonly string[] Shipped =
        ["accept", "dispatch", "handle", "reply", "callback", "escalate", "case-lifecycle", "category-deadlines", "escalation-13710", "recompute-deadline"];

    public static TheoryData<string> ShippedIds => [.. Shipped];

    private LifecycleHost _host = null!;

    public async Task InitializeAsync() => _host = await LifecycleHost.StartAsync(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_publish_version_1_of_every_shipped_definition_When_the_host_starts()
    {
        foreach (var id in Shipped)
        {
            var published = await _host.Runtime.Definitions.FindPublishedAsync(id);
            Assert.True(published is { Version: 1 }, $"{id} is not published as version 1.");
        }
    }

    [Fact]
    public async Task Should_leave_an_administrators_newer_version_alone_When_seeding_again()
    {
        var model = WorkflowDefinitionReader.ReadFile(LifecycleHost.DefinitionPath("category-deadlines"));
        model.Document["description"] = "edited by an administrator";
        await new WorkflowDefinitionService(_host.Runtime).SaveAndPublishAsync(model);
        var seeder = _host.Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DefinitionSeeder>().Single();

        var seeded = await seeder.SeedAsync(seeder.ResolveFolder()!);

        Assert.Empty(seeded);
        var versions = await _host.Runtime.Definitions.ListVersionsAsync("category-deadlines");
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal("edited by an administrator", versions.Single(v => v.IsPublished).Document["description"]?.GetValue<string>());
    }

    [Fact]
    public async Task Should_seed_nothing_When_no_shipped_file_changed()
    {
        Assert.Empty(await Seeder.SeedAsync(Seeder.ResolveFolder()!));

        var published = await _host.Runtime.Definitions.FindPublishedAsync("handle");
        Assert.Equal(1, published!.Version);
        Assert.NotNull(DefinitionSeeder.ShippedHash(published));
    }

    [Fact]
    public async Task Should_publish_the_changed_file_as_the_next_version_When_a_release_changes_a_shipped_definition_nobody_edited()
    {
        var folder = CopyOfShippedFolder();
        try
        {
            ChangeDescription(folder, "category-deadlines", "2027 edition");

            Assert.Equal(["category-deadlines"], await Seeder.SeedAsync(folder));

            var versions = await _host.Runtime.Definitions.ListVersionsAsync("category-deadlines");
            Assert.Equal([1, 2], versions.Select(v => v.Version));
            var published = versions.Single(v => v.IsPublished);
            Assert.Equal(2, published.Version);
            Assert.Equal("2027 edition", published.Document["description"]?.GetValue<string>());
            Assert.NotEqual(DefinitionSeeder.ShippedHash(versions[0]), DefinitionSeeder.ShippedHash(published));
            // The next start finds it up to date.
            Assert.Empty(await Seeder.SeedAsync(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Should_leave_a_version_saved_in_the_designer_alone_When_a_release_changes_its_shipped_file()
    {
        // What the Studio loads and saves back, unchanged but for the name: it does not carry the shipped hash.
        var shipped = (await _host.Runtime.Definitions.FindPublishedAsync("category-deadlines"))!;
        var model = Hotline.Host.Elsa.ElsaMapping.ToWorkflowDefinition(shipped);
        Assert.Null(model["customProperties"]?[DefinitionSeeder.ShippedHashProperty]);
        model["customProperties"]![DefinitionSeeder.ShippedHashProperty] = DefinitionSeeder.ShippedHash(shipped);
        model["name"] = "Category deadlines (city edition)";
        var saved = await _host.Factory.Services.GetRequiredService<Hotline.Host.Elsa.ElsaDefinitionService>().SaveAsync(model, publish: true);
        Assert.Null(saved.Errors);
        Assert.Null(DefinitionSeeder.ShippedHash(saved.Definition!));
        var folder = CopyOfShippedFolder();
        try
        {
            ChangeDescription(folder, "category-deadlines", "2027 edition");

            Assert.Empty(await Seeder.SeedAsync(folder));

            var versions = await _host.Runtime.Definitions.ListVersionsAsync("category-deadlines");
            Assert.Equal([1, 2], versions.Select(v => v.Version));
            Assert.Equal("Category deadlines (city edition)", versions.Single(v => v.IsPublished).Name);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Should_ship_exactly_the_lifecycle_definitions_When_the_definitions_folder_is_listed()
    {
        var folder = Path.GetDirectoryName(LifecycleHost.DefinitionPath("accept"))!;
        var files = Directory.GetFiles(folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order();

        Assert.Equal(Shipped.Order(), files);
    }

    [Theory]
    [MemberData(nameof(ShippedIds))]
    public void Should_have_an_Elsa_flowchart_with_designer_positions_When_a_shipped_definition_is_read(string definitionId)
    {
        var definition = WorkflowDefinitionReader.ReadFile(LifecycleHost.DefinitionPath(definitionId));

        Assert.Equal(definitionId, definition.DefinitionId);
        var root = definition.Document["root"]!;
        Assert.Equal("Elsa.Flowchart", root["type"]?.GetValue<string>());
        Assert.All(root["activities"]!.AsArray(), a => Assert.NotNull(a!["metadata"]?["designer"]?["position"]?["x"]));
        var positions = root["activities"]!.AsArray().Select(a => a!["metadata"]!["designer"]!["position"]!.ToJsonString()).ToList();
        Assert.True(positions.Count == positions.Distinct().Count(), $"{definitionId}: two activities are drawn on the same spot.");
    }

    private DefinitionSeeder Seeder => _host.Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DefinitionSeeder>().Single();

    /// <summary>A temporary copy of <c>definitions/</c>, as a new release would ship it.</summary>
    private static string CopyOfShippedFolder()
    {
        var folder = Directory.CreateTempSubdirectory("hotline-definitions-").FullName;
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(LifecycleHost.DefinitionPath("accept"))!, "*.json"))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return folder;
    }

    private static void ChangeDescription(string folder, string definitionId, string description)
    {
        var path = Path.Combine(folder, definitionId + ".json");
        var document = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        document["description"] = description;
        File.WriteAllText(path, document.ToJsonString());
    }

    [Fact]
    public void Should_find_the_repository_definitions_folder_When_no_path_is_configured()
    {
        var seeder = _host.Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DefinitionSeeder>().Single();

        Assert.Equal(Path.GetDirectoryName(LifecycleHost.DefinitionPath("accept")), seeder.ResolveFolder());
    }
}
