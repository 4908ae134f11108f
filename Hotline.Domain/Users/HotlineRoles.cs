namespace Hotline.Domain.Users;

/// <summary>
/// The roles of a 12345 hotline (DOMAIN.md, "Who uses it"), as role claims. A person's token carries the roles of their
/// account; an integrator's API key carries the roles configured for it.
/// </summary>
public static class HotlineRoles
{
    /// <summary>话务员: registers calls and messages as cases; answers directly from the knowledge base.</summary>
    public const string Operator = "operator";

    /// <summary>派单员: dispatches, reviews returns, extensions and answers.</summary>
    public const string Dispatcher = "dispatcher";

    /// <summary>承办单位: a handling unit's user; works the unit's inbox (the account names the unit).</summary>
    public const string Unit = "unit";

    /// <summary>回访员: calls citizens back.</summary>
    public const string CallbackAgent = "callback-agent";

    /// <summary>督办员: follows overdue and unsatisfied cases up the ladder.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>领导/分析: dashboards, the daily report, indicators.</summary>
    public const string Leader = "leader";

    /// <summary>管理员: definitions, units, categories, calendar, users.</summary>
    public const string Administrator = "administrator";

    /// <summary>对接系统: other systems starting and following cases over HTTP (API keys).</summary>
    public const string Integrator = "integrator";

    /// <summary>Every role.</summary>
    public static IReadOnlyList<string> All { get; } = [Operator, Dispatcher, Unit, CallbackAgent, Supervisor, Leader, Administrator, Integrator];

    /// <summary>The claim type carrying a unit user's unit code.</summary>
    public const string UnitClaim = "hotline:unit";

    /// <summary>The claim type carrying the district of a sub-centre's staff or a district's integrator (absent: the whole city).</summary>
    public const string DistrictClaim = "hotline:district";

    /// <summary>The claim type carrying a person's display name.</summary>
    public const string DisplayNameClaim = "hotline:display-name";

    /// <summary>
    /// The claim type carrying the session's token in a principal made from the session cookie (server-side only: the
    /// workbench's circuits check with it that the session was not ended since they started).
    /// </summary>
    public const string SessionClaim = "hotline:session";
}
