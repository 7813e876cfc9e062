using HelpDirectory.Web.Articles;

namespace HelpDirectory.Web.Tests.Articles;

public sealed class MarkdownSafetyTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n")]
    [InlineData("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n")]
    [InlineData("Hi <b onmouseover=\"x()\">there</b>", "<p>Hi &lt;b onmouseover=&quot;x()&quot;&gt;there&lt;/b&gt;</p>\n")]
    [InlineData("[click](javascript:alert(1))", "<p>click</p>\n")]
    [InlineData("[click](JaVaScRiPt:alert(1))", "<p>click</p>\n")]
    [InlineData("[click](java\tscript:alert(1))", "<p>[click](java\tscript:alert(1))</p>\n")]
    [InlineData("[click](vbscript:msgbox(1))", "<p>click</p>\n")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)", "<p>click</p>\n")]
    [InlineData("<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n")]
    [InlineData("![a picture](https://example.org/x.png)", "<p>a picture</p>\n")]
    [InlineData("[home](/)", "<p><a href=\"/\">home</a></p>\n")]
    [InlineData("[Samaritans](https://www.samaritans.org)", "<p><a href=\"https://www.samaritans.org\" class=\"external\" rel=\"noopener noreferrer\">Samaritans</a></p>\n")]
    [InlineData("https://www.example.org", "<p><a href=\"https://www.example.org\" class=\"external\" rel=\"noopener noreferrer\">https://www.example.org</a></p>\n")]
    [InlineData("&lt;script&gt; &amp; &#x3C;b&#x3E;", "<p>&lt;script&gt; &amp; &lt;b&gt;</p>\n")]
    [InlineData("[x](&#106;avascript:alert(1))", "<p>x</p>\n")]
    [InlineData("## Hello *world*", "<h2 id=\"hello-world\">Hello <em>world</em></h2>\n")]
    public void Render_HostileMarkdown_GivesExactSafeHtml(string markdown, string expected) =>
        Assert.Equal(expected, MarkdownRenderer.Render(markdown).Html);

    [Fact]
    public void Render_NestedEmphasisBomb_FinishesAndStaysEscaped()
    {
        var bomb = string.Concat(Enumerable.Repeat("*_[", 5_000)) + "<script>" + string.Concat(Enumerable.Repeat("]_*", 5_000));

        var html = MarkdownRenderer.Render(bomb).Html;

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void Render_CollectsTableOfContentsFromHeadings()
    {
        var rendered = MarkdownRenderer.Render("## First part\n\ntext\n\n### Detail\n\n## Second part");

        Assert.Equal([new TocEntry(2, "first-part", "First part"), new TocEntry(3, "detail", "Detail"), new TocEntry(2, "second-part", "Second part")], rendered.Toc);
    }
}
