using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDirectory.Web.Tests.Infrastructure;

/// <summary>
/// A culture named like a real one (<c>nb-NO</c>) on the invariant culture's data. The site runs without ICU, where only
/// the invariant culture can be created, and the listings' texts read nothing of a culture but its name.
/// </summary>
public sealed class NamedCulture(string name) : CultureInfo("")
{
    public override string Name => name;
}

/// <summary>
/// The fixture site, where a request with an <c>X-Test-Language</c> header runs in that UI culture, as a page in that
/// language will: for the listings' texts before the site's own language routing exists. Such a request must not be cached
/// (give it a query key the cache does not know).
/// </summary>
public sealed class TestLanguageSiteFactory : FixtureSiteFactory
{
    public const string Header = "X-Test-Language";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, LanguageFromHeader>());
    }

    public HttpClient Reader(string language)
    {
        var client = Browser();
        client.DefaultRequestHeaders.Add(Header, language);
        return client;
    }

    private sealed class LanguageFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate following) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var language) && language.ToString() is { Length: > 0 } name)
                    CultureInfo.CurrentUICulture = new NamedCulture(name);
                await following(context);
            });
            next(app);
        };
    }
}
