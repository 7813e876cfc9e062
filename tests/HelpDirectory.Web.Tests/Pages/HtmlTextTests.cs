using System.Text.Encodings.Web;
using HelpDirectory.Web.Pages;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace HelpDirectory.Web.Tests.Pages;

/// <summary>A translated sentence around markup: the words are always text, only the pieces put in are markup.</summary>
public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("Read our {0}.", "Read our <strong>articles</strong>.")]
    [InlineData("{0} to see its crisis lines.", "<strong>articles</strong> to see its crisis lines.")]
    [InlineData("Les {0} og {0}.", "Les <strong>articles</strong> og <strong>articles</strong>.")]
    [InlineData("<b>{0}</b> & more", "&lt;b&gt;<strong>articles</strong>&lt;/b&gt; &amp; more")]
    [InlineData("{1} has no piece, {x} is no placeholder", "{1} has no piece, {x} is no placeholder")]
    [InlineData("ends with {", "ends with {")]
    public void Format_EncodesTheWords_AndPutsInThePieces(string text, string expected)
    {
        var html = HtmlText.Format(new LocalizedString("Key", text), HtmlText.Element("strong", "articles"));

        Assert.Equal(expected, Render(html));
    }

    [Fact]
    public void Element_EncodesItsText()
    {
        Assert.Equal("<code>&lt;script&gt;</code>", Render(HtmlText.Element("code", "<script>")));
    }

    private static string Render(IHtmlContent html)
    {
        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
