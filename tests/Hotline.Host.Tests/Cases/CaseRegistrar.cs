using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Cases;

/// <summary>A request to register outside a workflow (tests that need cases without running the lifecycle).</summary>
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

/// <summary>Registers cases as <c>Hotline.RegisterCase</c> does (the same check, number and entity method), each in a scope of its own.</summary>
public sealed class CaseRegistrar(IServiceProvider services)
{
    public async Task<Case> RegisterAsync(CaseRegistration registration, CaseActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        await using var scope = services.CreateAsyncScope();
        var (request, errors) = NewCase.Check(new CaseIntakeRequest(registration.Channel.ToString(), registration.Content, registration.Type.ToString(),
            registration.SubjectCode, registration.CitizenName, registration.CitizenPhone, registration.Address, registration.DistrictCode, registration.Urgency.ToString()), null);
        if (request is null)
            throw new ArgumentException(string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}")), nameof(registration));
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var number = await scope.ServiceProvider.GetRequiredService<CaseNumberGenerator>().NextAsync(now, cancellationToken);
        var @case = Case.Register(request, number, registration.WorkflowInstanceId, actor, now);
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        db.Cases.Add(@case);
        await db.SaveChangesAsync(cancellationToken);
        return @case;
    }
}
