using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Dom;

namespace HelpDirectory.Bench;

/// <summary>
/// How long an editor's save takes to reach search: signs in, adds a word no listing holds to a published listing's
/// description through the admin form, and times searches for that word (each uncached, as a visitor's first search after
/// the save would be) until the listing is found. The first of them brings the index up to date. Repeated with a new word
/// each round, then the description is put back.
/// </summary>
internal static class Reindex
{
    public static async Task<int> MeasureAsync(Options options)
    {
        var site = new Uri(options.Get("site"));
        var email = options.Get("email");
        var password = Environment.GetEnvironmentVariable("HELPDIRECTORY_ADMIN_PASSWORD") ?? throw new ArgumentException("HELPDIRECTORY_ADMIN_PASSWORD is not set");
        var rounds = options.Int("rounds", 5);
        using var editor = await Editor.SignInAsync(site, email, password);
        using var visitor = new HttpClient { BaseAddress = site };
        visitor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        // A cookie the page cache never answers: every search below really runs.
        visitor.DefaultRequestHeaders.Add("Cookie", "bench=uncached");

        var list = await Editor.Parse(await editor.GetStringAsync("/admin/services?status=published"));
        var edit = list.QuerySelector("#listings a[href^='/admin/services/']")?.GetAttribute("href")
            ?? throw new InvalidOperationException("no published listing on /admin/services");
        var form = await Editor.Parse(await editor.GetStringAsync(edit));
        var slug = ((IHtmlInputElement)form.QuerySelector("[name='Form.Slug']")!).Value;
        var original = ((IHtmlTextAreaElement)form.QuerySelector("[name='Form.Description']")!).Value;

        var times = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            // Letters only, so the index keeps it as one word; no listing or article holds it.
            var word = "zqreindexmark" + (char)('a' + round);
            var saved = await Editor.Submit(editor, edit, "#service-form", new() { ["Form.Description"] = $"{original} {word}" });
            if (saved.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"the save answered {(int)saved.StatusCode}");
            var clock = Stopwatch.StartNew();
            while (!(await visitor.GetStringAsync($"/search?q={word}")).Contains($"/services/{slug}\"", StringComparison.Ordinal))
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(10)) throw new InvalidOperationException($"round {round}: not found by search after 10 s");
            }
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        await Editor.Submit(editor, edit, "#service-form", new() { ["Form.Description"] = original });
        return await Timings.ReportAsync("a listing saved is found by search", times, options);
    }
}
