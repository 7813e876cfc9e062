using System.Diagnostics;
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
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        foreach (var path in paths)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Add("Cookie", "warm-up=1");
                request.Headers.Add("Accept-Language", "en-GB");
                request.Headers.Add("Accept-Encoding", "br, gzip");
                using var response = await http.SendAsync(request, stoppingToken);
                await response.Content.ReadAsByteArrayAsync(stoppingToken);
                if ((int)response.StatusCode >= 500) failed++;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                failed++;
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

    private static Uri? LocalAddress(ICollection<string>? addresses)
    {
        var first = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses?.FirstOrDefault();
        if (first is null) return null;
        var uri = new UriBuilder(first.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::") uri.Host = "127.0.0.1";
        return uri.Uri;
    }
}
