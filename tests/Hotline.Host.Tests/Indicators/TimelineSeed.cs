using System.Globalization;
using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;

namespace Hotline.Host.Tests.Indicators;

/// <summary>
/// Writes cases and their timelines straight into the database, with the data the activities and the inbox record
/// (see TaskOutcomeEffect, InboxService, the case activities), and keeps the case row in step as they do.
/// </summary>
public sealed class TimelineSeed(HotlineDbContext db)
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    private int _number;

    /// <summary>A local time in China in March 2026.</summary>
    public static DateTimeOffset L(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, China);

    /// <summary>The due time of a deadline on a March 2026 day: 17:30 China time.</summary>
    public static DateTimeOffset Due(int day) => L(day, 17, 30);

    public Case Register(DateTimeOffset at, CaseChannel channel = CaseChannel.Phone, CaseType type = CaseType.Complaint, string? subject = "SR-ROAD", string? district = "990103")
    {
        var @case = new Case
        {
            Id = Guid.NewGuid(),
            Number = $"{at.ToOffset(China):yyyyMMdd}-{++_number:D6}",
            Channel = channel,
            Content = "测试诉求",
            Type = type,
            SubjectCode = subject,
            DistrictCode = district,
            Status = CaseStatus.Registered,
            CreatedAt = at.ToUniversalTime(),
            UpdatedAt = at.ToUniversalTime(),
        };
        db.Add(@case);
        @case.Record(CaseEventKind.Registered, CaseActor.System, at, new JsonObject
        {
            ["channel"] = channel.ToString(), ["type"] = type.ToString(), ["subjectCode"] = subject, ["urgency"] = "Normal",
        });
        return @case;
    }

    public Case DirectAnswer(DateTimeOffset at, CaseChannel channel = CaseChannel.Phone, string? subject = "SR-POLICY", string? district = null)
    {
        var @case = Register(at, channel, CaseType.Consultation, subject, district);
        @case.Status = CaseStatus.AnsweredDirectly;
        @case.ClosedAt = at.ToUniversalTime();
        @case.Record(CaseEventKind.AnsweredFromKnowledgeBase, CaseActor.System, at, new JsonObject { ["articleId"] = "KB-1", ["title"] = "政策" });
        return @case;
    }

    /// <summary>ComputeDeadline then RouteToUnits, as case-lifecycle does.</summary>
    public TimelineSeed Dispatch(Case @case, DateTimeOffset at, string unit, DateTimeOffset deadline)
    {
        SetDeadline(@case, at, deadline, "dispatch");
        return Redispatch(@case, at, unit);
    }

    /// <summary>A dispatch without a new deadline (AssignUnit after an accepted return).</summary>
    public TimelineSeed Redispatch(Case @case, DateTimeOffset at, string unit)
    {
        var previous = @case.LeadUnitCode;
        @case.LeadUnitCode = unit;
        @case.Status = CaseStatus.Dispatched;
        @case.Record(CaseEventKind.Dispatched, CaseActor.System, at, new JsonObject
        {
            ["leadUnitCode"] = unit, ["previousUnitCode"] = previous, ["assistingUnitCodes"] = new JsonArray(),
            ["deadlineAt"] = @case.DeadlineAt?.ToString("O", CultureInfo.InvariantCulture),
        });
        return this;
    }

    public TimelineSeed SubDispatch(Case @case, DateTimeOffset at, string unit)
    {
        var previous = @case.LeadUnitCode;
        @case.LeadUnitCode = unit;
        @case.Record(CaseEventKind.SubDispatched, CaseActor.Unit(previous!, previous!), at, new JsonObject { ["fromUnitCode"] = previous, ["unitCode"] = unit });
        return this;
    }

    public TimelineSeed SetDeadline(Case @case, DateTimeOffset at, DateTimeOffset deadline, string reason)
    {
        @case.DeadlineAt = deadline;
        @case.Record(CaseEventKind.DeadlineSet, CaseActor.System, at, new JsonObject
        {
            ["reason"] = reason, ["deadlineAt"] = deadline.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), ["provisional"] = false,
            ["limit"] = 10, ["unit"] = "WorkingDays",
        });
        return this;
    }

    /// <summary>签收 of a task; <paramref name="kind"/> is the inbox task kind as InboxService records it.</summary>
    public TimelineSeed Sign(Case @case, DateTimeOffset at, string unit, bool onTime, string kind = "Handle")
    {
        @case.Record(CaseEventKind.SignedFor, CaseActor.Unit(unit, unit), at, new JsonObject
        {
            ["taskId"] = Guid.NewGuid().ToString("N"), ["unitCode"] = unit, ["kind"] = kind,
            ["signDueAt"] = at.AddHours(onTime ? 1 : -1).ToString("O", CultureInfo.InvariantCulture), ["onTime"] = onTime,
        });
        return this;
    }

    public TimelineSeed Answer(Case @case, DateTimeOffset at, string unit)
    {
        @case.Status = CaseStatus.AwaitingReview;
        return Outcome(@case, CaseEventKind.AnswerSubmitted, at, "handle", "Completed", unit, new JsonObject { ["answer"] = "已处理" });
    }

    public TimelineSeed Return(Case @case, DateTimeOffset at, string unit) =>
        Outcome(@case, CaseEventKind.Returned, at, "handle", "Returned", unit, new JsonObject { ["reason"] = "非本单位职责" });

    public TimelineSeed ReviewReturn(Case @case, DateTimeOffset at, bool accepted) =>
        Outcome(@case, accepted ? CaseEventKind.ReturnAccepted : CaseEventKind.ReturnRejected, at, "review-return", accepted ? "Approved" : "Rejected", "RX-PD", new JsonObject { ["reason"] = "审核" });

    public TimelineSeed RequestExtension(Case @case, DateTimeOffset at, string unit)
    {
        @case.ExtensionPending = true;
        return Outcome(@case, CaseEventKind.ExtensionRequested, at, "handle", "ExtensionRequested", unit, new JsonObject { ["days"] = 3, ["reason"] = "需协调" });
    }

    public TimelineSeed RefuseExtension(Case @case, DateTimeOffset at)
    {
        @case.ExtensionPending = false;
        return Outcome(@case, CaseEventKind.ExtensionRefused, at, "review-extension", "Rejected", "RX-PD", new JsonObject { ["reason"] = "理由不充分" });
    }

    /// <summary>ExtendDeadline: the approved extension's new deadline.</summary>
    public TimelineSeed ApproveExtension(Case @case, DateTimeOffset at, DateTimeOffset deadline)
    {
        var previous = @case.DeadlineAt;
        @case.DeadlineAt = deadline;
        @case.ExtensionPending = false;
        @case.Record(CaseEventKind.ExtensionApproved, CaseActor.System, at, new JsonObject
        {
            ["days"] = 3, ["previousDeadlineAt"] = previous?.ToString("O", CultureInfo.InvariantCulture),
            ["deadlineAt"] = deadline.ToString("O", CultureInfo.InvariantCulture), ["provisional"] = false,
        });
        return this;
    }

    public TimelineSeed SendBack(Case @case, DateTimeOffset at)
    {
        @case.Status = CaseStatus.Handling;
        return Outcome(@case, CaseEventKind.AnswerSentBack, at, "review-answer", "Rejected", "RX-PD", new JsonObject { ["reason"] = "答复过于简单" });
    }

    /// <summary>The centre accepts the answer and the citizen is answered.</summary>
    public TimelineSeed AcceptAndReply(Case @case, DateTimeOffset at)
    {
        Outcome(@case, CaseEventKind.AnswerAccepted, at, "review-answer", "Approved", "RX-PD", []);
        @case.Status = CaseStatus.AwaitingCallback;
        @case.Record(CaseEventKind.Replied, CaseActor.System, at, new JsonObject { ["text"] = "已处理", ["channel"] = "Sms" });
        return this;
    }

    public TimelineSeed Callback(Case @case, DateTimeOffset at, string outcome, bool resolved) =>
        Outcome(@case, CaseEventKind.CallbackRecorded, at, "callback", outcome, "RX-HF", new JsonObject { ["resolved"] = resolved });

    public TimelineSeed Unreachable(Case @case, DateTimeOffset at) =>
        Outcome(@case, CaseEventKind.CallbackUnreachable, at, "callback", "Unreachable", "RX-HF", []);

    /// <summary>ReopenCase then ComputeDeadline (rehandle).</summary>
    public TimelineSeed Reopen(Case @case, DateTimeOffset at, DateTimeOffset deadline)
    {
        @case.ReopenCount++;
        @case.Record(CaseEventKind.Reopened, CaseActor.System, at, new JsonObject { ["round"] = @case.ReopenCount, ["reason"] = "回访不满意", ["unitCode"] = @case.LeadUnitCode });
        @case.Status = CaseStatus.Dispatched;
        return SetDeadline(@case, at, deadline, "rehandle");
    }

    public TimelineSeed Close(Case @case, DateTimeOffset at, string result, bool resolved)
    {
        @case.Status = CaseStatus.Closed;
        @case.ClosedAt = at.ToUniversalTime();
        @case.Record(CaseEventKind.Closed, CaseActor.System, at, new JsonObject { ["result"] = result, ["resolved"] = resolved, ["reopenCount"] = @case.ReopenCount });
        return this;
    }

    /// <summary>The whole path after an answer: accepted and replied, called back, closed.</summary>
    public TimelineSeed Finish(Case @case, DateTimeOffset replied, DateTimeOffset calledBack, string outcome, bool resolved) =>
        AcceptAndReply(@case, replied).Callback(@case, calledBack, outcome, resolved).Close(@case, calledBack, outcome, resolved);

    private TimelineSeed Outcome(Case @case, CaseEventKind kind, DateTimeOffset at, string taskKind, string outcome, string unit, JsonObject data)
    {
        data["taskId"] = Guid.NewGuid().ToString("N");
        data["kind"] = taskKind;
        data["outcome"] = outcome;
        data["unitCode"] = unit;
        var actor = taskKind == "handle" ? CaseActor.Unit(unit, unit) : CaseActor.User(unit, unit);
        @case.Record(kind, actor, at, data);
        return this;
    }
}
