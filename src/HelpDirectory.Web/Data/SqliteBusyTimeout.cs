using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HelpDirectory.Web.Data;

/// <summary>
/// Lets SQLite itself wait for a writer's lock (up to the connection's default timeout) instead of answering "busy" at
/// once. Microsoft.Data.Sqlite retries busy statements too, but in coarse sleeps; SQLite's own wait is finer, which keeps
/// readers' latency low while an editor saves. The setting belongs to the native connection, which the pool reuses.
/// </summary>
public sealed class SqliteBusyTimeout(int seconds) : DbConnectionInterceptor
{
    private readonly string _pragma = $"PRAGMA busy_timeout = {seconds * 1000};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
