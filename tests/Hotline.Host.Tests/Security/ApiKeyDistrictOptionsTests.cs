using Hotline.Host.Security;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Tests.Security;

/// <summary>An API key's district must be a district code, and never sit on an administrator's key: the host refuses to start.</summary>
public sealed class ApiKeyDistrictOptionsTests
{
    [Theory]
    [InlineData("integrator", "9901", "six-digit")]
    [InlineData("administrator", "990103", "city-wide")]
    public void Should_refuse_to_start_When_a_keys_district_would_not_confine_it(string role, string district, string named)
    {
        using var factory = new HotlineFactory
        {
            TestServices = services => services.Configure<SecurityOptions>(o => o.ApiKeys.Add(new ApiKeyOptions { Name = "county", Key = "county-key-0001", Roles = [role], DistrictCode = district })),
        };

        var refused = Assert.Throws<OptionsValidationException>(() => factory.Services);

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }
}
