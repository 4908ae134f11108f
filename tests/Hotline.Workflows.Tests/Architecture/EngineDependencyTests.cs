using System.Reflection;
using Xunit;

namespace Hotline.Workflows.Tests.Architecture;

/// <summary>The engine stays independent of the host's web, database and scheduling stacks (STYLE.md).</summary>
public class EngineDependencyTests
{
    private static readonly string[] ForbiddenPrefixes = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Quartz"];

    [Fact]
    public void Should_ReferenceNoAspNetCoreEfCoreOrQuartz_When_EngineReferencesAreFollowedTransitively()
    {
        Assert.Empty(ForbiddenReferences(Assembly.Load("Hotline.Workflows")));
    }

    [Fact]
    public void Should_ReportOnlyForbiddenNames_When_ReferencesMixAllowedAndForbidden()
    {
        AssemblyName[] references =
        [
            new("System.Runtime"),
            new("Microsoft.AspNetCore.Http.Abstractions"),
            new("Microsoft.Extensions.Logging.Abstractions"),
            new("Microsoft.EntityFrameworkCore"),
            new("Quartz"),
            new("Jint"),
        ];

        string[] expected = ["Microsoft.AspNetCore.Http.Abstractions", "Microsoft.EntityFrameworkCore", "Quartz"];
        Assert.Equal(expected, ForbiddenReferences(references));
    }

    /// <summary>Forbidden names among the assemblies <paramref name="root"/> references, directly or through others.</summary>
    public static IReadOnlyList<string> ForbiddenReferences(Assembly root) => ForbiddenReferences(ReferenceClosure(root));

    /// <summary>Forbidden names among <paramref name="references"/>, sorted.</summary>
    public static IReadOnlyList<string> ForbiddenReferences(IEnumerable<AssemblyName> references) =>
        references
            .Select(reference => reference.Name ?? "")
            .Where(name => ForbiddenPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    private static List<AssemblyName> ReferenceClosure(Assembly root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var closure = new List<AssemblyName>();
        var pending = new Queue<Assembly>([root]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (!seen.Add(reference.Name ?? ""))
                {
                    continue;
                }

                closure.Add(reference);
                try
                {
                    pending.Enqueue(Assembly.Load(reference));
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    // Not deployed with the tests (e.g. a facade); its name was still checked above.
                }
            }
        }

        return closure;
    }
}
