using Hotline.Domain.Users;
using Hotline.Workbench.Layout;

namespace Hotline.Host.Tests.Workbench;

/// <summary>Where each person lands after signing in with no page asked for: their working role's desk.</summary>
public sealed class WorkbenchMenuTests
{
    [Theory]
    [InlineData("/intake", new[] { HotlineRoles.Operator })]
    [InlineData("/dispatch", new[] { HotlineRoles.Dispatcher })]
    [InlineData("/inbox", new[] { HotlineRoles.Unit })]
    [InlineData("/callbacks", new[] { HotlineRoles.CallbackAgent })]
    [InlineData("/intake", new[] { HotlineRoles.Dispatcher, HotlineRoles.Operator })]
    [InlineData("/", new[] { HotlineRoles.Administrator })]
    [InlineData("/supervision", new[] { HotlineRoles.Supervisor, HotlineRoles.Leader })]
    public void Should_start_at_the_roles_desk_When_a_person_signs_in_with_no_page_asked_for(string expected, string[] roles) =>
        Assert.Equal(expected, WorkbenchMenu.StartPage(roles));
}
