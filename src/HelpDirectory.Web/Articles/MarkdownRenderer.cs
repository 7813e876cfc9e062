using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HelpDirectory.Web.Articles;

public sealed record TocEntry(int Level, string Id, string Text);

public sealed record RenderedMarkdown(string Html, IReadOnlyList<TocEntry> Toc, int Words);

/// <summary>
/// The one Markdown pipeline for articles and listing descriptions: raw HTML disabled, heading identifiers, footnotes,
/// outside links marked and opened without a referrer, and nothing that can run script (javascript:, vbscript: and data:
/// links lose their link, images become their text).
/// </summary>
public static class MarkdownRenderer
{
    public const int MaxLength = 200_000;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseFootnotes()
        .UseAutoLinks()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .UsePipeTables()
        .Build();

    public static RenderedMarkdown Render(string markdown)
    {
        if (markdown.Length > MaxLength) markdown = markdown[..MaxLength];
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses absurdly deep nesting; such input is shown as the plain, escaped text it is.
            return new RenderedMarkdown($"<p>{System.Net.WebUtility.HtmlEncode(markdown)}</p>\n", [], 0);
        }
        var toc = new List<TocEntry>();
        var words = 0;

        foreach (var node in document.Descendants().ToList())
        {
            switch (node)
            {
                case HeadingBlock { Level: 2 or 3 } heading when heading.GetAttributes().Id is { } id:
                    toc.Add(new TocEntry(heading.Level, id, InlineText(heading.Inline)));
                    break;
                case LinkInline link:
                    MakeSafe(link);
                    break;
                case AutolinkInline autolink when !IsSafeUrl(autolink.Url):
                    autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
                    break;
                case AutolinkInline autolink when IsOutside(autolink.Url):
                    MarkOutside(autolink.GetAttributes());
                    break;
                case LiteralInline literal:
                    words += CountWords(literal.Content.ToString());
                    break;
            }
        }

        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return new RenderedMarkdown(writer.ToString(), toc, words);
    }

    /// <summary>A listing description's HTML: the articles' pipeline as it is (raw HTML off, unsafe links and images
    /// dropped), without the table of contents and word count.</summary>
    public static string RenderFragment(string markdown) => Render(markdown).Html;

    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        // Browsers ignore control characters and white space inside a scheme ("java\tscript:"), so we do too.
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var slash = compact.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon)) return true; // relative link
        var scheme = compact[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto" or "tel" or "sms";
    }

    private static void MakeSafe(LinkInline link)
    {
        if (!IsSafeUrl(link.Url) || link.IsImage)
        {
            // Keep the words, drop the link (or the image, which becomes its description).
            var text = InlineText(link);
            link.ReplaceBy(new LiteralInline(text), copyChildren: false);
            return;
        }
        if (IsOutside(link.Url)) MarkOutside(link.GetAttributes());
    }

    private static bool IsOutside(string? url) =>
        url is not null && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("//", StringComparison.Ordinal));

    private static void MarkOutside(HtmlAttributes attributes)
    {
        attributes.AddPropertyIfNotExist("rel", "noopener noreferrer");
        attributes.AddClass("external");
    }

    private static string InlineText(ContainerInline? container)
    {
        if (container is null) return "";
        var builder = new System.Text.StringBuilder();
        foreach (var inline in container.Descendants())
        {
            switch (inline)
            {
                case LiteralInline l: builder.Append(l.Content.ToString()); break;
                case CodeInline c: builder.Append(c.Content); break;
                case LineBreakInline: builder.Append(' '); break;
            }
        }
        return builder.ToString();
    }

    private static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) count++;
            inWord = letter;
        }
        return count;
    }
}
