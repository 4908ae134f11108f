using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Hotline.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hotline.Domain.Persistence;

/// <summary>
/// Writes the rows of a <see cref="WorkflowCommit"/> (the instance, the bookmarks it removes and adds, its history row)
/// as one command in the caller's transaction, and says whether every row was written as expected.
/// </summary>
/// <remarks>
/// <para>
/// Why not <c>SaveChanges</c>: these rows are written on every burst of every instance, and EF Core's update pipeline
/// (tracking entries, sorting commands, building and batching SQL, one statement per row) cost as much CPU as the
/// database work itself. The statements are what EF Core would send: an insert of the instance (or an update guarded by
/// its revision), deletes of the removed bookmarks by key, inserts of the added ones and of the history row.
/// </para>
/// <para>
/// The tables, columns, value conversions (moments as UTC ticks on SQLite, enums as names) and identifier quoting all
/// come from the EF Core model and provider, so the SQL follows the entity configurations; a store-generated column
/// (the history row's id) is left to the database.
/// </para>
/// </remarks>
internal sealed class WorkflowCommitWriter
{
    private static readonly ConditionalWeakTable<IModel, WorkflowCommitWriter> ByModel = [];

    // Rows per INSERT and keys per DELETE: every provider limits the parameters of one statement (SQLite to 32766), SQL
    // Server the rows of one INSERT ... VALUES to 1,000. The parameters of a whole command: see Split.
    private const int RowsPerStatement = 100;
    private const int MaxCachedBookmarks = 8;

    private readonly ISqlGenerationHelper _sqlHelper;
    private readonly RowWriter _instances;
    private readonly RowWriter _bookmarks;
    private readonly RowWriter _history;
    private readonly int _maxParameters;
    private readonly ConcurrentDictionary<(bool Insert, ulong Changed, int Removed, int Added, bool History), string> _sql = new();

    private WorkflowCommitWriter(DbContext db)
    {
        var sql = _sqlHelper = db.GetService<ISqlGenerationHelper>();
        _instances = new RowWriter(db.Model, typeof(WorkflowInstanceRow), sql);
        _bookmarks = new RowWriter(db.Model, typeof(BookmarkRow), sql);
        _history = new RowWriter(db.Model, typeof(WorkflowHistoryRow), sql);
        _maxParameters = ((HotlineDbContext)db).MaxCommandParameters;
    }

    /// <summary>The writer of <paramref name="db"/>'s model (one per provider), built on first use.</summary>
    public static WorkflowCommitWriter For(DbContext db) => ByModel.GetValue(db.Model, _ => new WorkflowCommitWriter(db));

    /// <summary>
    /// The commit's commands on <paramref name="connection"/>, their rows converted and the history serialized, ready to
    /// run in a transaction: callers build them before they begin it, so a SQLite writer holds the database's one write
    /// lock only while the statements run.
    /// </summary>
    public PreparedWrite Prepare(DbConnection connection, WorkflowCommit commit)
    {
        var (commands, expected) = CreateCommands(connection, null, commit);
        return new PreparedWrite(commands, expected);
    }

    /// <summary>The commands of one commit, built and not yet run.</summary>
    internal sealed class PreparedWrite(List<DbCommand> commands, int expectedRows) : IAsyncDisposable
    {
        /// <summary>
        /// Runs the commands in <paramref name="transaction"/>. Returns false when a guarded row was not there to change
        /// (the instance is not at the expected revision, or a removed bookmark is gone): the caller rolls back.
        /// </summary>
        public async Task<bool> ExecuteAsync(DbTransaction transaction, CancellationToken cancellationToken)
        {
            // Each row is written once or not at all (an insert that cannot write throws; the tables have no triggers), so
            // the total of rows affected says whether every guarded update and delete found its row.
            var affected = 0;
            foreach (var command in commands)
            {
                command.Transaction = transaction;
                affected += await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return affected == expectedRows;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in commands)
                await command.DisposeAsync();
        }
    }

