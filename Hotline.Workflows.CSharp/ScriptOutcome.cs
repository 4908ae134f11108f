namespace Hotline.Workflows.CSharp;

/// <summary><c>Outcome</c> in a script: <c>Outcome.Set("Approved")</c> picks the ports Elsa.RunCSharp completes through.</summary>
public sealed class ScriptOutcome
{
    /// <summary>The outcomes the script set, if it set any.</summary>
    public IReadOnlyList<string>? Names { get; private set; }

    /// <summary>Sets the outcomes of the running activity.</summary>
    public void Set(params string[] outcomeNames) => Names = outcomeNames;
}
