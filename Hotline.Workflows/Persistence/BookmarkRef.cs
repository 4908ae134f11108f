namespace Hotline.Workflows.Persistence;

/// <summary>A bookmark as the index sees it.</summary>
public sealed record BookmarkRef(string BookmarkId, string WorkflowInstanceId, string Name, string? Hash, DateTimeOffset? ResumeAt, string? CorrelationId);
