using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Data;

/// <summary>
/// Applies the ordered SQL scripts in Data/Migrations, each once and in its own transaction, and records them in
/// __migrations. EF Core's design-time tooling cannot be restored here, so migrations are SQL we write and review; a test
/// proves the scripts produce exactly the schema the model expects.
/// </summary>
public static class DatabaseMigrator
{
    private const string ResourcePrefix = "HelpDirectory.Web.Data.Migrations.";

    public static IReadOnlyList<(string Id, string Sql)> Scripts()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[ResourcePrefix.Length..^4], Read(assembly, n)))
            .ToList();
    }

    public static async Task<IReadOnlyList<string>> MigrateAsync(HelpDbContext db, CancellationToken ct = default)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await Execute(connection, "PRAGMA journal_mode=WAL;", ct);
            await Execute(connection, "CREATE TABLE IF NOT EXISTS __migrations (Id TEXT NOT NULL PRIMARY KEY, AppliedAt TEXT NOT NULL);", ct);

            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "SELECT Id FROM __migrations;";
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
            }

            var done = new List<string>();
            foreach (var (id, sql) in Scripts())
            {
                if (applied.Contains(id)) continue;
                await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
                await using (var cmd = connection.CreateCommand())
                {
                    cmd.Transaction = tx;
                    cmd.CommandText = sql;
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                await using (var cmd = connection.CreateCommand())
                {
                    cmd.Transaction = tx;
                    cmd.CommandText = "INSERT INTO __migrations (Id, AppliedAt) VALUES ($id, $at);";
                    cmd.Parameters.AddWithValue("$id", id);
                    cmd.Parameters.AddWithValue("$at", DateTime.UtcNow.ToString("O"));
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                done.Add(id);
            }
            return done;
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    private static async Task Execute(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
