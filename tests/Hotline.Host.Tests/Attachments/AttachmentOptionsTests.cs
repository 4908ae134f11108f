using Hotline.Domain.Attachments;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Tests.Attachments;

/// <summary>Attachment settings that could keep nothing, or name a type the detector never gives, stop the host at start.</summary>
public sealed class AttachmentOptionsTests
{
    [Theory]
    [InlineData("", 1024, "image/png", "Directory")]
    [InlineData("files", 0, "image/png", "MaxBytes")]
    [InlineData("files", 1024, "application/x-msdownload", "AllowedTypes")]
    public void Should_refuse_to_start_When_the_attachment_settings_are_invalid(string directory, long maxBytes, string allowed, string named)
    {
        using var factory = new HotlineFactory
        {
            TestServices = services => services.Configure<AttachmentOptions>(o => (o.Directory, o.MaxBytes, o.AllowedTypes) = (directory, maxBytes, [allowed])),
        };

        var refused = Assert.Throws<OptionsValidationException>(() => factory.Services);

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_accept_only_the_allowed_types_When_the_setting_narrows_them()
    {
        var options = new AttachmentOptions { AllowedTypes = ["image/jpeg"] };

        Assert.Equal((true, false), (options.Allows("image/jpeg"), options.Allows("image/png")));
        Assert.True(new AttachmentOptions().Allows("image/png"));
    }
}
