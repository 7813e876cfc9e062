using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Dom;

namespace HelpDirectory.Bench;

/// <summary>
/// The time from an editor's save on one node to the change showing on another node's public page: signs in on the
/// editor's node as a browser would (antiforgery token and cookie), renames Norway's first crisis line, and reads the
/// other node's /help/no until the new name is there. Repeated, then the line's name is put back.
/// </summary>
internal static class Propagation
{
    public static async Task<int> MeasureAsync(Options options)
    {
        var editorBase = new Uri(options.Get("editor"));
        var readerBase = new Uri(options.Get("reader"));
        var email = options.Get("email");
        var password = Environment.GetEnvironmentVariable("HELPDIRECTORY_ADMIN_PASSWORD") ?? throw new ArgumentException("HELPDIRECTORY_ADMIN_PASSWORD is not set");
        var rounds = options.Int("rounds", 5);
        using var editor = await Editor.SignInAsync(editorBase, email, password);
        using var reader = new HttpClient { BaseAddress = readerBase };
        reader.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");

        var list = await Editor.Parse(await editor.GetStringAsync("/admin/crisis-lines"));
        var edit = list.QuerySelectorAll("a[href^='/admin/crisis-lines/edit/']")
            .First(a => a.ParentElement?.PreviousElementSibling?.TextContent.Trim() == "NO").GetAttribute("href")!;
        var original = ((IHtmlInputElement)(await Editor.Parse(await editor.GetStringAsync(edit))).QuerySelector("[name='Form.Name']")!).Value;

        var times = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var name = $"{original} (bench {round})";
            var saved = await Editor.Submit(editor, edit, "#record-form", new() { ["Form.Name"] = name });
            if (saved.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"the save answered {(int)saved.StatusCode}");
            var clock = Stopwatch.StartNew();
            while (!(await reader.GetStringAsync("/help/no")).Contains(WebUtility.HtmlEncode(name), StringComparison.Ordinal))
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(10)) throw new InvalidOperationException($"round {round}: not shown on the other node after 10 s");
                await Task.Delay(5);
            }
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        await Editor.Submit(editor, edit, "#record-form", new() { ["Form.Name"] = original });
        return await Timings.ReportAsync("save on one node shown on the other", times, options);
    }
}
