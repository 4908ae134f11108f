using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Search;

/// <summary>A case that matches a full-text query, with its rank: lower is better.</summary>
public sealed class CaseMatch
{
    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>SQLite's <c>bm25</c>, or PostgreSQL's <c>ts_rank</c> negated: the best match has the lowest rank.</summary>
    public double Rank { get; init; }
}

/// <summary>A knowledge-base article that matches a full-text query, with its rank: lower is better.</summary>
public sealed class ArticleMatch
{
    /// <summary>The article.</summary>
    public string ArticleId { get; init; } = "";

    /// <summary>SQLite's <c>bm25</c>, or PostgreSQL's <c>ts_rank</c> negated: the best match has the lowest rank.</summary>
    public double Rank { get; init; }
}

/// <summary>
/// Full-text queries over the index each database keeps (see the <c>ChineseSearch</c> migration): SQLite's FTS5 ranked by
/// <c>bm25</c>, PostgreSQL's <c>tsvector</c> (configuration <c>simple</c>) ranked by <c>ts_rank</c>. The terms come from
/// <see cref="ChineseSegmenter.QueryTerms"/>; each is quoted, so nothing in them is query syntax. Each query can be
/// composed with LINQ (joined to the rows the caller may see, filtered, paged).
/// </summary>
public static class FullTextQueries
{
    private static readonly Table CaseTable = new("CaseSearchEntries", "CaseSearchFts", "CaseId", "");

    // Title and keywords weigh most, then the question, then the answer: bm25's column weights (in the FTS5 table's column
    // order) as PostgreSQL's ts_rank weighs the labels A, B and D the migration gives those columns.
    private static readonly Table ArticleTable = new("KnowledgeSearchEntries", "KnowledgeSearchFts", "ArticleId", ", 1.0, 0.4, 0.1, 1.0");

    /// <summary>Cases whose content or address has all <paramref name="terms"/>, or any of them.</summary>
    public static IQueryable<CaseMatch> Cases(HotlineDbContext db, IReadOnlyList<string> terms, bool all) => Matches<CaseMatch>(db, CaseTable, terms, all);

    /// <summary>Articles (active or not) whose title, question, answer or keywords have all <paramref name="terms"/>, or any of them.</summary>
    public static IQueryable<ArticleMatch> Articles(HotlineDbContext db, IReadOnlyList<string> terms, bool all) => Matches<ArticleMatch>(db, ArticleTable, terms, all);

    private static IQueryable<T> Matches<T>(HotlineDbContext db, Table table, IReadOnlyList<string> terms, bool all)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfZero(terms.Count);
        return db is SqliteHotlineDbContext
            ? db.Database.SqlQueryRaw<T>(table.SqliteSql, Fts5Query(terms, all))
            : db.Database.SqlQueryRaw<T>(table.PostgreSqlSql, TsQuery(terms, all));
    }

    /// <summary>FTS5: each term a quoted string (a phrase, should the tokenizer split it), joined by AND or OR.</summary>
    internal static string Fts5Query(IReadOnlyList<string> terms, bool all) =>
        string.Join(all ? " AND " : " OR ", terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    /// <summary><c>to_tsquery</c>: each term a quoted lexeme (quotes and backslashes doubled), joined by &amp; or |.</summary>
    internal static string TsQuery(IReadOnlyList<string> terms, bool all) =>
        string.Join(all ? " & " : " | ", terms.Select(t => "'" + t.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'"));

    /// <summary>An index: its entries table, SQLite's FTS5 table over it, the key column and bm25's column weights.</summary>
    private sealed class Table(string entries, string fts, string key, string bm25Weights)
    {
        public string SqliteSql { get; } =
            $$"""SELECT e."{{key}}", bm25("{{fts}}"{{bm25Weights}}) AS "Rank" FROM "{{fts}}" JOIN "{{entries}}" AS e ON e."Id" = "{{fts}}".rowid WHERE "{{fts}}" MATCH {0}""";

        public string PostgreSqlSql { get; } =
            $$"""SELECT e."{{key}}", -ts_rank(e."Document", q)::double precision AS "Rank" FROM "{{entries}}" AS e, to_tsquery('simple', {0}) AS q WHERE e."Document" @@ q""";
    }
}
