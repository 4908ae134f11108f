using System.Diagnostics;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Persistence;

/// <summary>
/// Counts the database contexts a host opens: it wraps the host's one <see cref="IDbContextFactory{HotlineDbContext}"/>
/// (which the scoped context, the stores and the services all come from) and records, for each context taken while
/// counting, the first Hotline frames of the code that took it.
/// </summary>
public sealed class ContextLeaseCounter
{
    private readonly List<string> _leases = [];
    private readonly Lock _lock = new();

    /// <summary>Whether counting.</summary>
    public bool Counting { get; set; }

    /// <summary>Where each context taken while counting was taken.</summary>
    public IReadOnlyList<string> Leases
    {
        get
        {
            lock (_lock)
                return _leases.ToList();
        }
    }

    /// <summary>Replaces the registered factory with one that counts, around the original.</summary>
    public void Wrap(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IDbContextFactory<HotlineDbContext>));
        services.Remove(original);
        services.AddSingleton<IDbContextFactory<HotlineDbContext>>(sp =>
            new CountingFactory((IDbContextFactory<HotlineDbContext>)original.ImplementationFactory!(sp), this));
    }

    private void Record()
    {
        if (!Counting)
            return;
        var where = string.Join(" < ", new StackTrace().GetFrames()
            .Select(f => f.GetMethod()?.DeclaringType)
            .Where(t => t?.FullName?.StartsWith("Hotline.Host.", StringComparison.Ordinal) == true && t.FullName?.Contains(".Tests.", StringComparison.Ordinal) != true)
            .Select(t => t!.DeclaringType?.Name ?? t.Name)
            .Where(n => n != nameof(CountingFactory))
            .Distinct()
            .Take(4));
        lock (_lock)
            _leases.Add(where);
    }

    private sealed class CountingFactory(IDbContextFactory<HotlineDbContext> inner, ContextLeaseCounter counter) : IDbContextFactory<HotlineDbContext>
    {
        public HotlineDbContext CreateDbContext()
        {
            counter.Record();
            return inner.CreateDbContext();
        }

        public Task<HotlineDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
        {
            counter.Record();
            return inner.CreateDbContextAsync(cancellationToken);
        }
    }
}
