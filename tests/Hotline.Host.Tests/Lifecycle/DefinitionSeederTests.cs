using Hotline.Host.Workflows;
using Hotline.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Lifecycle;

/// <summary>The shipped definitions are published on start, once, and never over an administrator's versions.</summary>
public sealed class DefinitionSeederTests : IAsyncLifetime
{
    /// <summary>The definitions the case-lifecycle issue asks for, one file each in <c>definitions/</c>.</summary>
    private static readonly string[] Shipped =
        ["accept", "dispatch", "handle", "reply", "callback", "escalate", "case-lifecycle", "category-deadlines", "escalation-13710"];

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

    [Fact]
    public void Should_find_the_repository_definitions_folder_When_no_path_is_configured()
    {
        var seeder = _host.Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DefinitionSeeder>().Single();

        Assert.Equal(Path.GetDirectoryName(LifecycleHost.DefinitionPath("accept")), seeder.ResolveFolder());
    }
}
