using HelpDirectory.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HelpDirectory.Web.Hosting;

/// <summary>/readyz: this node has started (migrated, seeded) and warmed up (rendered each kind of page once), its database
/// answers and has no migration this node lacks.</summary>
public sealed class ReadinessCheck(StartState start, HelpDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!start.Ready || !start.Warm) return HealthCheckResult.Unhealthy();
        try
        {
            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            return pending.Any() ? HealthCheckResult.Unhealthy() : HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy();
        }
    }
}
