using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Hotline.Host.Elsa.Words;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Activities.Composition;
using Hotline.Workflows.Activities.Flow;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Elsa;

/// <summary>
/// The activity descriptors the designer shows (CONTRACT §6.1), made from the engine's own metadata: every activity
/// type of the <see cref="ActivityRegistry"/> (Elsa's built-in types the engine implements and the hotline's), and every
/// stored version of a definition usable as an activity (browsable when it is the published one; older versions stay
/// described so canvases that use them still render). Ports are the outcomes the engine completes with; inputs that
/// take a unit or subject code get dropdowns filled from the database (when it holds any), case types and urgencies
/// the hotline's own lists.
/// </summary>
public sealed class ActivityDescriptorCatalog(ActivityRegistry registry, WorkflowRuntime runtime, IDbContextFactory<HotlineDbContext> contexts)
{
    private static readonly Dictionary<string, string> UiHintAliases = new(StringComparer.Ordinal)
    {
        // The registry's spellings; the Studio's editors are registered under these names (InputUIHints).
        ["multi-text"] = "multitext",
        ["check-list"] = "checklist",
        ["multi-line"] = "multiline",
        ["single-line"] = "singleline",
    };

    private static readonly HashSet<string> StudioUiHints = new(StringComparer.Ordinal)
    {
        "singleline", "multiline", "checkbox", "checklist", "code-editor", "datetime-picker", "dictionary", "dropdown",
        "dynamic-outcomes", "expression-editor", "http-status-codes", "json-editor", "multitext", "outcome-picker",
        "output-picker", "radiolist", "flow-switch-editor", "switch-editor", "type-picker", "variable-picker",
        "input-picker", "workflow-definition-picker",
    };

    /// <summary>Every descriptor in the reader's language (<c>zh</c>, or <c>en</c>: the attributes' words), built-in types first.</summary>
    public async Task<IReadOnlyList<ActivityDescriptorModel>> ListAsync(string language, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).Select(d => ActivityWords.Chinese.Translate(d, language)).ToList();

    /// <summary>Every descriptor as the activities' attributes describe them (English), built-in types first.</summary>
    public async Task<IReadOnlyList<ActivityDescriptorModel>> ListAsync(CancellationToken cancellationToken = default)
    {
        var lookups = await LoadLookupsAsync(cancellationToken);
        var descriptors = registry.Descriptors
            .Where(d => d.ClrType != typeof(WorkflowDefinitionActivity))
            .OrderBy(d => d.TypeName, StringComparer.Ordinal).ThenBy(d => d.Version)
            .Select(d => Describe(d, lookups))
            .ToList();
        var known = descriptors.Select(d => (d.TypeName, d.Version)).ToHashSet();
        foreach (var definition in await ListActivityDefinitionsAsync(cancellationToken))
        {
            var descriptor = DescribeWorkflow(definition, lookups);
            if (known.Add((descriptor.TypeName, descriptor.Version)))
                descriptors.Add(descriptor);
        }

        return descriptors;
    }

    /// <summary>
    /// Stored versions of definitions usable as activities, the published version of each definition first (so that it
    /// wins when two definitions would give the same type name and version), then the latest, then the rest.
    /// </summary>
    private async Task<List<WorkflowDefinition>> ListActivityDefinitionsAsync(CancellationToken cancellationToken) =>
        (await runtime.Definitions.ListAllVersionsAsync(cancellationToken))
            .Where(d => d.UsableAsActivity)
            .OrderByDescending(d => d.IsPublished).ThenByDescending(d => d.IsLatest).ThenBy(d => d.DefinitionId, StringComparer.Ordinal).ThenBy(d => d.Version)
            .ToList();

