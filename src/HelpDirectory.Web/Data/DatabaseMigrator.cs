using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HelpDirectory.Web.Data;

/// <summary>
/// Brings the database up to the model with EF Core migrations (Data/Migrations/Sqlite). A database made by a release
/// before them (SQL scripts recorded in __migrations) is first checked to have exactly the schema InitialCreate makes, then
/// recorded as having InitialCreate, so no table is recreated and no row is lost.
/// </summary>
public static class DatabaseMigrator
{
    public const string LegacyTable = "__migrations";
    public const string InitialMigration = "InitialCreate";
    private const string HistoryTable = HistoryRepository.DefaultTableName;

    // What the last release's scripts recorded; their schema is InitialCreate's.
    private static readonly string[] LegacyScripts = ["0001_initial", "0002_service_area_reach_index"];

    /// <summary>Migrates the database and returns the ids of the migrations applied (or recorded) now.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(HelpDbContext db, CancellationToken ct = default) =>
        await MigrateAsync(db, null, ct);

    public static async Task<IReadOnlyList<string>> MigrateAsync(HelpDbContext db, ILogger? logger, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite())
        {
            // PostgreSQL: no earlier release to adopt; the nodes' start lock (DataSetup.StartLockAsync) keeps this to one.
            var pendingHere = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await db.Database.MigrateAsync(ct);
            return pendingHere;
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            if (IsFile(connection)) await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", ct);

            var done = new List<string>();
            if (await AdoptLegacyAsync(db, connection, ct) is { } adopted)
            {
                done.Add(adopted);
                logger?.LogInformation("Database from an earlier release: its schema is {Migration}'s, now recorded as applied; {LegacyTable} dropped", adopted, LegacyTable);
            }
            else
            {
                await RefuseUnknownAsync(connection, ct);
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await db.Database.MigrateAsync(ct);
            done.AddRange(pending);
            return done;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // A database from the scripts: check its schema, then in one transaction record InitialCreate and drop __migrations.
    private static async Task<string?> AdoptLegacyAsync(HelpDbContext db, SqliteConnection connection, CancellationToken ct)
    {
        if (!await TableExistsAsync(connection, null, LegacyTable, ct)) return null;

        var initialId = db.GetService<IMigrationsAssembly>().GetMigrationId(InitialMigration);
        var expected = await InitialSchemaAsync(initialId, ct);

        // BEGIN IMMEDIATE: a second instance starting at the same moment waits here, then finds nothing left to adopt.
        await using var tx = connection.BeginTransaction(deferred: false);
        if (!await TableExistsAsync(connection, tx, LegacyTable, ct)) return null;

        var problems = new List<string>();
        var recorded = await LegacyScriptsAsync(connection, tx, ct);
        if (!recorded.SequenceEqual(LegacyScripts))
            problems.Add($"{LegacyTable} records [{string.Join(", ", recorded)}], expected [{string.Join(", ", LegacyScripts)}]");
        if (await TableExistsAsync(connection, tx, HistoryTable, ct))
            problems.Add($"it already has {HistoryTable} as well");
        var actual = await DescribeSchemaAsync(connection, tx, ct);
        problems.AddRange(expected.Except(actual).Select(line => "missing: " + line));
        problems.AddRange(actual.Except(expected).Select(line => "not expected: " + line));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database '{connection.DataSource}' was made by a release before EF Core migrations, but its schema is not the " +
                $"one that release made, so it is not upgraded (nothing was changed). Differences: {string.Join("; ", problems.Take(20))}" +
                (problems.Count > 20 ? $"; and {problems.Count - 20} more." : "."));
        }

        var history = db.GetService<IHistoryRepository>();
        await ExecuteAsync(connection, tx, history.GetCreateIfNotExistsScript(), ct);
        await ExecuteAsync(connection, tx, history.GetInsertScript(new HistoryRow(initialId, ProductInfo.GetVersion())), ct);
        await ExecuteAsync(connection, tx, $"DROP TABLE \"{LegacyTable}\";", ct);
        await tx.CommitAsync(ct);
        return initialId;
    }

