using System.Security.Claims;
using Hotline.Domain.Users;
using Hotline.Workbench.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;

namespace Hotline.Workbench.Administration;

/// <summary>
/// What every administration page does first: administrators only, any other role gets the not-found page (404), like
/// an unknown address. The ports check the role again.
/// </summary>
public abstract class AdminPageBase : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>Whether the signed-in person is an administrator.</summary>
    protected bool Allowed { get; private set; }

    /// <summary>The signed-in person, passed to the ports.</summary>
    protected ClaimsPrincipal User { get; private set; } = new();

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        User = (await AuthenticationState).User;
        Allowed = User.IsInRole(HotlineRoles.Administrator);
        if (!Allowed)
        {
            NotFoundAnswer.Send(HttpContext, Navigation);
            return;
        }

        await LoadAsync();
    }

    /// <summary>Reads what the page shows (administrators only).</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;

    /// <summary>The text in the page's language: <paramref name="english"/> or <paramref name="chinese"/>.</summary>
    protected static string Pick(string chinese, string english) => Texts.Language == "en" ? english : chinese;
}
