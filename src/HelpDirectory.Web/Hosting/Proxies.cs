using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace HelpDirectory.Web.Hosting;

/// <summary>
/// Behind a load balancer (deploy/nginx), the visitor's address and scheme arrive in X-Forwarded-For and -Proto. They are
/// believed only from the addresses listed in <c>Proxies:Addresses</c>; with none listed they are ignored altogether, so
/// nobody can pick the address the sign-in rate limit counts by.
/// </summary>
public static class Proxies
{
    public const string Section = "Proxies:Addresses";

    public static IServiceCollection AddProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var addresses = configuration.GetSection(Section).Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in addresses)
            {
                o.KnownProxies.Add(IPAddress.TryParse(address, out var ip)
                    ? ip
                    : throw new InvalidOperationException($"{Section} holds '{address}', which is not an IP address."));
            }
        });
        return services;
    }

    public static WebApplication UseProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value.KnownProxies.Count > 0) app.UseForwardedHeaders();
        return app;
    }
}
