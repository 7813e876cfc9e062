using HelpDirectory.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HelpDirectory.Browser.Tests;

/// <summary>Each page is light, asks nothing of any other site, and stays inside its Content-Security-Policy.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PrivacyAndWeightTests(BrowserSite site)
{
    private const int MaxPageBytes = 30 * 1024;

    [Theory]
    [MemberData(nameof(SitePages.Names), MemberType = typeof(SitePages))]
    public async Task Page_IsLight_FirstParty_AndBreaksNoPolicy(string name)
    {
        var spec = SitePages.Get(name);
        await using var visitor = await site.VisitorAsync(Device.Phone.WithLocale(spec.Locale));
        var sizes = new List<Task<(string Url, string Type, int Bytes)>>();
        var failed = new List<string>();
        visitor.Page.Response += (_, response) =>
        {
            if (response.Request.ResourceType is "document" or "stylesheet" or "script")
                sizes.Add(Size(response));
            if (response.Status >= 400 && response.Request.ResourceType != "document") failed.Add($"{response.Status} {response.Url}");
        };

        await visitor.OpenAsync(spec.Path, spec.Status);
        await visitor.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var loaded = await Task.WhenAll(sizes);
        var total = loaded.Sum(r => r.Bytes);
        Assert.True(total <= MaxPageBytes,
            $"{spec.Path} weighs {total} bytes of HTML, CSS and JavaScript (limit {MaxPageBytes}):\n{string.Join("\n", loaded.Select(r => $"  {r.Bytes,7} {r.Type} {r.Url}"))}");
        Assert.Contains(loaded, r => r.Type == "stylesheet");
        Assert.Contains(loaded, r => r.Type == "script");
        Assert.All(visitor.Requests, url => Assert.StartsWith(site.Address.ToString(), url));
        Assert.Empty(failed);
        // A Content-Security-Policy violation (an inline style or script) is reported on the console as an error.
        var errors = visitor.ConsoleErrors.Where(e => spec.Status == 200 || !e.StartsWith("Failed to load resource", StringComparison.Ordinal));
        Assert.Empty(errors);
    }

    private static async Task<(string, string, int)> Size(IResponse response) =>
        (response.Url, response.Request.ResourceType, (await response.BodyAsync()).Length);
}