    private static ActivityDescriptorModel Describe(ActivityDescriptor descriptor, Lookups lookups)
    {
        var order = 0;
        var inputs = descriptor.Inputs.Select(input => DescribeInput(input, order++, isSynthetic: false, lookups)).ToList();
        order = 0;
        var outputs = descriptor.Outputs.Select(o => new OutputDescriptorModel(o.Name, o.TypeName, o.DisplayName, o.Description, order++)).ToList();
        // Terminal activities end their flowchart: nothing leaves them. A flowchart is a root, its start an embedded slot.
        // Embedded ports (a loop's Body, an If's Then and Else) come first, as Elsa's describer lists them.
        List<PortModel> ports = descriptor.ClrType == typeof(Flowchart) ? [new PortModel("Start", "Start", PortType.Embedded, IsBrowsable: false)]
            : descriptor.IsTerminal ? []
            : [.. descriptor.Ports.Select(p => new PortModel(p, p, PortType.Embedded)), .. descriptor.Outcomes.Select(o => new PortModel(o, o, PortType.Flow))];
        return new ActivityDescriptorModel
        {
            TypeName = descriptor.TypeName,
            Namespace = descriptor.Namespace,
            Name = descriptor.Name,
            Version = descriptor.Version,
            Category = descriptor.Category,
            DisplayName = descriptor.DisplayName,
            Description = descriptor.Description,
            Inputs = inputs,
            Outputs = outputs,
            Kind = descriptor.Kind,
            Ports = ports,
            IsContainer = descriptor.IsContainer,
            IsBrowsable = descriptor.IsBrowsable,
            IsStart = descriptor.IsStart,
            IsTerminal = descriptor.IsTerminal,
        };
    }

    private static ActivityDescriptorModel DescribeWorkflow(WorkflowDefinition definition, Lookups lookups)
    {
        // The engine's own description of a definition used as an activity: its type name, inputs, outputs and outcomes.
        var descriptor = WorkflowDefinitionActivity.Describe(definition);
        var inputUiHints = definition.Document["inputs"] as JsonArray ?? [];
        var order = 0;
        var inputs = descriptor.Inputs.Select(input =>
        {
            var declared = inputUiHints.OfType<JsonObject>().FirstOrDefault(i => ElsaWire.Text(i["name"]) == input.Name);
            var hint = ElsaWire.Text(declared?["uiHint"]);
            return DescribeInput(input with { UIHint = string.IsNullOrEmpty(hint) ? input.UIHint : hint }, order++, isSynthetic: true, lookups);
        }).ToList();
        order = 0;
        var outputs = descriptor.Outputs.Select(o => new OutputDescriptorModel(o.Name, o.TypeName, o.DisplayName, o.Description, order++, IsSynthetic: true)).ToList();
        return new ActivityDescriptorModel
        {
            TypeName = descriptor.TypeName,
            Namespace = descriptor.Namespace,
            Name = descriptor.Name,
            Version = descriptor.Version,
            Category = descriptor.Category,
            DisplayName = descriptor.DisplayName,
            Description = descriptor.Description,
            Inputs = inputs,
            Outputs = outputs,
            Kind = ActivityKind.Action,
            // Root: the child's flowchart, never drawn as a slot; the viewer names it in its breadcrumb once drilled in.
            Ports = [.. descriptor.Outcomes.Select(o => new PortModel(o, o, PortType.Flow)), new PortModel("Root", "Root", PortType.Embedded, IsBrowsable: false)],
            // WorkflowDefinitionVersionId: the instance viewer drills into such a node (double-click) only when it is
            // there, and then asks the host for the node's subgraph, the child's activities with their node ids.
            CustomProperties = new Dictionary<string, object> { ["RootType"] = "WorkflowDefinitionActivity", ["WorkflowDefinitionVersionId"] = definition.Id },
            // Copied onto a dropped node: the engine resolves the definition by id and pins the version published when
            // an instance starts (no version id, so publishing a new child version reaches new instances).
            ConstructionProperties = new Dictionary<string, object> { ["WorkflowDefinitionId"] = definition.DefinitionId },
            IsContainer = false,
            IsBrowsable = definition.IsPublished,
        };
    }

