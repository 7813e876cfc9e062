using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Data;

public static class DataSetup
{
    public const string ConnectionName = "HelpDirectory";
    public const string DefaultConnectionString = "Data Source=data/helpdirectory.db";

    public static IServiceCollection AddHelpData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString)) connectionString = DefaultConnectionString;
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(csb.DataSource) && !csb.DataSource.StartsWith(':'))
        {
            csb.DataSource = Path.GetFullPath(csb.DataSource, environment.ContentRootPath);
            var folder = Path.GetDirectoryName(csb.DataSource);
            if (folder is not null) Directory.CreateDirectory(folder);
        }
        if (csb.DefaultTimeout == 30) csb.DefaultTimeout = 5;
        var finalConnectionString = csb.ToString();

        var busyTimeout = new SqliteBusyTimeout(csb.DefaultTimeout);
        services.AddDbContext<HelpDbContext>(o => o.UseSqlite(finalConnectionString).AddInterceptors(busyTimeout));
        return services;
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
}
