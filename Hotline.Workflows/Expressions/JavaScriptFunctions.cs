using System.Text.RegularExpressions;
using Hotline.Workflows.Runtime;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using static Hotline.Workflows.Expressions.JavaScriptValues;

namespace Hotline.Workflows.Expressions;

/// <summary>
/// The global functions Elsa 3.8 gives every script (its common functions), besides the <c>getX()</c>/<c>setX(v)</c>
/// accessors: variables, inputs, the instance's identity and correlation, outcomes, and the string, JSON and GUID
/// helpers. Elsa's byte and stream helpers are left out: no .NET object reaches a script here.
/// </summary>
internal static partial class JavaScriptFunctions
{
    public static readonly IReadOnlyDictionary<string, Func<JavaScriptCall, JsValue[], JsValue>> All = new Dictionary<string, Func<JavaScriptCall, JsValue[], JsValue>>(StringComparer.Ordinal)
    {
        ["getVariable"] = (call, args) => ToJs(call.Engine, call.Context.TryGetVariable(Text(Arg(args, 0)), out var v) ? v : null),
        ["setVariable"] = (call, args) => call.SetVariable(Text(Arg(args, 0)), Arg(args, 1)),
        ["getInput"] = (call, args) => ToJs(call.Engine, call.Context.Scopes().Select(s => s.Input.GetValueOrDefault(Text(Arg(args, 0)))).FirstOrDefault(v => v is not null)),
        ["getWorkflowInstanceId"] = (call, _) => call.Context.WorkflowInstanceId,
        ["getWorkflowDefinitionId"] = (call, _) => call.Context.Workflow.Blueprint.Definition.DefinitionId,
        ["getWorkflowDefinitionVersionId"] = (call, _) => call.Context.Workflow.Blueprint.Definition.Id,
        ["getWorkflowDefinitionVersion"] = (call, _) => call.Context.Workflow.Blueprint.Definition.Version,
        ["getCorrelationId"] = (call, _) => call.Context.Workflow.CorrelationId is { } id ? id : JsValue.Null,
        ["setCorrelationId"] = (call, args) => Done(() => call.Context.Workflow.CorrelationId = NullableText(Arg(args, 0))),
        ["getOutputFrom"] = (call, args) => ToJs(call.Engine, JavaScriptOutputs.Get(call.Context, Text(Arg(args, 0)), NullableText(Arg(args, 1)))),
        ["getLastResult"] = (call, _) => ToJs(call.Engine, call.Context.Workflow.Outputs.LastResult),
        ["getWorkflowInstanceName"] = (call, _) => (call.Context.Workflow.Name ?? call.Context.Workflow.Blueprint.Definition.Name) is { } name ? name : JsValue.Null,
        ["setWorkflowInstanceName"] = (call, args) => Done(() => call.Context.Workflow.Name = NullableText(Arg(args, 0))),
        ["setOutcome"] = (_, args) => Done(() => JavaScriptEvaluator.Outcomes = [Text(Arg(args, 0))]),
        ["setOutcomes"] = (_, args) => Done(() => JavaScriptEvaluator.Outcomes = Arg(args, 0).IsArray()
            ? Arg(args, 0).AsArray().Select(Text).ToList()
            : [Text(Arg(args, 0))]),
        ["isNullOrEmpty"] = (_, args) => Text(Arg(args, 0)).Length == 0,
        ["isNullOrWhiteSpace"] = (_, args) => string.IsNullOrWhiteSpace(Text(Arg(args, 0))),
        ["toJson"] = (call, args) => new JsonSerializer(call.Engine).Serialize(Arg(args, 0)) is { } json && json.IsString() ? json : "null",
        ["parseGuid"] = (_, args) => Guid.Parse(Text(Arg(args, 0))).ToString(),
        ["newGuid"] = (_, _) => Guid.NewGuid().ToString(),
        ["newGuidString"] = (_, _) => Guid.NewGuid().ToString(),
        ["getGuidString"] = (_, _) => Guid.NewGuid().ToString(),
        ["newShortGuid"] = (_, _) => ShortGuid(),
        ["getShortGuid"] = (_, _) => ShortGuid(),
        ["stringToBase64"] = (_, args) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Text(Arg(args, 0)))),
        ["stringFromBase64"] = (_, args) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Text(Arg(args, 0)))),
    };

    private static JsValue Arg(JsValue[] args, int index) => index < args.Length ? args[index] : JsValue.Undefined;

    private static string? NullableText(JsValue value) => value.IsNull() || value.IsUndefined() ? null : Text(value);

    private static JsValue Done(Action action)
    {
        action();
        return JsValue.Undefined;
    }

    private static string ShortGuid() => ShortGuidNoise().Replace(Convert.ToBase64String(Guid.NewGuid().ToByteArray()), "");

    [GeneratedRegex("[/+=]")]
    private static partial Regex ShortGuidNoise();
}
