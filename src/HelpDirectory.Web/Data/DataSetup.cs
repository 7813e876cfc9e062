using System.Data.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HelpDirectory.Web.Data;

/// <summary>Which database the site keeps its data in: <c>Database:Provider</c>, with <c>ConnectionStrings:HelpDirectory</c>.</summary>
public enum DatabaseProvider { Sqlite, PostgreSql }

/// <summary>The database this node was configured with; <see cref="Problem"/> says why it cannot start, when it cannot.</summary>
public sealed record DatabaseChoice(DatabaseProvider Provider, string ConnectionString, string? Problem);

public static class DataSetup
{
    public const string ConnectionName = "HelpDirectory";
    public const string DefaultConnectionString = "Data Source=data/helpdirectory.db";
    public const string ProviderSetting = "Database:Provider";

    public static IServiceCollection AddHelpData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var choice = Choose(configuration, environment);
        services.AddSingleton(choice);
        if (choice.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddDbContext<HelpDbContext, PostgreSqlHelpDbContext>(o => o.UseNpgsql(choice.ConnectionString));
        }
        else
        {
            var busyTimeout = new SqliteBusyTimeout(new SqliteConnectionStringBuilder(choice.ConnectionString).DefaultTimeout);
            services.AddDbContext<HelpDbContext>(o => o.UseSqlite(choice.ConnectionString).AddInterceptors(busyTimeout));
        }
        // In the database, so a cookie or form token one node issued is read by every other.
        services.AddDataProtection().SetApplicationName("HelpDirectory").PersistKeysToDbContext<HelpDbContext>();
        return services;
    }

    private static DatabaseChoice Choose(IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = configuration.GetConnectionString(ConnectionName);
        var name = configuration[ProviderSetting];
        if (string.IsNullOrWhiteSpace(name) || name.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            return new(DatabaseProvider.Sqlite, SqliteConnectionString(connectionString, environment), null);
        if (name.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(connectionString)
                ? new(DatabaseProvider.PostgreSql, "", $"{ProviderSetting} is PostgreSQL but ConnectionStrings:{ConnectionName} is empty")
                : new(DatabaseProvider.PostgreSql, connectionString, null);
        }
        // Registered as SQLite only so that the services build; the start refuses before anything opens it.
        return new(DatabaseProvider.Sqlite, "Data Source=:memory:", $"{ProviderSetting} '{name}' is neither Sqlite nor PostgreSQL");
    }

    private static string SqliteConnectionString(string? connectionString, IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) connectionString = DefaultConnectionString;
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(csb.DataSource) && !csb.DataSource.StartsWith(':'))
        {
            csb.DataSource = Path.GetFullPath(csb.DataSource, environment.ContentRootPath);
            var folder = Path.GetDirectoryName(csb.DataSource);
            if (folder is not null) Directory.CreateDirectory(folder);
        }
        if (csb.DefaultTimeout == 30) csb.DefaultTimeout = 5;
        return csb.ToString();
    }

    /// <summary>
    /// Held while a node migrates and seeds: on PostgreSQL a session advisory lock, so that of several nodes starting at
    /// once exactly one does the work and the others wait for it, then find nothing left to do. SQLite has one node.
    /// </summary>
    public static Task<IAsyncDisposable> StartLockAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var choice = services.GetRequiredService<DatabaseChoice>();
        // In a method of its own, so that a site on SQLite never loads Npgsql (bench/NOTES.md, section 15).
        return choice.Provider == DatabaseProvider.PostgreSql
            ? PostgreSqlStartLockAsync(choice.ConnectionString, ct)
            : Task.FromResult<IAsyncDisposable>(NoLock.Instance);
    }

    private static async Task<IAsyncDisposable> PostgreSqlStartLockAsync(string connectionString, CancellationToken ct)
    {
        // Unpooled: closing it must end the session, which releases the lock.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand($"SELECT pg_advisory_lock({StartLockKey})", connection);
            await cmd.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // Any fixed number: the advisory lock space is the database's own.
    private const long StartLockKey = 0x48656c7044697231;

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Brings the database's schema up to date. Loading the published seed is the editors' side's job (SeedSetup).</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<HelpDbContext>>();
        var applied = await DatabaseMigrator.MigrateAsync(db, logger, ct);
        if (applied.Count > 0) logger.LogInformation("Applied migrations {Migrations}", applied);
    }

    /// <summary>True for the errors that mean the database could not be reached at all (refused, unknown host, bad password).</summary>
    /// <summary>Whether a request failed because the database is unavailable for now (down, restarting, refusing
    /// connections, or this connection cut off by the server): the site answers 503 rather than 500, and recovers by
    /// itself when the database is back.</summary>
    public static bool IsUnavailable(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (IsUnreachable(ex)) return true;
            // 57P01-03: the server shut the connection down or is starting; 55000: the database refuses connections;
            // 53300: too many connections.
            if (ex is PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "55000" or "53300" }) return true;
            if (ex is NpgsqlException { IsTransient: true }) return true;
        }
        return false;
    }

    public static bool IsUnreachable(Exception ex) =>
        ex is NpgsqlException { IsTransient: true } or NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException }
            or PostgresException { SqlState: "28P01" or "28000" or "3D000" }
            || ex is SqliteException { SqliteErrorCode: 14 } // SQLITE_CANTOPEN
            || ex is DbException && ex.InnerException is System.Net.Sockets.SocketException;
}
