using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Outbox;

/// <summary>Registers the outbox: its settings, the writer hook and the delivery (the channels are the host's).</summary>
public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="DeliveryOptions"/> (checked on start), <see cref="OutboxDelivery"/> and the
    /// <see cref="OutboxWriter"/> the database contexts use, which writes messages for the registered
    /// <see cref="INoticeChannel"/>s only.
    /// </summary>
    public static IServiceCollection AddHotlineOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>());
        services.TryAddSingleton<OutboxDelivery>();
        services.TryAddSingleton(sp => new OutboxWriter(
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetServices<INoticeChannel>().Where(c => c.IsConfigured).Select(c => c.Channel).ToHashSet(),
            sp.GetService<RatingLinkIssuer>()));
        return services;
    }
}
