using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace HelpDirectory.Bench;

/// <summary>An editor's browser, as far as the benchmark needs one: signs in (antiforgery token and cookie) and fills in
/// the site's forms as they are rendered.</summary>
internal static class Editor
{
    public static async Task<HttpClient> SignInAsync(Uri site, string email, string password)
    {
        // The site marks its sign-in and antiforgery cookies Secure outside Development; the sites here speak plain HTTP on
        // the loopback, so the cookies are carried by hand rather than by a cookie container that would hold them back.
        var editor = new HttpClient(new CookieCarrier(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })) { BaseAddress = site };
        var signIn = await Submit(editor, "/admin/login", "form", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (signIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in answered {(int)signIn.StatusCode}");
        return editor;
    }

    public static async Task<HttpResponseMessage> Submit(HttpClient client, string path, string formSelector, Dictionary<string, string> set)
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

    public static async Task<AngleSharp.Dom.IDocument> Parse(string html) => await new HtmlParser().ParseDocumentAsync(html);

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
