using Hotline.Domain.Persistence;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Search;

/// <summary>A case that matches a full-text query, with its rank: lower is better.</summary>
public sealed class CaseMatch
{
    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>SQLite's <c>bm25</c>, or PostgreSQL's <c>ts_rank</c> or SQL Server's <c>RANK</c> negated: the best match has the lowest rank.</summary>
    public double Rank { get; init; }
}

/// <summary>A knowledge-base article that matches a full-text query, with its rank: lower is better.</summary>
public sealed class ArticleMatch
{
    /// <summary>The article.</summary>
    public string ArticleId { get; init; } = "";

    /// <summary>SQLite's <c>bm25</c>, or PostgreSQL's <c>ts_rank</c> or SQL Server's <c>RANK</c> negated: the best match has the lowest rank.</summary>
    public double Rank { get; init; }
}

/// <summary>
/// Full-text queries over the index each database keeps (see the <c>ChineseSearch</c> migration): SQLite's FTS5 ranked by
/// <c>bm25</c>, PostgreSQL's <c>tsvector</c> (configuration <c>simple</c>) ranked by <c>ts_rank</c>, SQL Server's full-text
/// index (neutral word breaker, so the spaces between the stored words split them) ranked by <c>CONTAINSTABLE</c>'s
/// <c>RANK</c>. The terms come from
/// <see cref="ChineseSegmenter.QueryTerms"/>; each is quoted, so nothing in them is query syntax. Each query can be
/// composed with LINQ (joined to the rows the caller may see, filtered, paged).
/// </summary>
public static class FullTextQueries
{
    private static readonly Table CaseTable = new("CaseSearchEntries", "CaseSearchFts", "CaseId", "", [("*", 1.0)]);

    // Title and keywords weigh most, then the question, then the answer: bm25's column weights (in the FTS5 table's column
    // order) as PostgreSQL's ts_rank weighs the labels A, B and D the migration gives those columns.
    // SQL Server's CONTAINSTABLE has no column weights: one CONTAINSTABLE per weight, their ranks weighted and added.
    private static readonly Table ArticleTable = new("KnowledgeSearchEntries", "KnowledgeSearchFts", "ArticleId", ", 1.0, 0.4, 0.1, 1.0",
        [("([TitleTerms], [KeywordTerms])", 1.0), ("[QuestionTerms]", 0.4), ("[AnswerTerms]", 0.1)]);

    /// <summary>Cases whose content or address has all <paramref name="terms"/>, or any of them.</summary>
    public static IQueryable<CaseMatch> Cases(HotlineDbContext db, IReadOnlyList<string> terms, bool all) => Matches<CaseMatch>(db, CaseTable, terms, all);

    /// <summary>Articles (active or not) whose title, question, answer or keywords have all <paramref name="terms"/>, or any of them.</summary>
    public static IQueryable<ArticleMatch> Articles(HotlineDbContext db, IReadOnlyList<string> terms, bool all) => Matches<ArticleMatch>(db, ArticleTable, terms, all);

    private static IQueryable<T> Matches<T>(HotlineDbContext db, Table table, IReadOnlyList<string> terms, bool all)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfZero(terms.Count);
        return db switch
        {
            SqliteHotlineDbContext => db.Database.SqlQueryRaw<T>(table.SqliteSql, Fts5Query(terms, all)),
            SqlServerHotlineDbContext => db.Database.SqlQueryRaw<T>(table.SqlServerSql(all ? terms.Count : 0), [ContainsQuery(terms, all: false), .. all ? terms.Select(t => ContainsQuery([t], all: false)) : []]),
            _ => db.Database.SqlQueryRaw<T>(table.PostgreSqlSql, TsQuery(terms, all)),
        };
    }

    /// <summary>
    /// <c>CONTAINS</c>: each term a quoted phrase, joined by AND or OR. SQL Server's phrases have no escape for a double
    /// quote, and a trailing <c>*</c> in one would make it a prefix: both become spaces (the word breaker splits there anyway).
    /// </summary>
    internal static string ContainsQuery(IReadOnlyList<string> terms, bool all) =>
        string.Join(all ? " AND " : " OR ", terms.Select(t => "\"" + t.Replace('"', ' ').Replace('*', ' ') + "\""));

    /// <summary>FTS5: each term a quoted string (a phrase, should the tokenizer split it), joined by AND or OR.</summary>
    internal static string Fts5Query(IReadOnlyList<string> terms, bool all) =>
        string.Join(all ? " AND " : " OR ", terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    /// <summary><c>to_tsquery</c>: each term a quoted lexeme (quotes and backslashes doubled), joined by &amp; or |.</summary>
    internal static string TsQuery(IReadOnlyList<string> terms, bool all) =>
        string.Join(all ? " & " : " | ", terms.Select(t => "'" + t.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'"));

    /// <summary>
    /// An index: its entries table, SQLite's FTS5 table over it, the key column, bm25's column weights and SQL Server's
    /// column groups (a column list for <c>CONTAINSTABLE</c>, or <c>*</c>) with their weights.
    /// </summary>
    private sealed class Table(string entries, string fts, string key, string bm25Weights, (string Columns, double Weight)[] sqlServerGroups)
    {
        public string SqliteSql { get; } =
            $$"""SELECT e."{{key}}", bm25("{{fts}}"{{bm25Weights}}) AS "Rank" FROM "{{fts}}" JOIN "{{entries}}" AS e ON e."Id" = "{{fts}}".rowid WHERE "{{fts}}" MATCH {0}""";

        public string PostgreSqlSql { get; } =
            $$"""SELECT e."{{key}}", -ts_rank(e."Document", q)::double precision AS "Rank" FROM "{{entries}}" AS e, to_tsquery('simple', {0}) AS q WHERE e."Document" @@ q""";

        /// <summary>
        /// Parameter {0} holds every term joined by OR: each group's <c>CONTAINSTABLE</c> ranks a row by the terms it
        /// has. With <paramref name="allTerms"/> > 0 the parameters {1}..{n} hold one term each, and a row must have each
        /// in some column: a single <c>CONTAINSTABLE</c> with AND would want all of them in one column.
        /// </summary>
        public string SqlServerSql(int allTerms)
        {
            var sql = new System.Text.StringBuilder();
            sql.Append(CultureInfo.InvariantCulture, $"SELECT e.[{key}], -CAST(");
            sql.AppendJoin(" + ", sqlServerGroups.Select((g, i) => string.Create(CultureInfo.InvariantCulture, $"{g.Weight:0.0##} * ISNULL(k{i}.[RANK], 0)")));
            sql.Append(CultureInfo.InvariantCulture, $" AS float) AS [Rank] FROM [{entries}] AS e");
            for (var i = 0; i < sqlServerGroups.Length; i++)
                sql.Append(CultureInfo.InvariantCulture, $" LEFT JOIN CONTAINSTABLE([{entries}], {sqlServerGroups[i].Columns}, {{0}}, LANGUAGE 0) AS k{i} ON k{i}.[KEY] = e.[Id]");
            sql.Append(" WHERE (").AppendJoin(" OR ", sqlServerGroups.Select((_, i) => $"k{i}.[KEY] IS NOT NULL")).Append(')');
            for (var term = 1; term <= allTerms; term++)
                sql.Append(CultureInfo.InvariantCulture, $" AND e.[Id] IN (SELECT [KEY] FROM CONTAINSTABLE([{entries}], *, {{{term}}}, LANGUAGE 0))");
            return sql.ToString();
        }
    }
}
