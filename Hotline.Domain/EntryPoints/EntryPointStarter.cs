using System.Text.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Expressions;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;

namespace Hotline.Domain.EntryPoints;

/// <summary>What a start over HTTP did.</summary>
public enum EntryPointStartOutcome
{
    /// <summary>A new instance was started.</summary>
    Created,

    /// <summary>The same key and request were seen before: the instance they started.</summary>
    Replayed,

    /// <summary>The key was used before for a different request; nothing was done.</summary>
    KeyReused,

    /// <summary>The input is not valid (<see cref="EntryPointStartResult.Errors"/>); nothing was done.</summary>
    Invalid,

    /// <summary>The entry point takes declared inputs, but its published version registers cases; nothing was done.</summary>
    RegistersCases,

    /// <summary>The entry point takes declared inputs, but its published version acts on cases otherwise (<see cref="CaseRegistering.ActsOnCases"/>); nothing was done.</summary>
    ActsOnCases,
}

/// <summary>The result of <see cref="EntryPointStarter.StartAsync"/>.</summary>
public sealed record EntryPointStartResult(EntryPointStartOutcome Outcome, WorkflowInstance? Instance, RunResult? Run, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>
/// A start request: the caller (from its credential), its idempotency key, the input and correlation id it sent, and the
/// district its credential confines it to (cases it registers must be in it).
/// </summary>
public sealed record EntryPointStartRequest(string Client, string? IdempotencyKey, JsonObject? Input, string? CorrelationId, string? DistrictCode = null);

/// <summary>
/// Starts an entry point for another system. A case-intake entry point takes a citizen's request through
/// <see cref="CaseIntake"/> (every intake check; the submitter is the caller); any other takes the inputs its definition
/// declares, and its <c>SubmittedBy</c> input, if declared, is the caller too. With an idempotency key, the same key and
/// request answer with the same instance, whatever the workflow did with its correlation id.
/// </summary>
public sealed class EntryPointStarter(WorkflowRuntime runtime, CaseIntake intake, IdempotencyKeys keys)
{
    /// <summary>The input that names who submitted a case; only the credential sets it.</summary>
    public const string SubmittedByInput = "SubmittedBy";

    /// <summary>Starts <paramref name="definition"/> (the published version of <paramref name="entry"/>'s definition).</summary>
    public Task<EntryPointStartResult> StartAsync(WorkflowEntryPoint entry, WorkflowDefinition definition, EntryPointStartRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(request);
        return entry.Intake == EntryPointIntake.Case
            ? StartCaseAsync(definition, request, cancellationToken)
            : StartWorkflowAsync(definition, request, cancellationToken);
    }

    private async Task<EntryPointStartResult> StartCaseAsync(WorkflowDefinition definition, EntryPointStartRequest request, CancellationToken cancellationToken)
    {
        var (caseRequest, errors) = CaseIntakeInput.Read(request.Input);
        if (caseRequest is null)
            return Invalid(errors);
        var result = await intake.StartAsync(caseRequest, new IntakeCaller(request.Client, request.DistrictCode), request.IdempotencyKey, definition.DefinitionId, request.CorrelationId, cancellationToken);
        return result.Outcome switch
        {
            CaseIntakeOutcome.Invalid => Invalid(CaseIntakeInput.InputErrors(result.Errors)),
            CaseIntakeOutcome.KeyReused => new EntryPointStartResult(EntryPointStartOutcome.KeyReused, null, null, NoErrors),
            _ => new EntryPointStartResult(
                result.Outcome == CaseIntakeOutcome.Created ? EntryPointStartOutcome.Created : EntryPointStartOutcome.Replayed,
                await runtime.Instances.FindAsync(result.Case!.WorkflowInstanceId!, cancellationToken), null, NoErrors),
        };
    }

    private async Task<EntryPointStartResult> StartWorkflowAsync(WorkflowDefinition definition, EntryPointStartRequest request, CancellationToken cancellationToken)
    {
        var errors = DeclaredInputs.Validate(definition, request.Input);
        var declaresSubmitter = definition.Inputs.Any(i => string.Equals(i.Name, SubmittedByInput, StringComparison.OrdinalIgnoreCase));
        if (declaresSubmitter && request.Input?.Any(p => string.Equals(p.Key, SubmittedByInput, StringComparison.OrdinalIgnoreCase)) == true)
            errors[$"input.{SubmittedByInput}"] = ["The submitter is the caller's credential; leave it out."];
        if (request.IdempotencyKey is { Length: > IdempotencyKeys.MaxKeyLength })
            errors["Idempotency-Key"] = [$"The key is longer than {IdempotencyKeys.MaxKeyLength} characters."];
        if (errors.Count > 0)
            return Invalid(errors);

        var input = request.Input?.ToDictionary(kv => kv.Key, kv => (object?)kv.Value?.DeepClone(), StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (declaresSubmitter)
            input[SubmittedByInput] = request.Client;
        string? instanceId = null;
        if (!string.IsNullOrEmpty(request.IdempotencyKey))
        {
            instanceId = IdempotencyKeys.InstanceId("idem-", request.Client, definition.DefinitionId, request.IdempotencyKey);
            var fingerprint = new JsonObject { ["input"] = request.Input?.DeepClone(), ["correlationId"] = request.CorrelationId };
            switch (await keys.ClaimAsync(request.Client, "workflow:" + definition.DefinitionId, request.IdempotencyKey, fingerprint, cancellationToken))
            {
                case IdempotencyClaim.Mismatch:
                    return new EntryPointStartResult(EntryPointStartOutcome.KeyReused, null, null, NoErrors);
                case IdempotencyClaim.Repeat when await runtime.Instances.FindAsync(instanceId, cancellationToken) is { } existing:
                    return new EntryPointStartResult(EntryPointStartOutcome.Replayed, existing, null, NoErrors);
            }
        }

        var blueprint = await runtime.GetBlueprintAsync(definition, cancellationToken);
        // A version published after the definition was opened may have started registering cases.
        if (CaseRegistering.RegistersCases(blueprint))
            return new EntryPointStartResult(EntryPointStartOutcome.RegistersCases, null, null, NoErrors);
        if (CaseRegistering.ActsOnCases(blueprint))
            return new EntryPointStartResult(EntryPointStartOutcome.ActsOnCases, null, null, NoErrors);
        try
        {
            var run = await runtime.StartAsync(blueprint, new StartOptions { Input = input, CorrelationId = request.CorrelationId, InstanceId = instanceId }, cancellationToken);
            return new EntryPointStartResult(EntryPointStartOutcome.Created, null, run, NoErrors);
        }
        catch (ConcurrencyConflictException) when (instanceId is not null)
        {
            // A concurrent request with the same key and request started it first.
            var existing = await runtime.Instances.FindAsync(instanceId, cancellationToken)
                ?? throw new InvalidOperationException($"Instance {instanceId} conflicted but does not exist.");
            return new EntryPointStartResult(EntryPointStartOutcome.Replayed, existing, null, NoErrors);
        }
    }

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private static EntryPointStartResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(EntryPointStartOutcome.Invalid, null, null, errors);
}

/// <summary>Checks an input object against the inputs a definition declares: known names, values of their types.</summary>
public static class DeclaredInputs
{
    /// <summary>The bad inputs, keyed <c>input.Name</c>; empty when every input is declared and converts.</summary>
    public static Dictionary<string, string[]> Validate(WorkflowDefinition definition, JsonObject? input)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new Dictionary<string, string[]>();
        if (input is null)
            return errors;
        var declared = definition.Inputs.ToDictionary(i => i.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in input)
        {
            if (!declared.TryGetValue(name, out var inputDefinition))
            {
                errors[$"input.{name}"] = [$"The workflow declares no input '{name}'. Declared: {(declared.Count == 0 ? "none" : string.Join(", ", declared.Keys))}."];
                continue;
            }

            try
            {
                var type = ValueConverter.ResolveAlias(inputDefinition.Type);
                if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && type != typeof(string) && type != typeof(object) && type.IsPrimitive)
                    throw new FormatException("a string was given");
                ValueConverter.Convert(value?.DeepClone(), type);
            }
            catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException or JsonException or InvalidOperationException)
            {
                errors[$"input.{name}"] = [$"Expected a value of type {inputDefinition.Type}: {e.Message}"];
            }
        }

        return errors;
    }
}
