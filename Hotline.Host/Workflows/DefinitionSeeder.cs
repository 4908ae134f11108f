using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Workflows;

/// <summary>
/// On start, imports and publishes every <c>definitions/*.json</c> whose definition id has no version stored yet. A
/// definition that exists in any version is left alone: an administrator's versions are never overwritten.
/// </summary>
/// <remarks>
/// The folder is <c>Hotline:Workflows:DefinitionsPath</c> if set; otherwise the first <c>definitions</c> folder found in
/// the content root, its parent (the repository in development), or the application's folder (the published copy).
/// Definitions used as activities by others are published first: a file that does not compile yet (its child is not
/// published) is tried again after the others, until a round publishes nothing.
/// </remarks>
public sealed class DefinitionSeeder(
    WorkflowRuntime runtime,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<DefinitionSeeder> logger) : IHostedService
{
    /// <summary>The configuration key of the folder.</summary>
    public const string PathKey = "Hotline:Workflows:DefinitionsPath";

    /// <summary>Set to <c>false</c> to skip seeding.</summary>
    public const string EnabledKey = "Hotline:Workflows:SeedDefinitions";

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(EnabledKey, true))
            return;
        var folder = ResolveFolder();
        if (folder is null)
        {
            logger.LogWarning("No definitions folder found; set {Key}.", PathKey);
            return;
        }

        var seeded = await SeedAsync(folder, cancellationToken);
        logger.LogInformation("Seeded {Count} workflow definitions from {Folder}.", seeded.Count, folder);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The folder to read: the configured path, or the first <c>definitions</c> folder found.</summary>
    public string? ResolveFolder()
    {
        if (configuration[PathKey] is { Length: > 0 } configured)
            return Path.GetFullPath(configured, environment.ContentRootPath);
        string?[] candidates =
        [
            Path.Combine(environment.ContentRootPath, "definitions"),
            Directory.GetParent(Path.GetFullPath(environment.ContentRootPath))?.FullName is { } parent ? Path.Combine(parent, "definitions") : null,
            Path.Combine(AppContext.BaseDirectory, "definitions"),
        ];
        return candidates.FirstOrDefault(Directory.Exists);
    }

    /// <summary>Publishes the definitions of <paramref name="folder"/> that are not stored yet; returns their ids.</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(string folder, CancellationToken cancellationToken = default)
    {
        var service = new WorkflowDefinitionService(runtime);
        var pending = new List<WorkflowDefinition>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var definition = WorkflowDefinitionReader.ReadFile(file);
            if (string.IsNullOrEmpty(definition.DefinitionId))
                definition.DefinitionId = Path.GetFileNameWithoutExtension(file);
            if ((await runtime.Definitions.ListVersionsAsync(definition.DefinitionId, cancellationToken)).Count == 0)
                pending.Add(definition);
        }

        var seeded = new List<string>();
        var errors = new Dictionary<string, Exception>();
        for (var progress = true; pending.Count > 0 && progress;)
        {
            errors.Clear();
            progress = false;
            foreach (var definition in pending.ToList())
            {
                try
                {
                    await service.SaveAndPublishAsync(definition, cancellationToken);
                    pending.Remove(definition);
                    seeded.Add(definition.DefinitionId);
                    progress = true;
                }
                catch (Exception e) when (e is WorkflowDefinitionException or DefinitionNotFoundException or WorkflowNotFoundException)
                {
                    errors[definition.DefinitionId] = e;
                }
            }
        }

        foreach (var (id, error) in errors)
            logger.LogError(error, "Definition {DefinitionId} from {Folder} was not published.", id, folder);
        return seeded;
    }
}
