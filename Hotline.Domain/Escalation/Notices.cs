namespace Hotline.Domain.Escalation;

/// <summary>Who a <c>Hotline.Notify</c> notice goes to.</summary>
public enum NoticeRecipient
{
    /// <summary>The citizen who raised the case.</summary>
    Citizen,

    /// <summary>The lead unit (承办单位).</summary>
    LeadUnit,

    /// <summary>The head of the lead unit (承办单位负责人).</summary>
    UnitHead,

    /// <summary>The supervisor (督办员) of the government inspection office.</summary>
    Supervisor,

    /// <summary>The city leader who takes the case (包案领导).</summary>
    Leader,

    /// <summary>The hotline centre's dispatcher (派单员).</summary>
    Dispatcher,
}

/// <summary>How a <c>Hotline.Notify</c> notice is sent.</summary>
public enum NoticeChannel
{
    /// <summary>A text message.</summary>
    Sms,

    /// <summary>The recipient's inbox in this system.</summary>
    Inbox,

    /// <summary>A formal letter (函告).</summary>
    Letter,
}
