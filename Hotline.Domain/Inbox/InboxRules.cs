using Hotline.Domain.Cases;
using Hotline.Domain.Escalation;

namespace Hotline.Domain.Inbox;

/// <summary>The inbox's fixed rules: how long a unit has to sign for a task, and which outcomes each kind of task offers.</summary>
public static class InboxRules
{
    /// <summary>The sign-for limit when a graph sets none, in working hours.</summary>
    public const double DefaultSignWithinHours = 2;

    /// <summary>The only outcome of an assist task (协办): the unit submitted its opinion.</summary>
    public const string AssistSubmitted = "Submitted";

    /// <summary>The outcomes a unit may choose for a kind of task when the graph does not list them.</summary>
    public static List<string> DefaultOutcomes(string kind) => TaskKinds.Normalize(kind) switch
    {
        "handle" => ["Completed", "Returned", "ExtensionRequested", "SubDispatched"],
        "reviewreturn" or "reviewextension" or "reviewanswer" => ["Approved", "Rejected"],
        "callback" => ["Satisfied", "BasicallySatisfied", "Unsatisfied", "Unreachable"],
        "dispatch" => ["Dispatched"],
        "assist" => [AssistSubmitted],
        "qualitycheck" => [Quality.QualityChecklist.Passed, Quality.QualityChecklist.Failed],
        "progressreport" => [SupervisionDecisions.Reported],
        "supervise" => [SupervisionDecisions.Close, SupervisionDecisions.Keep],
        _ => ["Done"],
    };

    /// <summary>The task's name in the inbox when the graph gives none.</summary>
    public static string DefaultTaskName(string kind, string unitCode) => TaskKinds.Normalize(kind) switch
    {
        "handle" => $"Handle {unitCode}",
        "reviewreturn" => $"Review return {unitCode}",
        "reviewextension" => $"Review extension {unitCode}",
        "reviewanswer" => $"Review answer {unitCode}",
        "callback" => $"Call back {unitCode}",
        "dispatch" => $"Dispatch {unitCode}",
        "assist" => $"协办 {unitCode}",
        "qualitycheck" => "查工单",
        "progressreport" => $"进展反馈 {unitCode}",
        "supervise" => $"督办销号 {unitCode}",
        _ => $"{kind} {unitCode}",
    };
}
