using HelpDirectory.Web.Editing;
using HelpDirectory.Web.Hosting;
using HelpDirectory.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog.Events;

namespace HelpDirectory.Web.Tests.Hosting;

public sealed class LoggingTests(FixtureSiteFactory site) : IClassFixture<FixtureSiteFactory>
{
    [Fact]
    public async Task RequestLine_HoldsTheRoutePattern_MethodStatusTimeAndRegion_AndNoOtherRequestData()
    {
        var client = site.Browser(acceptLanguage: "nb-NO");

        await client.GetAsync("/help/no/therapy?language=secretterm&contact=phone");

        var line = await site.Logs.WaitForRequest("GET", "/help/{country}/{kind:helpkind}", 200);
        Assert.Equal("NO", LogCapture.Scalar(line, "Region"));
        Assert.IsType<double>(LogCapture.Scalar(line, "Elapsed"));
        // Everything on the event, not only what the message shows: no RequestPath, QueryString, address or header.
        Assert.Equal(["Elapsed", "Region", "RequestMethod", "RoutePattern", "SourceContext", "StatusCode"], line.Properties.Keys.Order(StringComparer.Ordinal));
        Assert.Matches(@"^\d{4}-\d\d-\d\d [\d:.]+ [+-]\d\d:\d\d \[INF\] HTTP GET /help/\{country\}/\{kind:helpkind\} responded 200 in \d+\.\d ms for NO\n$", site.Logs.Render(line));
    }

