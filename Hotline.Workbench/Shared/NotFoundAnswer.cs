using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Hotline.Workbench.Shared;

/// <summary>A page that answers "not found" itself (404 on the first render), with the not-found view as its body.</summary>
public static class NotFoundAnswer
{
    /// <summary>Sets the 404; <paramref name="httpContext"/> is present only while the page is rendered for the first request.</summary>
    public static void Send(HttpContext? httpContext, NavigationManager navigation)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        // The page is the answer: the host's plain status-code body must not replace it.
        if (httpContext?.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            statusCodePages.Enabled = false;
        navigation.NotFound();
    }
}
