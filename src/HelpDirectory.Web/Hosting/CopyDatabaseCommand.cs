using System.Reflection;
using HelpDirectory.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace HelpDirectory.Web.Hosting;

/// <summary>
/// `copy-database --to "Host=...;Database=..."`: copies every row of this site's database (SQLite, as configured) into an
/// empty PostgreSQL database, keys, versions and the data-protection key ring included, then checks every table's count.
/// The target is migrated first; one that already holds rows is refused, unchanged.
/// </summary>
public static class CopyDatabaseCommand
{
    public const string Usage = "Usage: copy-database --to \"Host=...;Database=...;Username=...\"   (an empty PostgreSQL database)";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        if (args is not ["--to", { Length: > 0 } to])
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        using var scope = services.CreateScope();
        await using var source = scope.ServiceProvider.GetRequiredService<HelpDbContext>();
        await DatabaseMigrator.MigrateAsync(source, ct);
        await using var target = new PostgreSqlHelpDbContext(new DbContextOptionsBuilder<PostgreSqlHelpDbContext>().UseNpgsql(to).Options);
        try
        {
            await target.Database.MigrateAsync(ct);
        }
        catch (Exception ex) when (DataSetup.IsUnreachable(ex))
        {
            await error.WriteLineAsync($"The PostgreSQL database cannot be reached: {ex.Message}");
            return 1;
        }

        var types = target.Model.GetEntityTypes().Where(t => !t.IsOwned() && !t.HasSharedClrType).ToList();
        foreach (var type in types)
        {
            if (await Count(target, type, ct) > 0)
            {
                await error.WriteLineAsync($"The target database is not empty ({type.GetTableName()} has rows): nothing was copied.");
                return 1;
            }
        }

        // One SaveChanges: EF Core orders the inserts so that every row's parent is there first, in one transaction.
        target.KeepVersions = true;
        foreach (var type in types) await Copy(source, target, type, ct);
        await target.SaveChangesAsync(ct);
        await ResetSequencesAsync(target, types, ct);

        var failed = false;
        foreach (var type in types.OrderBy(t => t.GetTableName(), StringComparer.Ordinal))
        {
            var (from, into) = (await Count(source, type, ct), await Count(target, type, ct));
            await output.WriteLineAsync($"{type.GetTableName()}: {from} rows, {into} copied");
            failed |= from != into;
        }
        if (failed)
        {
            await error.WriteLineAsync("Some counts differ (above): the copy is not complete.");
            return 1;
        }
        await output.WriteLineAsync("Every table copied; point the nodes at it with Database:Provider=PostgreSQL.");
        return 0;
    }

    private static Task Copy(HelpDbContext source, HelpDbContext target, IEntityType type, CancellationToken ct) =>
        (Task)Generic(nameof(CopyRows), type).Invoke(null, [source, target, ct])!;

    private static Task<int> Count(HelpDbContext db, IEntityType type, CancellationToken ct) =>
        (Task<int>)Generic(nameof(CountRows), type).Invoke(null, [db, ct])!;

    private static MethodInfo Generic(string name, IEntityType type) =>
        typeof(CopyDatabaseCommand).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type.ClrType);

    private static async Task CopyRows<T>(HelpDbContext source, HelpDbContext target, CancellationToken ct) where T : class =>
        target.Set<T>().AddRange(await source.Set<T>().AsNoTracking().ToListAsync(ct));

    private static Task<int> CountRows<T>(HelpDbContext db, CancellationToken ct) where T : class => db.Set<T>().CountAsync(ct);

    // Rows came with their ids: each identity column's next value must come after them.
    private static async Task ResetSequencesAsync(HelpDbContext target, IEnumerable<IEntityType> types, CancellationToken ct)
    {
        foreach (var type in types)
        {
            var table = type.GetTableName()!;
            var id = StoreObjectIdentifier.Table(table, type.GetSchema());
            foreach (var key in type.FindPrimaryKey()!.Properties.Where(p => p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd
                && (p.ClrType == typeof(int) || p.ClrType == typeof(long))))
            {
                var column = key.GetColumnName(id)!;
                var sql = $"SELECT setval(pg_get_serial_sequence(@table, @column), COALESCE((SELECT max(\"{column}\") FROM \"{table}\"), 0) + 1, false)";
                await using var connection = new NpgsqlConnection(target.Database.GetConnectionString());
                await connection.OpenAsync(ct);
                await using var cmd = new NpgsqlCommand(sql, connection);
                cmd.Parameters.AddWithValue("table", $"\"{table}\"");
                cmd.Parameters.AddWithValue("column", column);
                await cmd.ExecuteNonQueryAsync(ct);
            }
        }
    }
}
