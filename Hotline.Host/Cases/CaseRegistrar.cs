using System.Text.Json.Nodes;
using Hotline.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Cases;

/// <summary>What an operator (or an integrator's channel) registers.</summary>
/// <param name="Channel">How the case arrived.</param>
/// <param name="Content">What the citizen said; required.</param>
/// <param name="Type">Consultation, help, complaint...</param>
/// <param name="SubjectCode">The subject, if classified already.</param>
/// <param name="CitizenName">The citizen's name, if given.</param>
/// <param name="CitizenPhone">The citizen's telephone, in any format (it is normalized).</param>
/// <param name="Address">Where the problem is.</param>
/// <param name="DistrictCode">The six-digit district code of the place.</param>
/// <param name="Urgency">Normal unless said otherwise.</param>
/// <param name="WorkflowInstanceId">The lifecycle workflow instance, if it already exists.</param>
public sealed record CaseRegistration(
    CaseChannel Channel,
    string Content,
    CaseType Type,
    string? SubjectCode = null,
    string? CitizenName = null,
    string? CitizenPhone = null,
    string? Address = null,
    string? DistrictCode = null,
    CaseUrgency Urgency = CaseUrgency.Normal,
    string? WorkflowInstanceId = null);

/// <summary>Registers cases (受理): a number, the case row and its <see cref="CaseEventKind.Registered"/> event.</summary>
public sealed class CaseRegistrar(IDbContextFactory<HotlineDbContext> contexts, CaseNumberGenerator numbers, TimeProvider clock)
{
    /// <summary>Registers a case and returns it as saved.</summary>
    public async Task<Case> RegisterAsync(CaseRegistration registration, CaseActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.Content);
        if (registration.DistrictCode is { } district && (district.Length != 6 || !district.All(char.IsAsciiDigit)))
            throw new ArgumentException($"District code '{district}' is not six digits.", nameof(registration));

        var now = clock.GetUtcNow();
        var number = await numbers.NextAsync(now, cancellationToken);
        var @case = new Case
        {
            Id = Guid.CreateVersion7(now),
            Number = number,
            Channel = registration.Channel,
            CitizenName = string.IsNullOrWhiteSpace(registration.CitizenName) ? null : registration.CitizenName.Trim(),
            CitizenPhone = PhoneNumbers.Normalize(registration.CitizenPhone),
            Address = string.IsNullOrWhiteSpace(registration.Address) ? null : registration.Address.Trim(),
            AddressKey = AddressKey.Normalize(registration.Address),
            DistrictCode = registration.DistrictCode,
            Content = registration.Content.Trim(),
            Type = registration.Type,
            SubjectCode = registration.SubjectCode,
            Urgency = registration.Urgency,
            Status = CaseStatus.Registered,
            WorkflowInstanceId = registration.WorkflowInstanceId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Add(@case);
        db.Append(@case, CaseEventKind.Registered, actor, now, new JsonObject
        {
            ["channel"] = @case.Channel.ToString(),
            ["type"] = @case.Type.ToString(),
            ["subjectCode"] = @case.SubjectCode,
            ["urgency"] = @case.Urgency.ToString(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return @case;
    }
}
