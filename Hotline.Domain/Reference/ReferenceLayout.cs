namespace Hotline.Domain.Reference;

/// <summary>
/// The columns of one kind of reference file, and how a row becomes an entity and back. The entity's key column
/// comes first; an import inserts or updates by it.
/// </summary>
public abstract class ReferenceLayout
{
    /// <summary>The longest text cell read (an answer); longer cells are refused.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>The layouts of every kind.</summary>
    public static IReadOnlyList<ReferenceLayout> All { get; } = [new UnitLayout(), new SubjectLayout(), new RoutingRuleLayout(), new KnowledgeLayout()];

    /// <summary>The kind this layout reads.</summary>
    public abstract ReferenceKind Kind { get; }

    /// <summary>The columns, in the order exports write them.</summary>
    public abstract IReadOnlyList<ReferenceColumn> Columns { get; }

    /// <summary>The layout of a kind.</summary>
    public static ReferenceLayout For(ReferenceKind kind) => All.Single(l => l.Kind == kind);

    /// <summary>Reads a data row; problems are added through <paramref name="cells"/>.</summary>
    internal abstract object Read(ReferenceCells cells);

    /// <summary>An entity's cells, in column order.</summary>
    internal abstract IReadOnlyList<string> Write(object entity);

    /// <summary>An entity's key (code or id).</summary>
    internal abstract string KeyOf(object entity);
}

/// <summary>A layout for entities of type <typeparamref name="T"/>.</summary>
public abstract class ReferenceLayout<T> : ReferenceLayout
    where T : class
{
    internal sealed override object Read(ReferenceCells cells) => ReadRow(cells);

    internal sealed override IReadOnlyList<string> Write(object entity) => WriteRow((T)entity);

    internal sealed override string KeyOf(object entity) => Key((T)entity);

    internal abstract T ReadRow(ReferenceCells cells);

    internal abstract IReadOnlyList<string> WriteRow(T entity);

    internal abstract string Key(T entity);
}
