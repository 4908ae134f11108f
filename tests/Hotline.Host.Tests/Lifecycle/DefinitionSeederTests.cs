using Hotline.Host.Workflows;
using Hotline.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Lifecycle;

/// <summary>The shipped definitions are published on start, once, and never over an administrator's versions.</summary>
public sealed class DefinitionSeederTests : IAsyncLifetime
{
    private static readonly string[] Shipped = ["accept", "case-lifecycle", "category-deadlines"];

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

    [Theory]
    [InlineData("accept")]
    [InlineData("case-lifecycle")]
    [InlineData("category-deadlines")]
    public void Should_have_an_Elsa_flowchart_with_designer_positions_When_a_shipped_definition_is_read(string definitionId)
    {
        var definition = WorkflowDefinitionReader.ReadFile(LifecycleHost.DefinitionPath(definitionId));

        Assert.Equal(definitionId, definition.DefinitionId);
        var root = definition.Document["root"]!;
        Assert.Equal("Elsa.Flowchart", root["type"]?.GetValue<string>());
        Assert.All(root["activities"]!.AsArray(), a => Assert.NotNull(a!["metadata"]?["designer"]?["position"]?["x"]));
    }

    [Fact]
    public void Should_find_the_repository_definitions_folder_When_no_path_is_configured()
    {
        var seeder = _host.Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DefinitionSeeder>().Single();

        Assert.Equal(Path.GetDirectoryName(LifecycleHost.DefinitionPath("accept")), seeder.ResolveFolder());
    }
}
