using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Workflows;

/// <summary>
/// On start, imports and publishes every <c>definitions/*.json</c> whose definition id has no version stored yet, and
/// every file a new release changed whose stored definition no administrator has changed since it was shipped. An
/// administrator's versions are never overwritten.
/// </summary>
/// <remarks>
/// <para>
/// A version the seeder publishes carries the SHA-256 of its file in <c>customProperties</c>
/// (<see cref="ShippedHashProperty"/>); versions saved or imported through the designer never do
/// (<c>ElsaMapping.Normalize</c> removes it). So when a file's hash differs from the one on the latest stored version,
/// the file is published as the next version if that latest version is a shipped one, and otherwise left for an
/// administrator to import, with a warning naming both. Running cases keep the version they started on.
/// </para>
/// <para>
/// The folder is <c>Hotline:Workflows:DefinitionsPath</c> if set; otherwise the first <c>definitions</c> folder found in
/// the content root, its parent (the repository in development), or the application's folder (the published copy).
/// Definitions used as activities by others are published first: a file that does not compile yet (its child is not
/// published) is tried again after the others, until a round publishes nothing.
/// </para>
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

    /// <summary>The <c>customProperties</c> entry of a shipped version: the SHA-256 (hex) of the file it was published from.</summary>
    public const string ShippedHashProperty = "hotlineShippedSha256";

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

    /// <summary>The file hash a shipped version carries, or null for a version an administrator saved.</summary>
    public static string? ShippedHash(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Document["customProperties"]?[ShippedHashProperty] is JsonValue value && value.TryGetValue<string>(out var hash) ? hash : null;
    }

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

    /// <summary>
    /// Publishes the definitions of <paramref name="folder"/> that are not stored yet, or whose file changed since the
    /// shipped version an administrator left as it was; returns their ids.
    /// </summary>
    public async Task<IReadOnlyList<string>> SeedAsync(string folder, CancellationToken cancellationToken = default)
    {
        var service = new WorkflowDefinitionService(runtime);
        var pending = new List<WorkflowDefinition>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var definition = WorkflowDefinitionReader.ReadFile(file);
            if (string.IsNullOrEmpty(definition.DefinitionId))
                definition.DefinitionId = Path.GetFileNameWithoutExtension(file);
            var hash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file, cancellationToken)));
            var latest = await runtime.Definitions.FindLatestAsync(definition.DefinitionId, cancellationToken);
            var latestHash = latest is null ? null : ShippedHash(latest);
            if (latest is not null && latestHash == hash)
                continue;
            if (latest is not null && latestHash is null)
            {
                logger.LogWarning("{File} differs from workflow definition {DefinitionId}, whose latest version ({Version}) an administrator saved; " +
                    "it is not updated. Import the file in the designer to take the shipped version.", file, definition.DefinitionId, latest.Version);
                continue;
            }

            if (latest is not null)
                logger.LogInformation("{File} changed since version {Version} of {DefinitionId} was shipped; publishing it as the next version.", file, latest.Version, definition.DefinitionId);
            if (definition.Document["customProperties"] is not JsonObject custom)
                definition.Document["customProperties"] = custom = new JsonObject();
            custom[ShippedHashProperty] = hash;
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