    [Fact]
    public async Task RequestLine_ForAnAddressNoRouteMatches_SaysSo_AndNotWhatWasAskedFor()
    {
        await site.Browser().GetAsync("/no-such-page-marker");

        var line = await site.Logs.WaitForRequest("GET", LoggingSetup.NoRoute, 404);
        Assert.Equal("INTL", LogCapture.Scalar(line, "Region"));
        Assert.DoesNotContain(site.Logs.Events, e => site.Logs.Render(e).Contains("no-such-page-marker", StringComparison.Ordinal) || PropertyText(e).Contains("no-such-page-marker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RequestLine_ForAServiceThatIsNotFound_KeepsTheRouteItAskedFor_NotTheErrorPages()
    {
        await site.Browser().GetAsync("/services/no-such-service");

        await site.Logs.WaitForRequest("GET", "/services/{slug}", 404);
    }

    [Fact]
    public async Task Logs_HoldNoIpAddressQueryStringSearchTermFormValueOrPassword()
    {
        await site.CreateUser("log-privacy@example.org", AdminSetup.EditorRole);
        var client = site.Browser(acceptLanguage: "nb-NO");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.77");
        await client.GetAsync("/help/no/therapy?language=secretterm&contact=phone");
        await client.GetAsync("/search?q=secretterm");
        await client.GetAsync("/no-such-page?secretterm=1");
        var visitor = site.Anonymous();
        var report = await visitor.Submit(await visitor.GetPage("/services/example-norway-helpline/report"), "form.admin-form",
            new Dictionary<string, string> { ["Input.Problem"] = "closed", ["Input.Details"] = "secretformvalue" });
        report.ShouldBe(302);
        var editor = site.Anonymous();
        var login = await editor.GetPage("/admin/login");
        (await editor.Submit(login, "form", new Dictionary<string, string> { ["Input.Email"] = "log-privacy@example.org", ["Input.Password"] = "secret wrong password" })).ShouldBe(200);
        (await editor.Submit(login, "form", new Dictionary<string, string> { ["Input.Email"] = "log-privacy@example.org", ["Input.Password"] = Editors.Password })).ShouldBe(302);

        await site.Logs.WaitForRequest("POST", "/admin/login", 302);
        await site.Logs.WaitForRequest("GET", "/search", 200);
        // Events written inside a request through ILogger carry ASP.NET Core's request scope; its raw RequestPath is dropped.
        var signedIn = Assert.Single(site.Logs.Events, e => e.MessageTemplate.Text == "Editor signed in");
        Assert.Contains("RequestId", signedIn.Properties.Keys);
        Assert.DoesNotContain(site.Logs.Events, e => e.Properties.ContainsKey("RequestPath"));
        var everything = site.Logs.Text + string.Concat(site.Logs.Events.Select(PropertyText));
        Assert.Contains("HTTP GET /help/{country}/{kind:helpkind} responded 200", everything);
        Assert.Contains("HTTP POST /services/{slug}/report responded 302", everything);
        foreach (var secret in new[] { "secretterm", "secretformvalue", "secret wrong password", Editors.Password, "203.0.113.77", "127.0.0.1", "language=", "q=", "nb-NO" })
        {
            Assert.DoesNotContain(secret, everything);
        }
    }

    public static TheoryData<string> Forgeries => new()
    {
        "x\n[00:00:00 ERR] forged line",
        "x\r\n2026-01-01 00:00:00.000 +00:00 [ERR] forged line",
        "x\u001b[2Kforged line",
        "x\u0085forged line",
        "x\u2028forged line",
        "x\u2029forged line",
        "x\u202Eenil degrof",
        "x\u2066forged line\u2069",
        "x\u007fforged line",
        "x\0forged line",
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task ControlCharacters_FromARequest_AreEscapedInEveryPartOfTheLine(string forged)
    {
        // However request text reaches a log event (a property, a template someone built from it, an exception message),
        // the line written for it is one line with no control character.
        var logger = site.Services.GetRequiredService<ILogger<LoggingTests>>();
        var marker = Guid.NewGuid().ToString("N");
        _ = site.Server;
#pragma warning disable CA2254, CA1848 // a template built from request text is exactly the mistake this guards against
        logger.LogWarning(new InvalidOperationException("bad " + forged), "{Marker} asked for {Value} " + forged, marker, forged);
#pragma warning restore CA2254, CA1848

        var logEvent = site.Logs.Events.Single(e => LogCapture.Scalar(e, "Marker") as string == marker);
        var text = site.Logs.Render(logEvent);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The event's line and the exception's (never thrown, so no stack trace): nothing forged between or after them.
        Assert.Equal(2, lines.Length);
        Assert.Contains($"{marker} asked for x\\u", lines[0]);
        Assert.StartsWith("System.InvalidOperationException: bad x\\u", lines[1]);
        Assert.DoesNotContain(text, c => c != '\n' && LogText.IsUnsafe(c));
        Assert.DoesNotContain(logEvent.Properties.Values, v => v.ToString().Any(LogText.IsUnsafe));
    }

    [Fact]
    public async Task ForgedLineInAnAddress_NeverReachesTheLogFile()
    {
        var client = site.Browser();
        var response = await client.GetAsync("/help/x%0A%5B00:00:00%20ERR%5D%20forged%20line%1B%5B2K");
        Assert.Equal(404, (int)response.StatusCode);
        var marker = Guid.NewGuid().ToString("N");
        site.Services.GetRequiredService<ILogger<LoggingTests>>().LogWarning("File check {Marker} {Value}", marker, "y\n[00:00:00 ERR] forged line\u001b[2K");

        var file = await ReadLogFileUntil(marker);

        var line = Assert.Single(file.Split('\n'), l => l.Contains(marker, StringComparison.Ordinal));
        Assert.EndsWith(@"y\u000A[00:00:00 ERR] forged line\u001B[2K", line);
        Assert.Contains("HTTP GET /help/{country}/{region?} responded 404", file);
        Assert.DoesNotContain(file.Split('\n'), l => l.StartsWith("[00:00:00 ERR]", StringComparison.Ordinal) || l.Contains('\u001b', StringComparison.Ordinal));
    }

    /// <summary>The file sink writes on a background thread (Serilog.Sinks.Async): wait for the line to arrive.</summary>
    private async Task<string> ReadLogFileUntil(string marker)
    {
        for (var waited = 0; waited < 10_000; waited += 50)
        {
            if (Directory.Exists(site.LogFolder))
            {
                foreach (var path in Directory.GetFiles(site.LogFolder, "*.log"))
                {
                    await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    var text = await new StreamReader(stream).ReadToEndAsync();
                    if (text.Contains(marker, StringComparison.Ordinal)) return text;
                }
            }
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"{marker} never reached a file in {site.LogFolder}");
    }

    [Theory]
    [InlineData("plain /services/{slug} text", "plain /services/{slug} text")]
    [InlineData("Tromsø – æøå 日本", "Tromsø – æøå 日本")]
    [InlineData("a\nb\rc\td", @"a\u000Ab\u000Dc\u0009d")]
    [InlineData("\u001b[31mred\u007f\u0085\u009b", @"\u001B[31mred\u007F\u0085\u009B")]
    [InlineData("\u2028\u2029\u202a\u202e\u2066\u2069\u200f\u061c", @"\u2028\u2029\u202A\u202E\u2066\u2069\u200F\u061C")]
    public void Escape_WritesEveryControlCharacterAsItsCode_AndLeavesOtherTextAlone(string raw, string expected)
    {
        Assert.Equal(expected, LogText.Escape(raw));
    }

    private static string PropertyText(LogEvent logEvent) => string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
}