    /// <summary>
    /// The commands that write the commit, and the rows they affect when every guarded row is found: one command, or
    /// several when the rows need more parameters than the provider takes in one (<see cref="HotlineDbContext.MaxCommandParameters"/>).
    /// </summary>
    internal (List<DbCommand> Commands, int ExpectedRows) CreateCommands(DbConnection connection, DbTransaction? transaction, WorkflowCommit commit)
    {
        var insert = commit.ExpectedRevision == 0;
        var removed = commit.RemovedBookmarks.Select(b => b.Id).Distinct(StringComparer.Ordinal).ToList();
        var history = WorkflowHistoryRow.From(commit);
        var instance = WorkflowInstanceRow.From(commit.Instance);
        // An update sets the columns that differ from the revision the burst loaded (all of them if that is unknown):
        // SQLite leaves alone the indexes on columns an UPDATE does not set, and each index it touches is a page written.
        var changed = insert ? 0 : _instances.Changed(instance, commit.Previous is { } previous ? WorkflowInstanceRow.From(previous, withState: false) : null);
        var shape = (Insert: insert, Changed: changed, Removed: removed.Count, Added: commit.AddedBookmarks.Count, History: history is not null);
        var commands = new List<DbCommand>();
        foreach (var part in Split(shape))
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            commands.Add(command);
            var parameters = new ParameterList(command, _sqlHelper);
            if (part.Instance && insert)
                _instances.AddValues(parameters, instance);
            else if (part.Instance)
            {
                _instances.AddValues(parameters, instance, changed);
                parameters.Add(_instances.Key!, instance.Id);
                parameters.Add(_instances.ConcurrencyToken!, commit.ExpectedRevision);
            }

            foreach (var id in removed.Skip(part.RemovedFrom).Take(part.Shape.Removed))
                parameters.Add(_bookmarks.Key!, id);
            foreach (var bookmark in commit.AddedBookmarks.Skip(part.AddedFrom).Take(part.Shape.Added))
                _bookmarks.AddValues(parameters, BookmarkRow.From(bookmark, commit.Instance));
            if (part.Shape.History)
                _history.AddValues(parameters, history!);

            // The usual shapes (a few bookmarks, one command) are built once; a burst that adds or removes many builds its own.
            var cached = part.Instance && shape.Removed <= MaxCachedBookmarks && shape.Added <= MaxCachedBookmarks;
            command.CommandText = cached ? _sql.GetOrAdd(part.Shape, BuildSql) : BuildSql(part.Shape, part.Instance);
        }

