using System.Reflection;

namespace Hotline.Host.Tests.Architecture;

/// <summary>The domain assembly, followed through everything it references, reaches no ASP.NET Core and no Quartz.</summary>
public class DomainDependencyTests
{
    [Fact]
    public void Should_reach_no_AspNetCore_or_Quartz_assembly_When_the_domains_references_are_followed()
    {
        var domain = typeof(Hotline.Domain.Cases.Case).Assembly;

        var forbidden = Closure(domain).Where(n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || n.StartsWith("Quartz", StringComparison.Ordinal)).ToList();

        Assert.Empty(forbidden);
        Assert.Contains("Hotline.Workflows", Closure(domain));
        Assert.Contains("Microsoft.AspNetCore.Http.Abstractions", Closure(typeof(Program).Assembly).Where(n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)));
    }

    private static HashSet<string> Closure(Assembly root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>([root]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (!seen.Add(reference.Name ?? ""))
                    continue;
                try
                {
                    pending.Enqueue(Assembly.Load(reference));
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    // Not deployed with the tests (a facade); its name was still recorded.
                }
            }
        }

        return seen;
    }
}
