using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

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
        // The site marks its sign-in and antiforgery cookies Secure outside Development; the nodes here speak plain HTTP on
        // the loopback, so the cookies are carried by hand rather than by a cookie container that would hold them back.
        using var handler = new CookieCarrier(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        using var editor = new HttpClient(handler) { BaseAddress = editorBase };
        using var reader = new HttpClient { BaseAddress = readerBase };
        reader.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");

        var signIn = await Submit(editor, "/admin/login", "form", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (signIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in answered {(int)signIn.StatusCode}");
        var list = await Parse(await editor.GetStringAsync("/admin/crisis-lines"));
        var edit = list.QuerySelectorAll("a[href^='/admin/crisis-lines/edit/']")
            .First(a => a.ParentElement?.PreviousElementSibling?.TextContent.Trim() == "NO").GetAttribute("href")!;
        var original = ((IHtmlInputElement)(await Parse(await editor.GetStringAsync(edit))).QuerySelector("[name='Form.Name']")!).Value;

        var times = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var name = $"{original} (bench {round})";
            var saved = await Submit(editor, edit, "#record-form", new() { ["Form.Name"] = name });
            if (saved.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"the save answered {(int)saved.StatusCode}");
            var clock = Stopwatch.StartNew();
            while (!(await reader.GetStringAsync("/help/no")).Contains(WebUtility.HtmlEncode(name), StringComparison.Ordinal))
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(10)) throw new InvalidOperationException($"round {round}: not shown on the other node after 10 s");
                await Task.Delay(5);
            }
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        await Submit(editor, edit, "#record-form", new() { ["Form.Name"] = original });
        times.Sort();
        var line = string.Format(CultureInfo.InvariantCulture, "save on one node shown on the other: median {0:0} ms, max {1:0} ms over {2} saves ({3})",
            times[times.Count / 2], times[^1], times.Count, string.Join(", ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture))));
        Console.WriteLine(line);
        if (options.Find("out") is { } path) await File.WriteAllTextAsync(path, line + "\n");
        return 0;
    }

    private static async Task<HttpResponseMessage> Submit(HttpClient client, string path, string formSelector, Dictionary<string, string> set)
    {
        var document = await Parse(await client.GetStringAsync(path));
        var form = document.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"no {formSelector} on {path}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || set.ContainsKey(name)) continue;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked: fields.Add(new(name, box.Value)); break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "submit" or "button" }: break;
                case IHtmlInputElement input: fields.Add(new(name, input.Value)); break;
                case IHtmlTextAreaElement area: fields.Add(new(name, area.Value)); break;
                case IHtmlSelectElement select: fields.Add(new(name, select.Value ?? "")); break;
            }
        }
        fields.AddRange(set);
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : path;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private static async Task<AngleSharp.Dom.IDocument> Parse(string html) => await new HtmlParser().ParseDocumentAsync(html);

    /// <summary>Keeps every cookie the site sets (name and value only) and sends them all back.</summary>
    private sealed class CookieCarrier(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                foreach (var cookie in set)
                {
                    var pair = cookie.Split(';')[0];
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals > 0) _cookies[pair[..equals]] = pair[(equals + 1)..];
                }
            }
            return response;
        }
    }
}
