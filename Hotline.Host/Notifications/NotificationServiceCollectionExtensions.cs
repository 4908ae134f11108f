using Hotline.Workbench.Notifications;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Notifications;

/// <summary>Registers live notifications: the options, this host's hub and poller, and the workbench's port.</summary>
public static class NotificationServiceCollectionExtensions
{
    /// <summary>Adds <see cref="NotificationHub"/>, <see cref="NotificationPoller"/> and <see cref="INotificationFeed"/>.</summary>
    public static IServiceCollection AddHotlineNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>());
        services.AddSingleton<NotificationHub>();
        services.AddSingleton<NotificationPoller>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationPoller>());
        services.AddScoped<INotificationFeed, WorkbenchNotifications>();
        services.AddTransient<SignForSoonJob>();
        services.AddTransient<NotificationPurgeJob>();
        return services;
    }
}
