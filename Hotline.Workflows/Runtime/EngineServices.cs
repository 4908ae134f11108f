namespace Hotline.Workflows.Runtime;

/// <summary>What the engine needs from its host while it executes.</summary>
public sealed class EngineServices
{
    /// <summary>The clock (a fake one in tests).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Where WriteLine goes.</summary>
    public ITextOutput TextOutput { get; init; } = NullTextOutput.Instance;

    /// <summary>
    /// The host's services, for activities that need them (the hotline activities). Each burst runs with the services of
    /// its own scope (<see cref="Persistence.IBurstScope.Services"/>); these are the root ones.
    /// </summary>
    public IServiceProvider? HostServices { get; init; }

    /// <summary>Sends the HTTP requests of workflows; by default to public addresses only (<see cref="Http.GuardedHttpRequestSender.Default"/>).</summary>
    public Http.IHttpRequestSender HttpRequests { get; init; } = Http.GuardedHttpRequestSender.Default;

    /// <summary>What one JavaScript evaluation may use (time, statements, memory, recursion).</summary>
    public Expressions.JavaScriptLimits JavaScript { get; init; } = Expressions.JavaScriptLimits.Default;

    /// <summary>The definitions, as the burst sees them (activities that start other definitions look them up); set by the runtime.</summary>
    public Persistence.IWorkflowDefinitionStore? Definitions { get; init; }

    /// <summary>The same services with <paramref name="hostServices"/> as the host's (one burst's scope).</summary>
    public EngineServices WithHostServices(IServiceProvider? hostServices) =>
        ReferenceEquals(hostServices, HostServices) ? this : Copy(hostServices, Definitions);

    /// <summary>The same services reading definitions through <paramref name="definitions"/>.</summary>
    public EngineServices WithDefinitions(Persistence.IWorkflowDefinitionStore definitions) =>
        ReferenceEquals(definitions, Definitions) ? this : Copy(HostServices, definitions);

    private EngineServices Copy(IServiceProvider? hostServices, Persistence.IWorkflowDefinitionStore? definitions) => new()
    {
        Clock = Clock, TextOutput = TextOutput, HostServices = hostServices, IsTransient = IsTransient, JavaScript = JavaScript,
        HttpRequests = HttpRequests, Definitions = definitions,
    };

    /// <summary>
    /// Whether an exception an activity threw is a passing failure of the host's infrastructure (the database is
    /// restarting, a connection broke): such an exception aborts the burst, so nothing of it is saved and the caller
    /// (a client's retry, the next timer sweep) runs it again, instead of faulting the instance for good. None by default.
    /// </summary>
    public Func<Exception, bool> IsTransient { get; init; } = static _ => false;
}
