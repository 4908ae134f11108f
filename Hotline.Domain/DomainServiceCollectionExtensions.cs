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
        services.AddOptions<Hotline.Domain.Quality.QualityOptions>().Bind(configuration.GetSection(Hotline.Domain.Quality.QualityOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Hotline.Domain.Quality.QualityOptions>, Hotline.Domain.Quality.QualityOptionsValidator>());
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
        // 好差评: the reply's one-time rating link and the public page's service.
        services.AddOptions<Hotline.Domain.Rating.RatingOptions>().Bind(configuration.GetSection(Hotline.Domain.Rating.RatingOptions.SectionName))
            .Configure(o => o.PublicBaseUrl = configuration[Hotline.Domain.Rating.RatingOptions.PublicBaseUrlKey] ?? o.PublicBaseUrl).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Hotline.Domain.Rating.RatingOptions>, Hotline.Domain.Rating.RatingOptionsValidator>());
        services.TryAddScoped<Hotline.Domain.Rating.CitizenRatings>();
        // The outbox asks for a reply's link when it writes the citizen's text message.
        services.TryAddSingleton<Hotline.Domain.Outbox.RatingLinkIssuer>(sp => (db, @case, at, ct) =>
            Hotline.Domain.Rating.RatingLinks.IssueAsync(db, @case, sp.GetRequiredService<IOptions<Hotline.Domain.Rating.RatingOptions>>().Value, at, ct));
        services.AddOptions<InboxOptions>().Bind(configuration.GetSection(InboxOptions.SectionName));
        // Deadlines are counted on the calendar, and counted again when a calendar year is loaded.
        services.AddHotlineCalendar(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Scoped<Hotline.Domain.Calendar.ICalendarYearListener, Hotline.Domain.Deadlines.ProvisionalDeadlineRecomputer>());
        return services;
    }
}
