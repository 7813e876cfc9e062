using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace HelpDirectory.Browser.Tests.Infrastructure;

/// <summary>One visitor: a fresh browser context and page, with what the page logged and requested along the way.</summary>
public sealed class Visitor : IAsyncDisposable
{
    private readonly BrowserSite _site;
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _requests = [];

    private Visitor(BrowserSite site, IBrowserContext context, IPage page)
    {
        _site = site;
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    public IReadOnlyList<string> ConsoleErrors { get { lock (_consoleErrors) return _consoleErrors.ToList(); } }
    public IReadOnlyList<string> Requests { get { lock (_requests) return _requests.ToList(); } }

    internal static async Task<Visitor> StartAsync(BrowserSite site, IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        var visitor = new Visitor(site, context, page);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning") lock (visitor._consoleErrors) visitor._consoleErrors.Add(message.Text);
        };
        page.PageError += (_, error) => { lock (visitor._consoleErrors) visitor._consoleErrors.Add(error); };
        context.Request += (_, request) => { lock (visitor._requests) visitor._requests.Add(request.Url); };
        return visitor;
    }

    /// <summary>Opens a page of the site and fails, with the page's HTML, when the status is not the one expected.</summary>
    public async Task<IResponse> OpenAsync(string path, int status = 200)
    {
        var response = await Page.GotoAsync(_site.Url(path), new PageGotoOptions { WaitUntil = WaitUntilState.Load })
            ?? throw new XunitException($"No response for {path}");
        if (response.Status != status)
            throw new XunitException($"Expected {status} from {path}, got {response.Status}:\n{await Page.ContentAsync()}");
        return response;
    }

    /// <summary>
    /// Waits until the page's address is <paramref name="url"/>. It polls the address rather than waiting for a load
    /// event, which a page restored from the back/forward cache (on in these tests, as in visitors' browsers) never fires.
    /// </summary>
    public Task ArrivesAt(string url) => Assertions.Expect(Page).ToHaveURLAsync(url, new PageAssertionsToHaveURLOptions { Timeout = 15_000 });

    public Task ArrivesAt(Regex url) => Assertions.Expect(Page).ToHaveURLAsync(url, new PageAssertionsToHaveURLOptions { Timeout = 15_000 });

    public Task<T> EvalAsync<T>(string expression) => Page.EvaluateAsync<T>(expression);

    /// <summary>Evaluates an expression that returns an object, read into a record through JSON.</summary>
    public async Task<T> EvalJsonAsync<T>(string expression) =>
        (await Page.EvaluateAsync<JsonElement>(expression)).Deserialize<T>(JsonSerializerOptions.Web)!;

    /// <summary>Fails with the page's HTML in the message, so a failure shows what the browser had.</summary>
    public async Task<XunitException> Failure(string message) =>
        new($"{message}\nat {Page.Url}:\n{await Page.ContentAsync()}");

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
