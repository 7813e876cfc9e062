using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HelpDirectory.Bench;

public sealed record Weight(int Identity, int Brotli, int Gzip);

public sealed record PageWeightResult(string Name, string Url, int Status, Weight Html, Weight Assets, Weight Total, IReadOnlyList<string> AssetUrls);

/// <summary>
/// The bytes a first visit downloads for each page: the HTML plus the stylesheets and scripts it links, as sent on the
/// wire with no compression, with Brotli and with gzip. Only ever talks to the loopback address bench/run started the site on.
/// </summary>
public static partial class PageWeight
{
    public static async Task<int> WeighAsync(Options options)
    {
        var baseUri = new Uri(options.Get("base"));
        if (!IPAddress.TryParse(baseUri.Host, out var address) || !IPAddress.IsLoopback(address))
            throw new ArgumentException("weigh only talks to a loopback address");
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false })
        {
            BaseAddress = baseUri,
        };
        var language = options.Find("accept-language") ?? "en-GB,en;q=0.9";
        var results = new List<PageWeightResult>();
        foreach (var (name, url) in options.Pairs("page"))
        {
            var (status, html, body) = await FetchAsync(http, url, language);
            var assets = AssetLinks().Matches(body).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)).Distinct().ToList();
            var assetWeight = new Weight(0, 0, 0);
            foreach (var asset in assets)
            {
                var (_, w, _) = await FetchAsync(http, asset, language);
                assetWeight = new Weight(assetWeight.Identity + w.Identity, assetWeight.Brotli + w.Brotli, assetWeight.Gzip + w.Gzip);
            }
            results.Add(new PageWeightResult(name, url, status, html, assetWeight,
                new Weight(html.Identity + assetWeight.Identity, html.Brotli + assetWeight.Brotli, html.Gzip + assetWeight.Gzip), assets));
            Console.WriteLine($"weighed {name}: {html.Identity + assetWeight.Identity} B, br {html.Brotli + assetWeight.Brotli} B, gzip {html.Gzip + assetWeight.Gzip} B");
        }
        File.WriteAllText(options.Get("out"), JsonSerializer.Serialize(results, BenchJson.Options));
        return 0;
    }

    private static async Task<(int Status, Weight Weight, string Body)> FetchAsync(HttpClient http, string url, string language)
    {
        async Task<(int, byte[], string?)> Get(string encoding)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
            using var response = await http.SendAsync(request);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            return ((int)response.StatusCode, bytes, response.Content.Headers.ContentEncoding.FirstOrDefault());
        }

        var (status, plain, _) = await Get("identity");
        var (_, br, brEncoding) = await Get("br");
        var (_, gz, gzEncoding) = await Get("gzip");
        // A response the server did not compress weighs the same compressed or not.
        return (status, new Weight(plain.Length, brEncoding == "br" ? br.Length : plain.Length, gzEncoding == "gzip" ? gz.Length : plain.Length),
            System.Text.Encoding.UTF8.GetString(plain));
    }

    [GeneratedRegex(@"<(?:link[^>]*\brel=""stylesheet""[^>]*\bhref|script[^>]*\bsrc)=""(?<url>/[^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex AssetLinks();
}

public static class BenchJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