    private static InputDescriptorModel DescribeInput(InputDescriptor input, int order, bool isSynthetic, Lookups lookups)
    {
        var valueType = Nullable.GetUnderlyingType(input.Type) ?? input.Type;
        var hint = UiHintAliases.GetValueOrDefault(input.UIHint, input.UIHint);
        if (!StudioUiHints.Contains(hint))
            hint = "singleline";
        IReadOnlyDictionary<string, object>? specifications = null;
        var options = input.Options ?? (valueType.IsEnum ? Enum.GetNames(valueType) : null);
        if (hint == "checklist" && options is not null)
        {
            specifications = new Dictionary<string, object> { ["checklist"] = new CheckListProps(new CheckList(options.Select(o => new CheckListItem(o, o)).ToList())) };
        }
        else if (options is not null)
        {
            hint = "dropdown";
            specifications = Dropdown(options.Select(o => new SelectListItem(o, o)).ToList());
        }
        else if (hint == "singleline" && valueType == typeof(string) && lookups.For(input.Name) is { Count: > 0 } items)
        {
            hint = "dropdown";
            specifications = Dropdown(items);
        }

        return new InputDescriptorModel
        {
            Name = input.Name,
            // Enums travel as their names; the definitions store them as strings.
            TypeName = valueType.IsEnum ? "String" : input.TypeName,
            DisplayName = input.DisplayName,
            Description = input.Description,
            Order = order,
            IsSynthetic = isSynthetic,
            IsWrapped = input.IsWrapped,
            UIHint = hint,
            DefaultValue = input.DefaultValue is Enum e ? e.ToString() : input.DefaultValue,
            DefaultSyntax = input.DefaultSyntax ?? "Literal",
            UISpecifications = specifications,
        };
    }

    private static Dictionary<string, object> Dropdown(IReadOnlyList<SelectListItem> items) =>
        new() { ["dropdown"] = new DropDownProps(new SelectList(items)) };

    private async Task<Lookups> LoadLookupsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var units = await db.HandlingUnits.AsNoTracking().Where(u => u.IsActive)
            .Select(u => new { u.Code, u.Name }).ToListAsync(cancellationToken);
        var subjects = await db.Subjects.AsNoTracking().Select(s => new { s.Code, s.Name, s.ParentCode }).ToListAsync(cancellationToken);
        var subjectsByCode = subjects.ToDictionary(s => s.Code, StringComparer.Ordinal);
        string PathOf(string code)
        {
            // 市容环境 › 占道经营: the category path, guarded against a cycle in bad data.
            var names = new List<string>();
            for (var current = subjectsByCode.GetValueOrDefault(code); current is not null && names.Count < 8; current = current.ParentCode is null ? null : subjectsByCode.GetValueOrDefault(current.ParentCode))
                names.Insert(0, current.Name);
            return string.Join(" › ", names);
        }

        return new Lookups(
            units.OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => new SelectListItem($"{u.Name} ({u.Code})", u.Code)).ToList(),
            subjects.OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => new SelectListItem($"{PathOf(s.Code)} ({s.Code})", s.Code)).ToList());
    }

    /// <summary>Dropdown items of the hotline's reference data, chosen by the input's name.</summary>
    private sealed record Lookups(IReadOnlyList<SelectListItem> Units, IReadOnlyList<SelectListItem> Subjects)
    {
        public IReadOnlyList<SelectListItem>? For(string inputName) => inputName switch
        {
            _ when inputName.EndsWith("UnitCode", StringComparison.Ordinal) => Units,
            "SubjectCode" => Subjects,
            "CaseType" => Names<CaseType>(),
            "Urgency" => Names<CaseUrgency>(),
            _ => null,
        };

        private static List<SelectListItem> Names<T>() where T : struct, Enum =>
            Enum.GetNames<T>().Select(n => new SelectListItem(n, n)).ToList();
    }
}
