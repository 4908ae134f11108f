using Hotline.Domain.Indicators;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// In the DI namespace, like the framework's own AddX methods, so Program.cs needs no using for it.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the indicators and the daily report.</summary>
public static class IndicatorsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IndicatorOptions"/> bound from <c>Hotline:Indicators</c> (validated on start),
    /// <see cref="IndicatorService"/> with its snapshots (<see cref="IndicatorSnapshotStore"/>, refreshed by <see cref="IndicatorSnapshotRefresher"/>), <see cref="DailyReportService"/> and <see cref="VolumeSeriesService"/>. Needs <c>AddHotlinePersistence</c> and
    /// <c>AddHotlineCalendar</c> (the time zone and working days come from the calendar).
    /// </summary>
    public static IServiceCollection AddHotlineIndicators(this IServiceCollection services)
    {
        services.AddOptions<IndicatorOptions>().BindConfiguration(IndicatorOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IndicatorOptions>, IndicatorOptionsValidator>());
        services.TryAddSingleton<IndicatorSnapshotStore>();
        services.TryAddSingleton<IndicatorService>();
        services.TryAddSingleton<IndicatorSnapshotRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<IndicatorSnapshotRefresher>());
        services.TryAddSingleton<DailyReportService>();
        services.TryAddSingleton<VolumeSeriesService>();
        return services;
    }
}
