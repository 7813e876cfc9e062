using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpDirectory.Browser.Tests.Infrastructure;

/// <summary>
/// Stands in for the neutral site that "Exit this page" leaves for, and for the search page a visitor arrives from, on
/// its own loopback port (a different origin, as the real one is). No test ever reaches a third party.
/// </summary>
public sealed class NeutralSite : IAsyncDisposable
{
    public const string Title = "Weather forecast";
    private WebApplication? _app;
    private volatile TaskCompletionSource? _hold;

    public Uri Address { get; private set; } = null!;
    public string ExitUrl => new Uri(Address, "/weather").ToString();

    /// <summary>A page that links to <paramref name="target"/>, as a search result does; visitors arrive from it.</summary>
    public string ArrivalUrl(Uri target) => new Uri(Address, "/search?to=" + Uri.EscapeDataString(target.ToString())).ToString();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapGet("/weather", async context =>
        {
            if (_hold is { } hold) await hold.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await Html(context, Title, "<h1>Weather forecast</h1><p>Sunny spells later.</p>");
        });
        _app.MapGet("/search", context =>
        {
            var to = context.Request.Query["to"].ToString();
            return Html(context, "Search results", $"<h1>Search results</h1><p><a id=\"result\" href=\"{WebUtility.HtmlEncode(to)}\">A search result</a></p>");
        });
        await _app.StartAsync();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        Address = new Uri(addresses.Single());
    }

    /// <summary>Holds every answer from the neutral page until the returned object is disposed, to catch our page mid-exit.</summary>
    public IDisposable HoldExitPage()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hold = hold;
        return new Release(() => { _hold = null; hold.TrySetResult(); });
    }

    private static Task Html(HttpContext context, string title, string body)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync($"<!DOCTYPE html><html lang=\"en\"><head><title>{title}</title></head><body>{body}</body></html>");
    }

    public async ValueTask DisposeAsync()
    {
        _hold?.TrySetResult();
        if (_app is not null) await _app.DisposeAsync();
    }

    private sealed class Release(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
