using Hotline.Domain.Audit;

namespace Hotline.Domain.Knowledge;

/// <summary>A step of an article's review cycle, as the administration API's POSTs name them.</summary>
public enum KnowledgeTransition
{
    /// <summary>Draft → InReview.</summary>
    Submit,

    /// <summary>InReview → Published, by a reviewer other than the author (unless the author is the only administrator).</summary>
    Approve,

    /// <summary>InReview → Draft, with a reason.</summary>
    Return,

    /// <summary>Published → Expired: no longer offered.</summary>
    Expire,

    /// <summary>Published or Expired → Draft, to be edited and reviewed again.</summary>
    Withdraw,
}

/// <summary>Where each <see cref="KnowledgeTransition"/> may start, where it leads, and its audit action.</summary>
public static class KnowledgeTransitions
{
    /// <summary>The statuses a transition starts from, the status it leads to and what the audit log calls it.</summary>
    public static (KnowledgeStatus[] From, KnowledgeStatus To, string Action) Of(KnowledgeTransition transition) => transition switch
    {
        KnowledgeTransition.Submit => ([KnowledgeStatus.Draft], KnowledgeStatus.InReview, AuditActions.KnowledgeSubmitted),
        KnowledgeTransition.Approve => ([KnowledgeStatus.InReview], KnowledgeStatus.Published, AuditActions.KnowledgePublished),
        KnowledgeTransition.Return => ([KnowledgeStatus.InReview], KnowledgeStatus.Draft, AuditActions.KnowledgeReturned),
        KnowledgeTransition.Expire => ([KnowledgeStatus.Published], KnowledgeStatus.Expired, AuditActions.KnowledgeExpired),
        KnowledgeTransition.Withdraw => ([KnowledgeStatus.Published, KnowledgeStatus.Expired], KnowledgeStatus.Draft, AuditActions.KnowledgeWithdrawn),
        _ => throw new ArgumentOutOfRangeException(nameof(transition), transition, null),
    };
}
