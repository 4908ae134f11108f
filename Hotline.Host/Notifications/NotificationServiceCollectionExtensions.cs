using Hotline.Workbench.Notifications;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Notifications;

/// <summary>Registers live notifications: the options, this host's hub and poller, and the workbench's port.</summary>
public static class NotificationServiceCollectionExtensions
{
    /// <summary>Adds <see cref="NotificationHub"/>, <see cref="NotificationPoller"/> and <see cref="INotificationFeed"/>.</summary>
    public static IServiceCollection AddHotlineNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.SectionName))
            .Validate(o => !o.Errors().Any(), "Hotline:Notifications has settings out of range (PollInterval 10 ms–10 s, SignForLeadTime 1 min–1 day, SignForCheckInterval ≥ 1 s).")
            .ValidateOnStart();
        services.AddSingleton<NotificationHub>();
        services.AddSingleton<NotificationPoller>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationPoller>());
        services.AddScoped<INotificationFeed, WorkbenchNotifications>();
        services.AddTransient<SignForSoonJob>();
        return services;
    }
}
