namespace Hotline.Workflows.Activities.Tasks;

/// <summary>Elsa's RunTask: dispatches a named task and waits until it is reported done.</summary>
[Activity("Elsa", "Primitives", "Dispatches a task request and waits for it to complete.", TypeName = "RunTask", DisplayName = "Run Task")]
public sealed class RunTask : HumanTask;
