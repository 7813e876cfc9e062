using HelpDirectory.Web.Localization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace HelpDirectory.Web.Pages;

/// <summary>
/// A translated sentence with markup inside it (a link, a number in bold): the sentence's words stay text, encoded like any
/// other, and only the pieces the view puts into {0}, {1}... are markup. Word order belongs to each language, so a link
/// can sit at the start of one sentence and at the end of its translation.
/// </summary>
public static class HtmlText
{
    public static IHtmlContent Format(LocalizedString text, params IHtmlContent[] parts)
    {
        var builder = new HtmlContentBuilder();
        var value = text.Value;
        var start = 0;
        for (var i = 0; i < value.Length - 2; i++)
        {
            if (value[i] != '{' || value[i + 2] != '}' || !char.IsAsciiDigit(value[i + 1])) continue;
            var index = value[i + 1] - '0';
            if (index >= parts.Length) continue;
            builder.Append(value[start..i]);
            builder.AppendHtml(parts[index]);
            start = i + 3;
            i += 2;
        }
        builder.Append(value[start..]);
        return builder;
    }

    /// <summary>A link to an address of this site, in the reader's language (the link tag helper does not see markup made
    /// in code).</summary>
    public static IHtmlContent Link(HttpContext context, string path, string text) => Element("a", text, ("href", context.Href(path)));

    /// <summary>A number or other value as text, formatted for the reader's culture.</summary>
    public static IHtmlContent Text(object value) => new HtmlContentBuilder().Append(Convert.ToString(value, System.Globalization.CultureInfo.CurrentCulture));

    public static IHtmlContent Element(string name, string text, params (string Name, string Value)[] attributes)
    {
        var tag = new TagBuilder(name);
        foreach (var (attribute, value) in attributes) tag.Attributes[attribute] = value;
        tag.InnerHtml.Append(text);
        return tag;
    }
}
