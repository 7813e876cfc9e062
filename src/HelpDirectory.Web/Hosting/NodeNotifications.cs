using HelpDirectory.Web.Caching;
using HelpDirectory.Web.Data;
using Npgsql;

namespace HelpDirectory.Web.Hosting;

/// <summary>
/// Several nodes on one PostgreSQL database: a save on one sends NOTIFY on <see cref="Channel"/>, and every node listens
/// and empties its own caches. A node that lost its listening connection empties them when it is back, since it may have
/// missed a notification meanwhile.
/// </summary>
public static class NodeNotifications
{
    public const string Channel = "helpdirectory_cache";

    public static IServiceCollection AddNodeNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration[DataSetup.ProviderSetting];
        if (!string.Equals(provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase)) return services;
        services.AddSingleton<NodeIdentity>();
        services.AddSingleton<IOtherNodes, PostgreSqlNotifier>();
        services.AddHostedService<PostgreSqlListener>();
        return services;
    }
}

/// <summary>This process's id in notifications, so that it does not empty its caches twice for its own save.</summary>
public sealed class NodeIdentity
{
    public string Id { get; } = Guid.NewGuid().ToString("N");
}

public sealed class PostgreSqlNotifier(DatabaseChoice database, NodeIdentity node, ILogger<PostgreSqlNotifier> logger) : IOtherNodes
{
    public async ValueTask InvalidateAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("SELECT pg_notify(@channel, @node)", connection);
            cmd.Parameters.AddWithValue("channel", NodeNotifications.Channel);
            cmd.Parameters.AddWithValue("node", node.Id);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // The save itself is committed; the other nodes catch up when their listeners reconnect.
            logger.LogWarning("Could not tell the other nodes about a save: {Error}", ex.Message);
        }
    }
}

/// <summary>
/// Listens for the other nodes' saves. The node serves nothing until it listens (<see cref="StartAsync"/> waits for the
/// first LISTEN, up to <see cref="StartWait"/>): a page cached before that could miss a save made meanwhile on another
/// node and be served for the rest of its minute. Each time it starts listening, the first time included, it empties its
/// caches, since a notification may have come before it listened.
/// </summary>
public sealed class PostgreSqlListener(DatabaseChoice database, NodeIdentity node, SiteCache cache, ILogger<PostgreSqlListener> logger) : BackgroundService
{
    /// <summary>How long a starting node waits to listen before it serves anyway (its caches are emptied once it listens).</summary>
    public static readonly TimeSpan StartWait = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        try
        {
            await _listening.Task.WaitAsync(StartWait, cancellationToken);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Not yet listening to the other nodes' saves after {Seconds} s; starting anyway", StartWait.TotalSeconds);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reconnecting = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Unpooled and kept open: the LISTEN lives as long as this session.
                var csb = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 30 };
                await using var connection = new NpgsqlConnection(csb.ConnectionString);
                connection.Notification += (_, e) =>
                {
                    if (e.Payload != node.Id) _ = cache.InvalidateHereAsync(CancellationToken.None).AsTask();
                };
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {NodeNotifications.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // Whatever was cached before this LISTEN may predate a save whose notification came too early to be heard.
                await cache.InvalidateHereAsync(stoppingToken);
                if (reconnecting) logger.LogInformation("Listening to the other nodes again; this node's caches emptied");
                reconnecting = true;
                _listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning("Lost the connection that hears other nodes' saves ({Error}); retrying", ex.Message);
                try { await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
