using Hotline.Domain.Users;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Tests.Admin;

/// <summary>Lock-out settings that could never lock or never end stop the host at start.</summary>
public sealed class LockoutOptionsTests
{
    [Theory]
    [InlineData(0, 15, "MaxFailedAttempts")]
    [InlineData(5, 0, "Duration")]
    public void Should_refuse_to_start_When_the_lock_out_settings_are_invalid(int maxFailedAttempts, int minutes, string named)
    {
        using var factory = new HotlineFactory
        {
            TestServices = services => services.Configure<LockoutOptions>(o => (o.MaxFailedAttempts, o.Duration) = (maxFailedAttempts, TimeSpan.FromMinutes(minutes))),
        };

        var refused = Assert.Throws<OptionsValidationException>(() => factory.Services);

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }
}
