using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Hotline.Workflows.Activities;

/// <summary>The activity types the engine knows, by type name and version.</summary>
public sealed class ActivityRegistry
{
    private readonly ConcurrentDictionary<(string Type, int Version), ActivityDescriptor> _descriptors = new();

    /// <summary>A registry holding the built-in Elsa activities.</summary>
    public static ActivityRegistry CreateDefault()
    {
        var registry = new ActivityRegistry();
        registry.RegisterAssembly(typeof(ActivityRegistry).Assembly);
        return registry;
    }

    /// <summary>All descriptors.</summary>
    public IReadOnlyCollection<ActivityDescriptor> Descriptors => _descriptors.Values.ToList();

    /// <summary>Registers every concrete activity class with an <see cref="ActivityAttribute"/> in an assembly.</summary>
    public ActivityRegistry RegisterAssembly(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
            if (!type.IsAbstract && typeof(Activity).IsAssignableFrom(type) && type.GetCustomAttribute<ActivityAttribute>() is not null)
                Register(type);
        return this;
    }

    /// <summary>Registers an activity class.</summary>
    public ActivityDescriptor Register(Type type)
    {
        var descriptor = Describe(type);
        _descriptors[(descriptor.TypeName, descriptor.Version)] = descriptor;
        return descriptor;
    }

    /// <summary>Registers a ready-made descriptor (workflow definitions used as activities).</summary>
    public void Register(ActivityDescriptor descriptor) => _descriptors[(descriptor.TypeName, descriptor.Version)] = descriptor;

    /// <summary>Finds a descriptor.</summary>
    public ActivityDescriptor? Find(string type, int version) => _descriptors.GetValueOrDefault((type, version));

    /// <summary>Whether any version of a type is known.</summary>
    public bool HasType(string type) => _descriptors.Keys.Any(k => k.Type == type);

    /// <summary>Builds a descriptor from an activity class and its attributes.</summary>
    public static ActivityDescriptor Describe(Type type)
    {
        var attribute = type.GetCustomAttribute<ActivityAttribute>() ?? throw new ArgumentException($"{type} has no [Activity] attribute.", nameof(type));
        var name = attribute.TypeName ?? type.Name;
        var inputs = new List<InputDescriptor>();
        var outputs = new List<OutputDescriptor>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<InputAttribute>() is { } input)
            {
                var valueType = UnwrapInputType(property.PropertyType);
                inputs.Add(new InputDescriptor(
                    property.Name,
                    valueType,
                    Expressions.ValueConverter.AliasOf(valueType),
                    input.DisplayName ?? property.Name,
                    input.Description,
                    input.UIHint ?? DefaultUiHint(valueType),
                    input.IsWrapped,
                    input.DefaultSyntax,
                    input.DefaultValue,
                    input.Options,
                    input.Required));
            }
            else if (property.GetCustomAttribute<OutputAttribute>() is { } output)
            {
                var valueType = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[0] : typeof(object);
                outputs.Add(new OutputDescriptor(property.Name, valueType, Expressions.ValueConverter.AliasOf(valueType), property.Name, output.Description));
            }
        }

        var factory = Expression.Lambda<Func<Activity>>(Expression.New(type)).Compile();
        return new ActivityDescriptor
        {
            TypeName = $"{attribute.Namespace}.{name}",
            Version = attribute.Version,
            Namespace = attribute.Namespace,
            Name = name,
            Category = attribute.Category,
            DisplayName = attribute.DisplayName ?? name,
            Description = attribute.Description,
            Kind = typeof(ITriggerActivity).IsAssignableFrom(type) ? ActivityKind.Trigger : typeof(ITaskActivity).IsAssignableFrom(type) ? ActivityKind.Task : ActivityKind.Action,
            Outcomes = attribute.Outcomes,
            Inputs = inputs,
            Outputs = outputs,
            Ports = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetCustomAttribute<PortAttribute>() is not null).Select(p => p.Name).ToList(),
            IsContainer = typeof(IContainerActivity).IsAssignableFrom(type),
            IsBrowsable = type.GetCustomAttribute<System.ComponentModel.BrowsableAttribute>()?.Browsable ?? true,
            IsTerminal = typeof(ITerminalActivity).IsAssignableFrom(type),
            IsStart = typeof(IStartActivity).IsAssignableFrom(type),
            Factory = factory,
            ClrType = type,
        };
    }

    private static Type UnwrapInputType(Type propertyType) =>
        propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(Input<>) ? propertyType.GetGenericArguments()[0] : propertyType;

    private static string DefaultUiHint(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(bool)) return "checkbox";
        if (type.IsEnum) return "dropdown";
        if (type == typeof(List<string>) || type == typeof(ICollection<string>)) return "multi-text";
        return "singleline";
    }
}

/// <summary>Marks an activity that contains other activities.</summary>
public interface IContainerActivity;

/// <summary>Marks an activity that waits for a human task.</summary>
public interface ITaskActivity;

/// <summary>Marks Elsa's explicit start node.</summary>
public interface IStartActivity;
