using Hotline.Domain.Notifications;
using Hotline.Domain.Users;
using Hotline.Host.Notifications;

namespace Hotline.Host.Tests.Notifications;

/// <summary>A person gets the notifications addressed to their own claims only.</summary>
public sealed class NotificationAudienceTests
{
    private static Notification Row(string recipient, string district = "990103") => new() { Recipient = recipient, DistrictCode = district, TextKey = "notify.newTask" };

    [Fact]
    public void Should_refuse_another_units_notification_When_a_unit_user_listens()
    {
        var audience = NotificationAudience.Of(NotificationTests.Person("cg-li", HotlineRoles.Unit, "DH-CG"), "RX-PD");

        Assert.True(audience.Gets(Row("unit:DH-CG")));
        Assert.False(audience.Gets(Row("unit:DH-ZJ")));
        Assert.False(audience.Gets(Row("unit:RX-PD")));
        Assert.False(audience.Gets(Row("role:supervisor")));
    }

    [Fact]
    public void Should_get_the_dispatch_desks_notifications_of_the_own_district_only_When_a_district_dispatcher_listens()
    {
        var audience = NotificationAudience.Of(NotificationTests.Person("pd-wang", HotlineRoles.Dispatcher, district: "990104"), "RX-PD");

        Assert.True(audience.Gets(Row("unit:RX-PD", "990104")));
        Assert.False(audience.Gets(Row("unit:RX-PD", "990103")));
        Assert.False(audience.Gets(Row("unit:RX-HF", "990104")));
    }

    [Theory]
    [InlineData(HotlineRoles.Supervisor, true, true)]
    [InlineData(HotlineRoles.Leader, false, true)]
    [InlineData(HotlineRoles.Dispatcher, false, false)]
    public void Should_get_the_quality_and_supervision_desks_notifications_When_the_role_works_them(string role, bool qualityDesk, bool supervisionDesk)
    {
        var audience = NotificationAudience.Of(NotificationTests.Person("someone", role), "RX-PD");

        Assert.Equal(qualityDesk, audience.Gets(Row("unit:RX-ZJ")));
        Assert.Equal(supervisionDesk, audience.Gets(Row("unit:RX-DB")));
    }

    [Fact]
    public void Should_get_nothing_When_the_caller_is_an_integrator()
    {
        var audience = NotificationAudience.Of(NotificationTests.Person("portal", HotlineRoles.Integrator), "RX-PD");

        Assert.Empty(audience.Keys);
        Assert.False(audience.Gets(Row("user:portal")));
    }
}
