using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Calendar;

/// <summary>Registers the working-day calendar.</summary>
public static class CalendarServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="CalendarOptions"/> from <c>Hotline:Calendar</c> (validated on start), the database-backed
    /// <see cref="ICalendarYearStore"/> and the singleton <see cref="CalendarService"/>. Needs <c>AddHotlinePersistence</c>.
    /// </summary>
    public static IServiceCollection AddHotlineCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CalendarOptions>()
            .Bind(configuration.GetSection(CalendarOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CalendarOptions>, CalendarOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICalendarYearStore, EfCalendarYearStore>();
        services.TryAddSingleton<CalendarService>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ICalendarYearListener, ProvisionalDeadlineRecomputer>());
        return services;
    }
}
