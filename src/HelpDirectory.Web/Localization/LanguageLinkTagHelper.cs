using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace HelpDirectory.Web.Localization;

/// <summary>
/// Keeps a reader in their language: on a Norwegian page, every link and form to an address of this site ("/help/no")
/// goes to its Norwegian version ("/nb/help/no"). Views and the code that builds addresses stay language-free. A link
/// that names its language (hreflang) is left alone: it is the way to the other version.
/// </summary>
[HtmlTargetElement("a", Attributes = "href")]
[HtmlTargetElement("form", Attributes = "action")]
public sealed class LanguageLinkTagHelper(HtmlEncoder encoder) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    // After the framework's own (~/ resolution runs at -1000 - 999).
    public override int Order => -1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var pathBase = ViewContext.HttpContext.GetLanguage().PathBase;
        if (pathBase.Length == 0 || output.Attributes.ContainsName("hreflang")) return;
        var name = output.TagName == "form" ? "action" : "href";
        if (!output.Attributes.TryGetAttribute(name, out var attribute)) return;
        switch (attribute.Value)
        {
            case string text when LocalPaths.IsLocal(text):
                output.Attributes.SetAttribute(name, pathBase + text);
                break;
            case IHtmlContent html:
                using (var writer = new StringWriter())
                {
                    html.WriteTo(writer, encoder);
                    var encoded = writer.ToString();
                    if (LocalPaths.IsLocal(encoded)) output.Attributes.SetAttribute(name, new HtmlString(pathBase + encoded));
                }
                break;
        }
    }
}
