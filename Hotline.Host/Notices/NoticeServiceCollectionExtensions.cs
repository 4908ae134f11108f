using Hotline.Domain.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Notices;

/// <summary>Registers the delivery channels (e-mail, SMS gateway; each on when configured) and the outbox worker.</summary>
public static class NoticeServiceCollectionExtensions
{
    /// <summary>Adds <see cref="EmailChannel"/>, <see cref="HttpSmsGateway"/> (settings checked on start) and <see cref="OutboxWorker"/>.</summary>
    public static IServiceCollection AddHotlineNoticeDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        services.AddOptions<SmsOptions>().Bind(configuration.GetSection(SmsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmsOptions>, SmsOptionsValidator>());
        services.AddHttpClient(HttpSmsGateway.ClientName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INoticeChannel, EmailChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INoticeChannel, HttpSmsGateway>());
        services.AddHostedService<OutboxWorker>();
        return services;
    }
}
