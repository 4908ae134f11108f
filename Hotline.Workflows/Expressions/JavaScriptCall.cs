using Hotline.Workflows.Runtime;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using static Hotline.Workflows.Expressions.JavaScriptValues;

namespace Hotline.Workflows.Expressions;

/// <summary>One evaluation: the engine running the script and the activity it runs for.</summary>
internal sealed class JavaScriptCall(Engine engine, ActivityExecutionContext context)
{
    public Engine Engine { get; } = engine;
    public ActivityExecutionContext Context { get; } = context;

    /// <summary>Sets a variable in scope, keeping <c>variables.X</c> in step as Elsa does.</summary>
    public JsValue SetVariable(string name, JsValue value)
    {
        Context.SetVariable(name, ToClr(Engine, value));
        if (Engine.GetValue("variables") is ObjectInstance variables && variables.HasOwnProperty(name))
            variables.Set(name, value);
        return JsValue.Undefined;
    }
}
