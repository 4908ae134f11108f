using System.Security.Claims;
using Hotline.Workbench.Inbox;

namespace Hotline.Workbench.Administration;

/// <summary>The names the administration forms offer to choose from (the host reads them from the reference tables).</summary>
public interface IWorkbenchReference
{
    /// <summary>Every unit, subject and district by name; empty for anyone but an administrator.</summary>
    Task<AdminChoices> ChoicesAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}

/// <summary>The choices: units (active ones), subjects and districts (named by their district-level unit), each by code and name.</summary>
public sealed record AdminChoices(IReadOnlyList<UnitChoice> Units, IReadOnlyList<UnitChoice> Subjects, IReadOnlyList<UnitChoice> Districts)
{
    /// <summary>No choices.</summary>
    public static AdminChoices None { get; } = new([], [], []);

    /// <summary>The name of the unit <paramref name="code"/>, or the code.</summary>
    public string Unit(string? code) => NameOf(Units, code);

    /// <summary>The name of the subject <paramref name="code"/>, or the code.</summary>
    public string Subject(string? code) => NameOf(Subjects, code);

    /// <summary>The name of the district <paramref name="code"/>, or the code.</summary>
    public string District(string? code) => NameOf(Districts, code);

    private static string NameOf(IReadOnlyList<UnitChoice> choices, string? code) => choices.FirstOrDefault(c => c.Code == code)?.Name ?? code ?? "";
}