    // Tables with no migration history at all (EnsureCreated, another program) would make the first migration fail halfway.
    private static async Task RefuseUnknownAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%';";
        var tables = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        if (tables > 0 && !await TableExistsAsync(connection, null, HistoryTable, ct))
        {
            throw new InvalidOperationException(
                $"The database '{connection.DataSource}' has tables but no migration history ({LegacyTable} or {HistoryTable}), " +
                "so it was not made by HelpDirectory and is not migrated (nothing was changed).");
        }
    }

    /// <summary>The schema InitialCreate makes, built in a throwaway in-memory database.</summary>
    private static async Task<IReadOnlyList<string>> InitialSchemaAsync(string initialId, CancellationToken ct)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(ct);
        await using (var reference = new HelpDbContext(new DbContextOptionsBuilder<HelpDbContext>().UseSqlite(connection).Options))
        {
            await reference.GetService<IMigrator>().MigrateAsync(initialId, ct);
        }
        return await DescribeSchemaAsync(connection, null, ct);
    }

    /// <summary>
    /// Tables, columns (type, nullability, default, key), AUTOINCREMENT, indexes (unique, columns in order) and foreign keys,
    /// one line each, sorted; the migration bookkeeping tables are left out.
    /// </summary>
    internal static async Task<IReadOnlyList<string>> DescribeSchemaAsync(SqliteConnection connection, SqliteTransaction? tx, CancellationToken ct)
    {
        var lines = new List<string>();
        var tables = new List<(string Name, string Sql)>();
        await using (var cmd = Command(connection, tx,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' " +
            $"AND name NOT IN ('{LegacyTable}', '{HistoryTable}', '__EFMigrationsLock') ORDER BY name;"))
        {
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) tables.Add((r.GetString(0), r.GetString(1)));
        }
        foreach (var (table, sql) in tables)
        {
            lines.Add($"table {table}{(sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase) ? " autoincrement" : "")}");
            await ReadAsync(connection, tx, table,
                "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info($table);",
                r => $"column {table}.{r.GetString(0)} {r.GetString(1)} notnull={r.GetInt64(2)} default={(r.IsDBNull(3) ? "none" : r.GetString(3))} pk={r.GetInt64(4)}",
                lines, ct);
            await ReadAsync(connection, tx, table,
                "SELECT il.name, il.\"unique\", (SELECT group_concat(name, ',') FROM (SELECT ii.name FROM pragma_index_info(il.name) ii ORDER BY ii.seqno)) " +
                "FROM pragma_index_list($table) il;",
                r => $"index {table}.{r.GetString(0)} unique={r.GetInt64(1)} ({r.GetString(2)})",
                lines, ct);
            await ReadAsync(connection, tx, table,
                "SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list($table);",
                r => $"foreign key {table}.{r.GetString(1)} -> {r.GetString(0)}.{r.GetString(2)} on delete {r.GetString(3)}",
                lines, ct);
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task ReadAsync(SqliteConnection connection, SqliteTransaction? tx, string table, string sql, Func<SqliteDataReader, string> line, List<string> lines, CancellationToken ct)
    {
        await using var cmd = Command(connection, tx, sql);
        cmd.Parameters.AddWithValue("$table", table);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) lines.Add(line(r));
    }

    private static async Task<List<string>> LegacyScriptsAsync(SqliteConnection connection, SqliteTransaction tx, CancellationToken ct)
    {
        var ids = new List<string>();
        await using var cmd = Command(connection, tx, $"SELECT Id FROM \"{LegacyTable}\" ORDER BY Id;");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) ids.Add(r.GetString(0));
        return ids;
    }

    private static async Task<bool> TableExistsAsync(SqliteConnection connection, SqliteTransaction? tx, string table, CancellationToken ct)
    {
        await using var cmd = Command(connection, tx, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name;");
        cmd.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) > 0;
    }

    private static bool IsFile(SqliteConnection connection)
    {
        var csb = new SqliteConnectionStringBuilder(connection.ConnectionString);
        return csb.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:";
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = Command(connection, tx, sql);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }
}
