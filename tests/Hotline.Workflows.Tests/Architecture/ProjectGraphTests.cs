using System.Xml.Linq;
using Xunit;

namespace Hotline.Workflows.Tests.Architecture;

/// <summary>
/// The project graph, read from the project files: the engine references no other Hotline project and no web, database
/// or scheduling stack; the domain references the engine and no ASP.NET Core or Quartz; the workbench references the
/// domain only; the designer's assets reference no Hotline project. (The assemblies' own reference closures are checked too: <see cref="EngineDependencyTests"/> and
/// the host tests' DomainDependencyTests.)
/// </summary>
public class ProjectGraphTests
{
    [Fact]
    public void Should_reference_no_other_Hotline_project_nor_AspNetCore_EfCore_or_Quartz_When_the_engine_is_built()
    {
        var engine = Project.Read("Hotline.Workflows");

        Assert.Empty(engine.ProjectReferences);
        Assert.Empty(engine.Forbidden(["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Npgsql", "Quartz"]));
        Assert.Equal("Microsoft.NET.Sdk", engine.Sdk);
    }

    [Fact]
    public void Should_reference_only_the_engine_and_no_AspNetCore_or_Quartz_When_the_domain_is_built()
    {
        var domain = Project.Read("Hotline.Domain");

        Assert.Equal(["Hotline.Workflows"], domain.ProjectReferences);
        Assert.Empty(domain.Forbidden(["Microsoft.AspNetCore", "Quartz"]));
        Assert.Equal("Microsoft.NET.Sdk", domain.Sdk);
    }

    [Fact]
    public void Should_reference_only_the_domain_and_no_EfCore_provider_or_Quartz_When_the_workbench_is_built()
    {
        var workbench = Project.Read("Hotline.Workbench");

        // Not the host (the host references it): the rules it needs come from the domain or through ports the host implements.
        Assert.Equal(["Hotline.Domain"], workbench.ProjectReferences);
        Assert.Empty(workbench.Forbidden(["Microsoft.EntityFrameworkCore", "Npgsql", "Quartz"]));
        Assert.Equal("Microsoft.NET.Sdk.Razor", workbench.Sdk);
    }

    [Fact]
    public void Should_reference_no_Hotline_project_When_the_designer_assets_are_built()
    {
        Assert.Empty(Project.Read("Hotline.Designer").ProjectReferences);
    }

    [Fact]
    public void Should_report_the_web_sdk_and_forbidden_packages_When_a_project_file_has_them()
    {
        var project = Project.Parse("""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <ItemGroup>
                <ProjectReference Include="../Hotline.Workflows/Hotline.Workflows.csproj" />
                <PackageReference Include="Quartz" />
                <PackageReference Include="Jint" />
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
              </ItemGroup>
            </Project>
            """);

        Assert.Equal("Microsoft.NET.Sdk.Web", project.Sdk);
        Assert.Equal(["Hotline.Workflows"], project.ProjectReferences);
        Assert.Equal(["Microsoft.AspNetCore.App", "Quartz"], project.Forbidden(["Microsoft.AspNetCore", "Quartz"]));
    }

    private sealed record Project(string Sdk, IReadOnlyList<string> ProjectReferences, IReadOnlyList<string> Packages)
    {
        public static Project Read(string name) => Parse(File.ReadAllText(TestEngine.RepositoryPath(name, name + ".csproj")));

        public static Project Parse(string xml)
        {
            var root = XDocument.Parse(xml).Root!;
            string[] Includes(string element) => root.Descendants(element).Select(e => (string?)e.Attribute("Include") ?? "").ToArray();
            return new Project(
                (string?)root.Attribute("Sdk") ?? "",
                Includes("ProjectReference").Select(p => Path.GetFileNameWithoutExtension(p.Replace('\\', '/'))).Order(StringComparer.Ordinal).ToList(),
                Includes("PackageReference").Concat(Includes("FrameworkReference")).Order(StringComparer.Ordinal).ToList());
        }

        /// <summary>The packages and framework references whose names start with one of <paramref name="prefixes"/>; the web SDK counts as ASP.NET Core.</summary>
        public List<string> Forbidden(string[] prefixes) =>
            Packages.Where(p => prefixes.Any(prefix => p.StartsWith(prefix, StringComparison.Ordinal)))
                .Concat(Sdk == "Microsoft.NET.Sdk.Web" && prefixes.Contains("Microsoft.AspNetCore") && !Packages.Contains("Microsoft.AspNetCore.App") ? ["Microsoft.NET.Sdk.Web"] : [])
                .ToList();
    }
}
