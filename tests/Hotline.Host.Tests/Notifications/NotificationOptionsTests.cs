using System.Globalization;
using Hotline.Host.Notifications;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Hotline.Host.Tests.Notifications;

/// <summary><c>Hotline:Notifications</c> is checked when the host starts.</summary>
public sealed class NotificationOptionsTests
{
    [Fact]
    public void Should_refuse_to_start_the_host_When_the_poll_interval_is_zero()
    {
        using var factory = new HotlineFactory();
        var host = factory.WithWebHostBuilder(b => b.UseSetting("Hotline:Notifications:PollInterval", "00:00:00"));

        var error = Assert.ThrowsAny<Exception>(() => host.Services);

        Assert.Contains("Hotline:Notifications:PollInterval", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00.001", "00:30:00", "00:01:00", "PollInterval")]
    [InlineData("00:00:00.250", "00:00:10", "00:01:00", "SignForLeadTime")]
    [InlineData("00:00:00.250", "2.00:00:00", "00:01:00", "SignForLeadTime")]
    [InlineData("00:00:00.250", "00:30:00", "00:00:00", "SignForCheckInterval")]
    [InlineData("00:00:00.250", "00:30:00", "00:01:00", "Retention", "12:00:00")]
    public void Should_name_the_setting_When_it_is_out_of_range(string poll, string lead, string check, string setting, string retention = "90.00:00:00")
    {
        var options = new NotificationOptions
        {
            PollInterval = TimeSpan.Parse(poll, CultureInfo.InvariantCulture),
            SignForLeadTime = TimeSpan.Parse(lead, CultureInfo.InvariantCulture),
            SignForCheckInterval = TimeSpan.Parse(check, CultureInfo.InvariantCulture),
            Retention = TimeSpan.Parse(retention, CultureInfo.InvariantCulture),
        };

        Assert.Equal([$"Hotline:Notifications:{setting}"], options.Errors().Select(e => e.Split(' ')[0]));
        Assert.Empty(new NotificationOptions().Errors());
    }
}
