using System.Security.Claims;
using Hotline.Domain.Users;

namespace Hotline.Workbench.Layout;

/// <summary>One entry of the side menu: where it goes, its words, and the roles that see it.</summary>
public sealed record MenuEntry(string Href, string Zh, string En, IReadOnlyList<string> Roles, bool ForceLoad = false);

/// <summary>
/// The side menu: a person sees the entries of their roles only. Only screens that exist are listed, so no entry is a
/// dead link. The next screens go here, each when its page exists: 督办台 <c>/supervision</c> (supervisor, leader),
/// the leader's dashboard and the administration screens.
/// </summary>
public static class WorkbenchMenu
{
    /// <summary>Every entry, in menu order.</summary>
    public static IReadOnlyList<MenuEntry> Entries { get; } =
    [
        new("/", "首页 · 我的工单", "Home · my cases", HotlineRoles.All),
        new("/intake", "受理台", "Intake desk", [HotlineRoles.Operator, HotlineRoles.Administrator]),
        new("/dispatch", "派单台", "Dispatch desk", [HotlineRoles.Dispatcher]),
        new("/inbox", "承办工作台", "Unit inbox", [HotlineRoles.Unit]),
        new("/callbacks", "回访台", "Callback desk", [HotlineRoles.CallbackAgent]),
        new("/supervision", "督办台", "Supervision board", [HotlineRoles.Supervisor, HotlineRoles.Leader]),
        new("/quality", "质检台", "Quality desk", [HotlineRoles.Supervisor]),
        new("/dashboard", "领导驾驶舱", "Leader's dashboard", [HotlineRoles.Leader, HotlineRoles.Supervisor, HotlineRoles.Administrator]),
        new("/cases", "工单查询", "Case list", [.. HotlineRoles.All.Where(r => r != HotlineRoles.Integrator)]),
        new(Reports.ReportPaths.Daily, "每日一报", "Daily report", Hotline.Domain.Indicators.ReportReaders.Roles),
        new("/admin", "系统管理", "Administration", [HotlineRoles.Administrator]),
    ];

    /// <summary>
    /// Where a person lands after signing in with no page to return to: the first desk of their working roles in menu
    /// order (受理台, 派单台, 承办工作台, 回访台), else home. An administrator's role alone opens no desk.
    /// </summary>
    public static string StartPage(IReadOnlyCollection<string> roles) =>
        Entries.Skip(1).Where(e => !e.ForceLoad).FirstOrDefault(e => e.Roles.Any(r => r != HotlineRoles.Administrator && roles.Contains(r)))?.Href ?? "/";

    /// <summary>The entries <paramref name="user"/> sees.</summary>
    public static IReadOnlyList<MenuEntry> For(ClaimsPrincipal user) => Entries.Where(e => e.Roles.Any(user.IsInRole)).ToList();

    /// <summary>A role's name as shown in the top bar.</summary>
    public static string RoleName(string role, bool english) => (role, english) switch
    {
        (HotlineRoles.Operator, false) => "话务员",
        (HotlineRoles.Dispatcher, false) => "派单员",
        (HotlineRoles.Unit, false) => "承办单位",
        (HotlineRoles.CallbackAgent, false) => "回访员",
        (HotlineRoles.Supervisor, false) => "督办员",
        (HotlineRoles.Leader, false) => "领导",
        (HotlineRoles.Administrator, false) => "管理员",
        (HotlineRoles.Operator, true) => "Operator",
        (HotlineRoles.Dispatcher, true) => "Dispatcher",
        (HotlineRoles.Unit, true) => "Handling unit",
        (HotlineRoles.CallbackAgent, true) => "Callback agent",
        (HotlineRoles.Supervisor, true) => "Supervisor",
        (HotlineRoles.Leader, true) => "Leader",
        (HotlineRoles.Administrator, true) => "Administrator",
        _ => role,
    };
}
