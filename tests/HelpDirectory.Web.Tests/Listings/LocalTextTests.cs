using HelpDirectory.Web.Data;

namespace HelpDirectory.Web.Tests.Listings;

public sealed class LocalTextTests
{
    private static readonly ServiceText[] Texts =
    [
        new() { Language = "nb", Field = TextFields.Description, Text = "Norsk beskrivelse" },
        new() { Language = "nb", Field = TextFields.Phone(1), Text = "Gratis" },
        new() { Language = "nb", Field = TextFields.CostNote, Text = "" },
        new() { Language = "sv", Field = TextFields.Description, Text = "Svensk beskrivning" },
        new() { Language = "pt-br", Field = TextFields.Description, Text = "Descrição brasileira" },
        new() { Language = "pt", Field = TextFields.Description, Text = "Descrição" },
    ];

    [Theory]
    [InlineData("en", TextFields.Description, "English description", "English description", null)]
    [InlineData("en-gb", TextFields.Description, "English description", "English description", null)]
    [InlineData("nb", TextFields.Description, "English description", "Norsk beskrivelse", null)]
    [InlineData("nb-no", TextFields.Description, "English description", "Norsk beskrivelse", null)]
    [InlineData("sv", TextFields.Description, "English description", "Svensk beskrivning", null)]
    [InlineData("pt-br", TextFields.Description, "English description", "Descrição brasileira", null)]
    [InlineData("pt-pt", TextFields.Description, "English description", "Descrição", null)]
    [InlineData("nb", "phone:1", "Free", "Gratis", null)]
    [InlineData("nb", "phone:0", "Reception", "Reception", "en")]
    [InlineData("da", TextFields.Description, "English description", "English description", "en")]
    // An empty translation is no translation.
    [InlineData("nb", TextFields.CostNote, "A fee", "A fee", "en")]
    // Nothing to show: nothing to mark.
    [InlineData("nb", TextFields.Hours, "", "", null)]
    public void Local_PicksTheLanguage_AndMarksEnglishOnlyWhenItStandsIn(string language, string field, string english, string text, string? lang)
    {
        Assert.Equal(new LocalText(text, lang), Texts.Local(field, english, language));
    }

    [Fact]
    public void Local_ReadsTheRequestsUiCulture()
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("nb-NO");
            Assert.Equal(new LocalText("Norsk beskrivelse", null), Texts.Local(TextFields.Description, "English"));
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
            Assert.Equal(new LocalText("English", null), Texts.Local(TextFields.Description, "English"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }
}
