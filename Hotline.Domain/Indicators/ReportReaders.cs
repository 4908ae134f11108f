using Hotline.Domain.Users;

namespace Hotline.Domain.Indicators;

/// <summary>Who reads the indicators and reports, over the API and in the workbench.</summary>
public static class ReportReaders
{
    /// <summary>Leaders, supervisors, administrators and dispatchers.</summary>
    public static IReadOnlyList<string> Roles { get; } = [HotlineRoles.Leader, HotlineRoles.Supervisor, HotlineRoles.Administrator, HotlineRoles.Dispatcher];
}
