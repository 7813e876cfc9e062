using HelpDirectory.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using HelpDirectory.Web.Editing.Seeding;

namespace HelpDirectory.Web.Hosting;

/// <summary>Brings the database up to date and loads the published seed, on one node at a time; refuses to start, with one
/// log line, when the database is misconfigured or cannot be reached.</summary>
public static class DatabaseStart
{
    /// <summary>False when the node must not start; the reason is already logged.</summary>
    public static async Task<bool> PrepareDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("HelpDirectory.Web.Hosting.DatabaseStart");
        var choice = services.GetRequiredService<DatabaseChoice>();
        if (choice.Problem is not null)
        {
            logger.LogCritical("Not starting: {Problem}", choice.Problem);
            return false;
        }
        try
        {
            await using (await services.StartLockAsync(ct))
            {
                await services.InitializeDatabaseAsync(ct);
                await services.SeedDatabaseAsync(ct);
                // The first node makes the data-protection key while it holds the lock; the others then read that one
                // instead of each making its own, which a node that had cached its own ring would not know for a while.
                services.GetRequiredService<IDataProtectionProvider>().CreateProtector("HelpDirectory.Start").Protect([1]);
            }
            services.GetRequiredService<StartState>().Ready = true;
            return true;
        }
        catch (Exception ex) when (DataSetup.IsUnreachable(ex))
        {
            var provider = choice.Provider == DatabaseProvider.PostgreSql ? "PostgreSQL" : "SQLite";
            logger.LogCritical("Not starting: the {Provider:l} database cannot be reached ({Error:l})", provider, ex.Message);
            return false;
        }
    }
}

/// <summary>Whether this node has finished its start (database migrated, seed loaded): /readyz says so.</summary>
public sealed class StartState
{
    public volatile bool Ready;

    /// <summary>Whether the node has rendered each kind of page once (<see cref="WarmUp"/>).</summary>
    public volatile bool Warm;
}
