namespace Hotline.Workflows.Persistence;

/// <summary>What <see cref="IWorkflowInstanceStore.DeleteEndedAsync"/> did.</summary>
public enum InstanceDeletion
{
    /// <summary>The ended instance, its bookmarks, journal and records are gone.</summary>
    Deleted,

    /// <summary>No instance has that id.</summary>
    NotFound,

    /// <summary>The instance is running (or suspended, waiting) and was kept.</summary>
    Running,
}
