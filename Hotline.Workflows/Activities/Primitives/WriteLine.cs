using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Primitives;

/// <summary>Writes a line of text (to the console of the command-line runner, to the log in the host).</summary>
[Activity("Elsa", "Primitives", "Write a line of text to the console.", DisplayName = "Write Line")]
public sealed class WriteLine : CodeActivity
{
    /// <summary>The text to write.</summary>
    [Input(Description = "The text to write.")]
    public Input<string>? Text { get; set; }

    /// <inheritdoc />
    protected override Outcomes Execute(ActivityExecutionContext context)
    {
        var text = context.Get(Text);
        context.WriteLine(text);
        context.JournalData["text"] = text;
        return Outcomes.Done;
    }
}
