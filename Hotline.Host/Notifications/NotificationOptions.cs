using Microsoft.Extensions.Options;

namespace Hotline.Host.Notifications;

/// <summary>Live notifications (<c>Hotline:Notifications</c>), validated at start.</summary>
public sealed class NotificationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hotline:Notifications";

    /// <summary>How often each host reads the notifications written since its last look (default 250 ms; 10 ms to 10 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long before a task's sign-for limit its inbox is reminded (default 30 minutes; 1 minute to 1 day).</summary>
    public TimeSpan SignForLeadTime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the reminder job looks for tasks coming up to their sign-for limit (default 1 minute; at least 1 second).</summary>
    public TimeSpan SignForCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long notifications are kept (default 90 days; at least 1 day): a daily job deletes older ones.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>The messages of the settings that are out of range.</summary>
    public IEnumerable<string> Errors()
    {
        if (PollInterval < TimeSpan.FromMilliseconds(10) || PollInterval > TimeSpan.FromSeconds(10))
            yield return $"{SectionName}:PollInterval is from 00:00:00.010 to 00:00:10.";
        if (SignForLeadTime < TimeSpan.FromMinutes(1) || SignForLeadTime > TimeSpan.FromDays(1))
            yield return $"{SectionName}:SignForLeadTime is from 00:01:00 to 1.00:00:00.";
        if (SignForCheckInterval < TimeSpan.FromSeconds(1))
            yield return $"{SectionName}:SignForCheckInterval is at least 00:00:01.";
        if (Retention < TimeSpan.FromDays(1))
            yield return $"{SectionName}:Retention is at least 1.00:00:00.";
    }
}

/// <summary>Refuses <see cref="NotificationOptions"/> out of range, naming each setting.</summary>
internal sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var errors = options.Errors().ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
