using Hotline.Domain.Calendar;
using Hotline.Domain.Persistence;
using Hotline.Host.Tests.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Indicators;

/// <summary>A <see cref="CaseDatabase"/> with the calendar and indicator services, its clock on 10 April 2026.</summary>
internal static class IndicatorDatabase
{
    /// <summary>The clock decides which periods have ended (their snapshots are kept); it also stands in for the calendar's cache and seeding.</summary>
    private static readonly DateTimeOffset Start = new(2026, 4, 10, 2, 0, 0, TimeSpan.Zero);

    public static Task<CaseDatabase> CreateAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null) =>
        CaseDatabase.CreateAsync(provider, settings, (services, configuration) =>
        {
            services.AddHotlineCalendar(configuration);
            services.AddHotlineIndicators();
        }, Start);
}
