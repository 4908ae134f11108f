using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Calendar;

/// <summary>Registers the working-day calendar.</summary>
public static class CalendarServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="CalendarOptions"/> from <c>Hotline:Calendar</c> (validated on start), the database-backed
    /// <see cref="ICalendarYearStore"/> and the singleton <see cref="CalendarService"/>. Needs <c>AddHotlinePersistence</c>.
    /// Features that depend on the calendar register their <see cref="ICalendarYearListener"/>s themselves.
    /// </summary>
    public static IServiceCollection AddHotlineCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(CalendarService)))
            return services;
        services.AddOptions<CalendarOptions>()
            .Bind(configuration.GetSection(CalendarOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CalendarOptions>, CalendarOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICalendarYearStore, EfCalendarYearStore>();
        services.TryAddSingleton<CalendarService>();
        return services;
    }
}
