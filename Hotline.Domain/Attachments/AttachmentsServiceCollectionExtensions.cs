using Hotline.Domain.Attachments;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// In the DI namespace, like the framework's own AddX methods.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers attachments: <see cref="AttachmentOptions"/> (validated on start), the store and the uploads.</summary>
public static class AttachmentsServiceCollectionExtensions
{
    /// <summary>Adds the options, <see cref="FileSystemAttachmentStore"/> as the <see cref="IAttachmentStore"/> (unless one is registered) and <see cref="AttachmentUploads"/>.</summary>
    public static IServiceCollection AddHotlineAttachments(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AttachmentOptions>().Bind(configuration.GetSection(AttachmentOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AttachmentOptions>, AttachmentOptionsValidator>());
        services.TryAddSingleton<IAttachmentStore>(sp => new FileSystemAttachmentStore(sp.GetRequiredService<IOptions<AttachmentOptions>>(), sp.GetService<IHostEnvironment>(), sp.GetService<TimeProvider>()));
        services.TryAddScoped<AttachmentUploads>();
        return services;
    }
}
