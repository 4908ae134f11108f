using Hotline.Workflows.Persistence;

namespace Hotline.Host.Tests.Persistence;

/// <summary>The store contract on the engine's in-memory stores, which engine tests and benchmarks rely on.</summary>
public sealed class MemoryWorkflowStoreTests : WorkflowStoreContractTests
{
    protected override Task<(IWorkflowDefinitionStore Definitions, IWorkflowInstanceStore Instances)> CreateStoresAsync() =>
        Task.FromResult<(IWorkflowDefinitionStore, IWorkflowInstanceStore)>((new MemoryWorkflowDefinitionStore(), new MemoryWorkflowInstanceStore()));
}
