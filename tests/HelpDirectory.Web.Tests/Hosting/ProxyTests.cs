using System.Net;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDirectory.Web.Tests.Hosting;

/// <summary>X-Forwarded-For and -Proto are believed from the configured proxies only.</summary>
public sealed class ProxyTests
{
    [Theory]
    [InlineData(null, "10.0.0.5", "10.0.0.5 http")]              // no proxies configured: the header is ignored
    [InlineData("10.0.0.5", "10.0.0.6", "10.0.0.6 http")]       // from an address that is not the proxy: ignored
    [InlineData("10.0.0.5", "10.0.0.5", "198.51.100.7 https")]  // from the proxy: believed
    public async Task ForwardedHeaders_AreBelievedOnlyFromAConfiguredProxy(string? proxy, string peer, string expected)
    {
        await using var site = new PeerSiteFactory(proxy, peer);
        var client = site.Browser();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("Authorization", "Test"); // never from the page cache

        Assert.Equal(expected, await client.GetStringAsync("/test-peer"));
    }

    // The connection comes from `peer`; /test-peer, which no page answers, says what the site made of it.
    private sealed class PeerSiteFactory(string? proxy, string peer) : HelpSiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (proxy is not null) builder.UseSetting("Proxies:Addresses:0", proxy);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new PeerFilter(IPAddress.Parse(peer))));
        }
    }

    private sealed class PeerFilter(IPAddress peer) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = peer;
                return nextMiddleware(context);
            });
            next(app);
            app.Run(context => context.Response.WriteAsync($"{context.Connection.RemoteIpAddress} {context.Request.Scheme}"));
        };
    }
}
