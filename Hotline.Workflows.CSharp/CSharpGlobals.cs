using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.CSharp;

/// <summary>
/// What a C# script sees, as in Elsa 3.8: <c>Variables</c>/<c>Variable</c> (dynamic), <c>Input</c>/<c>Inputs</c>,
/// <c>Output.From(...)</c>, <c>Outcome.Set(...)</c>, <c>WorkflowInstanceId</c>, <c>CorrelationId</c>, and a
/// <c>CancellationToken</c> that is cancelled when the script runs past its time limit.
/// </summary>
public sealed class CSharpGlobals
{
    private readonly ActivityExecutionContext _context;

    internal CSharpGlobals(ActivityExecutionContext context, CancellationToken cancellationToken)
    {
        _context = context;
        Variables = new ScriptVariables(context);
        Input = new ScriptInputs(context);
        Output = new ScriptOutputs(context);
        CancellationToken = cancellationToken;
    }

    /// <summary>The variables in scope: <c>Variables.Total</c>.</summary>
    public dynamic Variables { get; }

    /// <summary>Same as <see cref="Variables"/> (Elsa's newer name).</summary>
    public dynamic Variable => Variables;

    /// <summary>The workflow's inputs: <c>Input.CaseId</c>.</summary>
    public dynamic Input { get; }

    /// <summary>Same as <see cref="Input"/> (Elsa's older name).</summary>
    public dynamic Inputs => Input;

    /// <summary>Outputs of other activities.</summary>
    public ScriptOutputs Output { get; }

    /// <summary>The outcomes Elsa.RunCSharp completes with.</summary>
    public ScriptOutcome Outcome { get; } = new();

    /// <summary>Variables, inputs and outputs by name, as Elsa's <c>ExecutionContext</c> offers them.</summary>
    public ScriptExecutionContext ExecutionContext => new(_context);

    /// <summary>The workflow instance's id.</summary>
    public string WorkflowInstanceId => _context.WorkflowInstanceId;

    /// <summary>The instance's correlation id; a script may set it.</summary>
    public string? CorrelationId
    {
        get => _context.Workflow.CorrelationId;
        set => _context.Workflow.CorrelationId = value;
    }

    /// <summary>Cancelled when the script runs past its time limit: a long script should check it.</summary>
    public CancellationToken CancellationToken { get; }
}

/// <summary>Elsa's <c>ExecutionContext</c> in a script: <c>GetVariable&lt;T&gt;</c>, <c>SetVariable</c>, <c>GetInput&lt;T&gt;</c>.</summary>
public sealed class ScriptExecutionContext
{
    private readonly ScriptVariables _variables;
    private readonly ScriptInputs _inputs;

    internal ScriptExecutionContext(ActivityExecutionContext context)
    {
        _variables = new ScriptVariables(context);
        _inputs = new ScriptInputs(context);
    }

    public T? GetVariable<T>(string name) => _variables.Get<T>(name);

    public object? GetVariable(string name) => _variables.Get(name);

    public void SetVariable(string name, object? value) => _variables.Set(name, value);

    public T? GetInput<T>(string name) => _inputs.Get<T>(name);
}
