namespace Hotline.Domain.Cases;

/// <summary>A citizen's request, checked and normalized: what <see cref="Case.Register"/> takes.</summary>
/// <param name="Channel">How the case arrived.</param>
/// <param name="Content">What the citizen said, trimmed.</param>
/// <param name="Type">Consultation, help, complaint...</param>
/// <param name="SubjectCode">The subject, if classified already.</param>
/// <param name="CitizenName">The citizen's name; null when anonymous.</param>
/// <param name="CitizenPhone">The citizen's telephone, digits only (<see cref="PhoneNumbers.Normalize"/>).</param>
/// <param name="Address">Where the problem is.</param>
/// <param name="DistrictCode">The six-digit district code of the place.</param>
/// <param name="Urgency">Normal unless said otherwise.</param>
/// <param name="SubmittedBy">The operator's login or the integrator's name.</param>
public sealed record NewCase(
    CaseChannel Channel,
    string Content,
    CaseType Type,
    string? SubjectCode,
    string? CitizenName,
    string? CitizenPhone,
    string? Address,
    string? DistrictCode,
    CaseUrgency Urgency,
    string? SubmittedBy)
{
    /// <summary>Longest content accepted.</summary>
    public const int MaxContentLength = 4000;

    /// <summary>
    /// Checks a request as submitted (text fields, as an operator, an integrator or a workflow's inputs give them) and
    /// returns the case to register, or every bad field (camelCase names) and why. The one place the form of an intake
    /// is checked; whether the subject and the knowledge-base answer exist is the caller's (it needs the database).
    /// </summary>
    public static (NewCase? Case, Dictionary<string, string[]> Errors) Check(CaseIntakeRequest request, string? submittedBy)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Bad(string field, string message) => errors[field] = [message];

        // PostgreSQL cannot store or compare text with a NUL character.
        if (Texts(request).FirstOrDefault(t => t.Text?.Contains('\0', StringComparison.Ordinal) == true) is { Field: { } nulField })
        {
            Bad(nulField, "The text may not contain the NUL character.");
            return (null, errors);
        }

        var channel = Parse<CaseChannel>(request.Channel);
        if (channel is null)
            Bad("channel", $"'{request.Channel}' is not a channel ({string.Join(", ", Enum.GetNames<CaseChannel>())}).");
        if (string.IsNullOrWhiteSpace(request.Content))
            Bad("content", "The citizen's request is required.");
        else if (request.Content.Length > MaxContentLength)
            Bad("content", $"The content is longer than {MaxContentLength} characters.");
        var type = Parse<CaseType>(request.Type);
        if (type is null)
            Bad("type", $"'{request.Type}' is not a case type ({string.Join(", ", Enum.GetNames<CaseType>())}).");
        var urgency = string.IsNullOrWhiteSpace(request.Urgency) ? CaseUrgency.Normal : Parse<CaseUrgency>(request.Urgency);
        if (urgency is null)
            Bad("urgency", $"'{request.Urgency}' is not an urgency ({string.Join(", ", Enum.GetNames<CaseUrgency>())}).");
        if (request.CitizenName is { Length: > 64 })
            Bad("citizenName", "The name is longer than 64 characters.");
        if (!string.IsNullOrWhiteSpace(request.CitizenPhone) && PhoneNumbers.ParseTyped(request.CitizenPhone) is null)
            Bad("citizenPhone", PhoneNumbers.TypedRule);
        if (request.Address is { Length: > 256 })
            Bad("address", "The address is longer than 256 characters.");
        if (!string.IsNullOrWhiteSpace(request.DistrictCode) && (request.DistrictCode.Trim().Length != 6 || !request.DistrictCode.Trim().All(char.IsAsciiDigit)))
            Bad("districtCode", "A district code has six digits.");
        if (errors.Count > 0)
            return (null, errors);

        return (new NewCase(channel!.Value, request.Content!.Trim(), type!.Value, Blank(request.SubjectCode), Blank(request.CitizenName),
            PhoneNumbers.Normalize(request.CitizenPhone), Blank(request.Address), Blank(request.DistrictCode), urgency!.Value, Blank(submittedBy)), errors);
    }

    /// <summary>Whether a text of the request holds the NUL character (then nothing of it may reach the database).</summary>
    public static bool ContainsNul(CaseIntakeRequest request) =>
        Texts(request).Any(t => t.Text?.Contains('\0', StringComparison.Ordinal) == true);

    private static IEnumerable<(string Field, string? Text)> Texts(CaseIntakeRequest r) =>
    [
        ("channel", r.Channel), ("content", r.Content), ("type", r.Type), ("subjectCode", r.SubjectCode), ("citizenName", r.CitizenName),
        ("citizenPhone", r.CitizenPhone), ("address", r.Address), ("districtCode", r.DistrictCode), ("urgency", r.Urgency),
        ("knowledgeArticleId", r.KnowledgeArticleId),
    ];

    private static T? Parse<T>(string? text) where T : struct, Enum => EnumNames.TryParse<T>(text, out var value) ? value : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
