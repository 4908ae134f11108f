using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Workbench.Shared;

namespace Hotline.Workbench.Cases;

/// <summary>The names people read for the domain's enumerations, in Chinese and English.</summary>
public static class CaseLabels
{
    /// <summary>A status, e.g. 办理中.</summary>
    public static string Of(CaseStatus status) => Pick(status switch
    {
        CaseStatus.Registered => ("已受理", "Registered"),
        CaseStatus.AnsweredDirectly => ("直接办结", "Answered directly"),
        CaseStatus.Dispatched => ("已派单", "Dispatched"),
        CaseStatus.Handling => ("办理中", "Handling"),
        CaseStatus.AwaitingReview => ("待审核", "Awaiting review"),
        CaseStatus.Replied => ("已答复", "Replied"),
        CaseStatus.AwaitingCallback => ("待回访", "Awaiting callback"),
        CaseStatus.Closed => ("已办结", "Closed"),
        CaseStatus.Merged => ("已并案", "Merged"),
        CaseStatus.Voided => ("已作废", "Voided"),
        _ => (status.ToString(), status.ToString()),
    });

    /// <summary>A case type, e.g. 投诉.</summary>
    public static string Of(CaseType type) => Pick(type switch
    {
        CaseType.Consultation => ("咨询", "Consultation"),
        CaseType.Help => ("求助", "Help"),
        CaseType.Complaint => ("投诉", "Complaint"),
        CaseType.Report => ("举报", "Report"),
        CaseType.Suggestion => ("建议", "Suggestion"),
        CaseType.Praise => ("表扬", "Praise"),
        _ => (type.ToString(), type.ToString()),
    });

    /// <summary>An urgency.</summary>
    public static string Of(CaseUrgency urgency) => Pick(urgency switch
    {
        CaseUrgency.Urgent => ("紧急", "Urgent"),
        CaseUrgency.Emergency => ("特急", "Emergency"),
        _ => ("一般", "Normal"),
    });

    /// <summary>A warning: 黄牌 / 红牌.</summary>
    public static string Of(WarningLevel warning) => Pick(warning switch
    {
        WarningLevel.Yellow => ("黄牌预警", "Yellow card"),
        WarningLevel.Red => ("红牌超期", "Red card"),
        _ => ("正常", "On time"),
    });

    /// <summary>A task's status.</summary>
    public static string Of(InboxTaskStatus status) => Pick(status switch
    {
        InboxTaskStatus.Open => ("待签收", "To sign for"),
        InboxTaskStatus.SignedFor => ("已签收", "Signed for"),
        InboxTaskStatus.Completed => ("已完成", "Done"),
        _ => ("已取消", "Cancelled"),
    });

    /// <summary>A deadline's counting unit.</summary>
    public static string Of(DeadlineUnit unit) => Texts.T(unit switch
    {
        DeadlineUnit.WorkingDays => "workingDays",
        DeadlineUnit.CalendarDays => "naturalDays",
        DeadlineUnit.WorkingHours => "workingHours",
        _ => "none",
    });

    /// <summary>What happened, for the timeline.</summary>
    public static string Of(CaseEventKind kind) => Pick(kind switch
    {
        CaseEventKind.Registered => ("受理", "Registered"),
        CaseEventKind.DuplicateLinked => ("关联重复诉求", "Linked as duplicate"),
        CaseEventKind.Classified => ("分类", "Classified"),
        CaseEventKind.AnsweredFromKnowledgeBase => ("知识库直接办结", "Answered from the knowledge base"),
        CaseEventKind.Dispatched => ("派单", "Dispatched"),
        CaseEventKind.TaskCreated => ("生成待办任务", "Task created"),
        CaseEventKind.SignedFor => ("签收", "Signed for"),
        CaseEventKind.Returned => ("退单", "Returned"),
        CaseEventKind.ReturnAccepted => ("退单审核通过", "Return accepted"),
        CaseEventKind.ReturnRejected => ("退单驳回", "Return rejected"),
        CaseEventKind.ExtensionRequested => ("申请延期", "Extension requested"),
        CaseEventKind.ExtensionApproved => ("延期批准", "Extension approved"),
        CaseEventKind.ExtensionRefused => ("延期驳回", "Extension refused"),
        CaseEventKind.AnswerSubmitted => ("提交办理结果", "Answer submitted"),
        CaseEventKind.AnswerAccepted => ("审核办结", "Answer accepted"),
        CaseEventKind.AnswerSentBack => ("审核退回", "Answer sent back"),
        CaseEventKind.Replied => ("答复市民", "Citizen answered"),
        CaseEventKind.CallbackRecorded => ("回访", "Callback recorded"),
        CaseEventKind.CallbackUnreachable => ("回访未接通", "Callback unreachable"),
        CaseEventKind.WarningYellow => ("黄牌预警", "Yellow card"),
        CaseEventKind.WarningRed => ("红牌超期", "Red card"),
        CaseEventKind.Escalated => ("督办升级", "Escalated"),
        CaseEventKind.SubDispatched => ("二级派单", "Sub-dispatched"),
        CaseEventKind.Reopened => ("重办", "Reopened"),
        CaseEventKind.Closed => ("办结", "Closed"),
        CaseEventKind.DeadlineSet => ("设定时限", "Deadline set"),
        CaseEventKind.AssistanceSubmitted => ("协办意见", "Assistance submitted"),
        CaseEventKind.Notified => ("发送通知", "Notified"),
        CaseEventKind.SupervisionCheckpoint => ("督办节点", "Supervision checkpoint"),
        CaseEventKind.Voided => ("作废", "Voided"),
        CaseEventKind.Merged => ("并案（并入）", "Merged into another case"),
        CaseEventKind.MergeReceived => ("并案（并入本单）", "Another case merged in"),
        CaseEventKind.Reassigned => ("改派", "Reassigned"),
        CaseEventKind.MarkedComplex => ("标记疑难复杂", "Marked complex"),
        CaseEventKind.SupervisionInstructed => ("督办意见", "Supervisor's instruction"),
        CaseEventKind.CitizenRated => ("市民评价", "Citizen's rating"),
        CaseEventKind.AttachmentAdded => ("上传附件", "Attachment added"),
        CaseEventKind.QualityChecked => ("质检（查工单）", "Quality checked"),
        CaseEventKind.SecondCallbackRecorded => ("二次回访（查回访）", "Second callback recorded"),
        CaseEventKind.ProgressReported => ("进展反馈", "Progress reported"),
        CaseEventKind.ProgressReportMissed => ("逾期未反馈进展", "Progress report missed"),
        CaseEventKind.SupervisionClosed => ("督办销号", "Supervision closed"),
        _ => (kind.ToString(), kind.ToString()),
    });

    private static string Pick((string Zh, string En) pair) => Texts.Language == "en" ? pair.En : pair.Zh;
}
