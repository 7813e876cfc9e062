using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Hosting;

/// <summary>
/// A node renders each kind of page once, through its own HTTP pipeline, before /readyz says it is ready: a restarted
/// node behind the load balancer must not meet a spike cold (the Razor views, EF Core's queries and the search index are
/// all built on first use). Each request carries a cookie the page cache never answers, so every page really renders and
/// nothing is cached for visitors. Off with Hosting:WarmUp=false (bench/warmup measures both ways).
/// </summary>
public sealed class WarmUp(IServer server, IServiceScopeFactory scopes, StartState start, IHostApplicationLifetime lifetime,
    IConfiguration configuration, ILogger<WarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Hosting:WarmUp", true))
        {
            start.Warm = true;
            return;
        }
        // Wait until the server listens (and the database is prepared, which happens before that).
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try { await started.Task; } catch (TaskCanceledException) { return; }
        }
        var address = LocalAddress(server.Features.Get<IServerAddressesFeature>()?.Addresses);
        if (address is null || !start.Ready)
        {
            // An in-memory test server has no address to call: nothing to warm.
            start.Warm = true;
            return;
        }
        var clock = Stopwatch.StartNew();
        var paths = await PathsAsync(stoppingToken);
        var failed = 0;
        foreach (var path in paths)
        {
            try
            {
                if (await LocalGetAsync(address, path, stoppingToken) is not { } status || status >= 500) failed++;
            }
            catch (Exception ex) when (ex is IOException or SocketException or TimeoutException)
            {
                failed++;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
        start.Warm = true;
        logger.LogInformation("Warm-up: {Pages} pages rendered in {Elapsed} ms ({Failed} failed)", paths.Count, clock.ElapsedMilliseconds, failed);
    }

    /// <summary>One page of each kind, in each language: home, a country, a region's kind page with filters, a service, an
    /// article and the articles, search, the region picker, a print list, the API's list, and the "not found" page.</summary>
    private async Task<IReadOnlyList<string>> PathsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDbContext>();
        var country = await db.Regions.AsNoTracking().Where(r => r.ParentCode == null).OrderBy(r => r.Code).Select(r => r.Slug).FirstOrDefaultAsync(ct);
        var service = await db.Services.AsNoTracking().Published().OrderBy(s => s.Id).Select(s => s.Slug).FirstOrDefaultAsync(ct);
        var pages = new List<string> { "/", "/articles", "/search?q=help", "/region", "/no-such-page", "/api/hsds/services?per_page=10" };
        if (country is not null)
        {
            pages.Add($"/help/{country}");
            pages.Add($"/help/{country}/{HelpKinds.All[0].Slug}?free=true");
            pages.Add($"/help/{country}/print");
        }
        if (service is not null) pages.Add($"/services/{service}");
        pages.Add("/articles/what-is-self-harm");
        return [.. pages, .. pages.Where(p => !p.StartsWith("/api", StringComparison.Ordinal)).Select(p => "/nb" + p)];
    }

    /// <summary>
    /// One GET over HTTP/1.1 to this node's own loopback address, read to the end; the status code, or null when the
    /// answer is not HTTP. A plain socket rather than HttpClient: a node never calls out, and loading the HTTP client
    /// (with its TLS, proxy and name-resolution code) only for this would cost some 3 MiB of memory for as long as the node
    /// runs (bench/NOTES.md, section 15).
    /// </summary>
    internal static async Task<int?> LocalGetAsync(Uri address, string path, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var endpoint = IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip)
            ? new IPEndPoint(ip, address.Port)
            : new IPEndPoint(IPAddress.Loopback, address.Port);
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(endpoint, timeout.Token);
            var request = $"GET {path} HTTP/1.1\r\nHost: {address.Authority}\r\nCookie: warm-up=1\r\nAccept-Language: en-GB\r\n"
                + "Accept-Encoding: br, gzip\r\nConnection: close\r\n\r\n";
            await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, timeout.Token);
            // Read to the end (the page is rendered in full), keeping the status line's start: "HTTP/1.1 200 OK".
            var buffer = new byte[16 * 1024];
            var head = new byte[16];
            var kept = 0;
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
            {
                var take = Math.Min(read, head.Length - kept);
                buffer.AsSpan(0, take).CopyTo(head.AsSpan(kept));
                kept += take;
            }
            // The three digits after the first space.
            var line = Encoding.ASCII.GetString(head, 0, kept);
            return line.StartsWith("HTTP/", StringComparison.Ordinal) && line.IndexOf(' ') is var space and > 0
                && space + 4 <= line.Length && int.TryParse(line.AsSpan(space + 1, 3), System.Globalization.NumberStyles.None, null, out var status)
                ? status : null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"No answer from {path} within 30 s.");
        }
    }

    private static Uri? LocalAddress(ICollection<string>? addresses)
    {
        var first = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses?.FirstOrDefault();
        if (first is null) return null;
        var uri = new UriBuilder(first.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::") uri.Host = "127.0.0.1";
        return uri.Uri;
    }
}
