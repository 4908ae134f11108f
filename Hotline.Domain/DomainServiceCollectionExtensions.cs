using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Domain.Knowledge;
using Hotline.Domain.Routing;
using Hotline.Domain.Calendar;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// In the DI namespace, like the framework's own AddX methods, so Program.cs needs no using for it.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the hotline's case domain: cases, units and routing, the knowledge base and the task inbox.</summary>
public static class CasesServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="CaseOptions"/> and <see cref="RoutingOptions"/> (validated on start), the case, routing,
    /// duplicate and knowledge-base services (scoped: they read through the scope's context, a burst's or a request's)
    /// and the inbox's options. Needs
    /// <c>AddHotlinePersistence</c>. Reference data (units, subjects, rules, articles) is never loaded here: an
    /// administrator imports it (<c>Hotline.Domain.Reference</c>), and <c>demo seed</c> the demo city's files.
    /// </summary>
    public static IServiceCollection AddHotlineCases(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CaseOptions>().Bind(configuration.GetSection(CaseOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CaseOptions>, CaseOptionsValidator>());
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection(RoutingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoutingOptions>, RoutingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddScoped<CaseNumberGenerator>();
        services.TryAddScoped<DuplicateFinder>();
        services.TryAddScoped<RoutingService>();
        services.TryAddScoped<KnowledgeBase>();
        services.TryAddScoped<Hotline.Domain.Audit.AuditLog>();
        // Administrators' edits of the reference data, each saved with its audit row.
        services.TryAddScoped<Hotline.Domain.Administration.VersionedChanges>();
        services.TryAddScoped<UnitAdministration>();
        services.TryAddScoped<SubjectAdministration>();
        services.TryAddScoped<RoutingRuleAdministration>();
        services.TryAddScoped<KnowledgeAdministration>();
        services.TryAddScoped<Hotline.Domain.Outbox.NoticeTemplateAdministration>();
        services.TryAddScoped<CaseInstructions>();
        services.AddHotlineAttachments(configuration);
        Hotline.Domain.Outbox.OutboxServiceCollectionExtensions.AddHotlineOutbox(services, configuration);
        services.AddOptions<InboxOptions>().Bind(configuration.GetSection(InboxOptions.SectionName));
        // Deadlines are counted on the calendar, and counted again when a calendar year is loaded.
        services.AddHotlineCalendar(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Scoped<Hotline.Domain.Calendar.ICalendarYearListener, Hotline.Domain.Deadlines.ProvisionalDeadlineRecomputer>());
        return services;
    }
}