        return (commands, 1 + removed.Count + commit.AddedBookmarks.Count + (history is null ? 0 : 1));
    }

    /// <summary>
    /// The commit in commands of at most <see cref="_maxParameters"/> parameters: the first writes the instance, the
    /// removed and added bookmarks follow in order and the history row comes last, each command taking what fits.
    /// </summary>
    private List<Part> Split((bool Insert, ulong Changed, int Removed, int Added, bool History) shape)
    {
        var instanceParameters = shape.Insert ? _instances.Width : System.Numerics.BitOperations.PopCount(shape.Changed) + 2;
        var total = instanceParameters + shape.Removed + shape.Added * _bookmarks.Width + (shape.History ? _history.Width : 0);
        if (total <= _maxParameters)
            return [new Part(true, shape, 0, 0)];
        var parts = new List<Part>();
        var current = new Part(true, shape with { Removed = 0, Added = 0, History = false }, 0, 0);
        var used = instanceParameters;
        void Take(int width, Func<Part, Part> grow)
        {
            if (used + width > _maxParameters)
            {
                parts.Add(current);
                var (removedFrom, addedFrom) = (current.RemovedFrom + current.Shape.Removed, current.AddedFrom + current.Shape.Added);
                current = new Part(false, shape with { Removed = 0, Added = 0, History = false }, removedFrom, addedFrom);
                used = 0;
            }

            current = grow(current);
            used += width;
        }

        for (var i = 0; i < shape.Removed; i++)
            Take(1, p => p with { Shape = p.Shape with { Removed = p.Shape.Removed + 1 } });
        for (var i = 0; i < shape.Added; i++)
            Take(_bookmarks.Width, p => p with { Shape = p.Shape with { Added = p.Shape.Added + 1 } });
        if (shape.History)
            Take(_history.Width, p => p with { Shape = p.Shape with { History = true } });
        parts.Add(current);
        return parts;
    }

    /// <summary>One command of a commit: whether it writes the instance, its share of the bookmarks and the history row.</summary>
    private sealed record Part(bool Instance, (bool Insert, ulong Changed, int Removed, int Added, bool History) Shape, int RemovedFrom, int AddedFrom);

    private string BuildSql((bool Insert, ulong Changed, int Removed, int Added, bool History) shape) => BuildSql(shape, instance: true);

    private string BuildSql((bool Insert, ulong Changed, int Removed, int Added, bool History) shape, bool instance)
    {
        var sql = new StringBuilder();
        var next = 0;
        if (instance && shape.Insert)
            _instances.AppendInsert(sql, 1, ref next);
        else if (instance)
            _instances.AppendUpdate(sql, shape.Changed, ref next);
        for (var done = 0; done < shape.Removed; done += RowsPerStatement)
            _bookmarks.AppendDelete(sql, Math.Min(RowsPerStatement, shape.Removed - done), ref next);
        for (var done = 0; done < shape.Added; done += RowsPerStatement)
            _bookmarks.AppendInsert(sql, Math.Min(RowsPerStatement, shape.Added - done), ref next);
        if (shape.History)
            _history.AppendInsert(sql, 1, ref next);
        return sql.ToString();
    }

    /// <summary>Parameters named p0, p1, ... in the order the SQL uses them, typed and converted by the model's mappings.</summary>
    private sealed class ParameterList(DbCommand command, ISqlGenerationHelper sql)
    {
        private int _count;

        public void Add(Column column, object? value) =>
            command.Parameters.Add(column.Mapping.CreateParameter(command, sql.GenerateParameterName(Name(_count++)), value, column.Nullable));

        public static string Name(int index) => "p" + index.ToString(CultureInfo.InvariantCulture);
    }

    private sealed record Column(string Name, PropertyInfo Property, RelationalTypeMapping Mapping, bool Nullable);

    /// <summary>The SQL and parameter values of one entity type's table.</summary>
    private sealed class RowWriter
    {
        private readonly ISqlGenerationHelper _sql;
        private readonly string _table;
        private readonly List<Column> _columns = [];

        public RowWriter(IModel model, Type clrType, ISqlGenerationHelper sql)
        {
            _sql = sql;
            var entity = model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            _table = sql.DelimitIdentifier(table.Name, table.Schema);
            foreach (var property in entity.GetProperties())
            {
                if (property.ValueGenerated != ValueGenerated.Never)
                    continue;
                if (_columns.Count == 64)
                    throw new InvalidOperationException($"{clrType.Name} has more columns than the commit writer's masks hold.");
                var column = new Column(sql.DelimitIdentifier(property.GetColumnName(table)!), property.PropertyInfo
                    ?? throw new InvalidOperationException($"{clrType.Name}.{property.Name} has no CLR property; the commit writer reads row objects."),
                    property.GetRelationalTypeMapping(), property.IsNullable);
                _columns.Add(column);
                if (property.IsPrimaryKey())
                    Key = column;
                else if (property.IsConcurrencyToken)
                    ConcurrencyToken = column;
            }
        }

        /// <summary>The parameters of one row: one per column the database does not generate.</summary>
        public int Width => _columns.Count;

        /// <summary>The key column, unless the database generates the key (then rows are only inserted).</summary>
        public Column? Key { get; }

        /// <summary>The concurrency token column, if any.</summary>
        public Column? ConcurrencyToken { get; }

        /// <summary>One parameter per column, in column order.</summary>
        public void AddValues(ParameterList parameters, object row)
        {
            foreach (var column in _columns)
                parameters.Add(column, column.Property.GetValue(row));
        }

        /// <summary>One parameter per column of <paramref name="columns"/> (a mask from <see cref="Changed"/>), in column order.</summary>
        public void AddValues(ParameterList parameters, object row, ulong columns)
        {
            for (var i = 0; i < _columns.Count; i++)
            {
                if ((columns & (1UL << i)) != 0)
                    parameters.Add(_columns[i], _columns[i].Property.GetValue(row));
            }
        }

        /// <summary>
        /// The mask of the columns but the key whose values in <paramref name="row"/> differ from
        /// <paramref name="previous"/>'s; every column but the key when <paramref name="previous"/> is null.
        /// </summary>
        public ulong Changed(object row, object? previous)
        {
            var mask = 0UL;
            for (var i = 0; i < _columns.Count; i++)
            {
                if (_columns[i] != Key && (previous is null || !Equals(_columns[i].Property.GetValue(row), _columns[i].Property.GetValue(previous))))
                    mask |= 1UL << i;
            }

            return mask;
        }

        public void AppendInsert(StringBuilder sql, int rows, ref int next)
        {
            sql.Append("INSERT INTO ").Append(_table).Append(" (").AppendJoin(", ", _columns.Select(c => c.Name)).Append(") VALUES ");
            for (var row = 0; row < rows; row++)
            {
                sql.Append(row == 0 ? "(" : ", (");
                for (var i = 0; i < _columns.Count; i++)
                    sql.Append(i == 0 ? "" : ", ").Append(Placeholder(next++));
                sql.Append(')');
            }

            sql.Append(_sql.StatementTerminator).AppendLine();
        }

        /// <summary>Sets the columns of <paramref name="columns"/>, where the key and the concurrency token still have their expected values.</summary>
        public void AppendUpdate(StringBuilder sql, ulong columns, ref int next)
        {
            sql.Append("UPDATE ").Append(_table).Append(" SET ");
            var first = true;
            for (var i = 0; i < _columns.Count; i++)
            {
                if ((columns & (1UL << i)) == 0)
                    continue;
                sql.Append(first ? "" : ", ").Append(_columns[i].Name).Append(" = ").Append(Placeholder(next++));
                first = false;
            }

            sql.Append(" WHERE ").Append(Key!.Name).Append(" = ").Append(Placeholder(next++));
            sql.Append(" AND ").Append(ConcurrencyToken!.Name).Append(" = ").Append(Placeholder(next++));
            sql.Append(_sql.StatementTerminator).AppendLine();
        }

        public void AppendDelete(StringBuilder sql, int keys, ref int next)
        {
            sql.Append("DELETE FROM ").Append(_table).Append(" WHERE ").Append(Key!.Name).Append(" IN (");
            for (var i = 0; i < keys; i++)
                sql.Append(i == 0 ? "" : ", ").Append(Placeholder(next++));
            sql.Append(')').Append(_sql.StatementTerminator).AppendLine();
        }

        private string Placeholder(int index) => _sql.GenerateParameterNamePlaceholder(ParameterList.Name(index));
    }
}
