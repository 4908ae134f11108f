using Microsoft.Extensions.Options;

namespace Hotline.Host.Notices;

/// <summary>The SMS gateway text messages go through (<c>Hotline:Notices:Sms</c>); no <see cref="Url"/>, no text messages.</summary>
public sealed class SmsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hotline:Notices:Sms";

    /// <summary>The shortest signing secret accepted.</summary>
    public const int MinSecretLength = 16;

    /// <summary>The gateway's address (https in production); empty turns text messages off.</summary>
    public string? Url { get; set; }

    /// <summary>
    /// The secret each request is signed with (HMAC-SHA256, <see cref="SmsSignature"/>): give it from the environment or a
    /// secret store, never in a file in git. At least <see cref="MinSecretLength"/> characters.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long one request may take (default 10 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether text messages are on.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);
}

/// <summary>Refuses SMS settings that cannot work, when the host starts.</summary>
public sealed class SmsOptionsValidator : IValidateOptions<SmsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SmsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
            return ValidateOptionsResult.Success;
        var errors = new List<string>();
        var section = SmsOptions.SectionName;
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            errors.Add($"{section}:Url must be an absolute http(s) address; it is '{options.Url}'.");
        if (options.Secret is not { Length: >= SmsOptions.MinSecretLength })
            errors.Add($"{section}:Secret must be at least {SmsOptions.MinSecretLength} characters (give it from the environment, e.g. Hotline__Notices__Sms__Secret).");
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(2))
            errors.Add($"{section}:Timeout must be positive and at most 2 minutes; it is {options.Timeout}.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
