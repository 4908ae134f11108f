namespace Hotline.Workflows.Runtime;

/// <summary>Where <c>Elsa.WriteLine</c> writes.</summary>
public interface ITextOutput
{
    /// <summary>Writes a line for an instance.</summary>
    void WriteLine(string workflowInstanceId, string text);
}
