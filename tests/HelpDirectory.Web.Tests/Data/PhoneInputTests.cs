using HelpDirectory.Web.Data;
using System.Text.Json;
using HelpDirectory.Web.Editing.Seeding;
using HelpDirectory.Web.Editing;
using HelpDirectory.Web.Tests.Infrastructure;

namespace HelpDirectory.Web.Tests.Data;

public sealed class PhoneInputTests
{
    private static readonly CrisisLinesFile Research =
        JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(RepoPaths.Content, "data", "crisis-lines.json")), SeedJson.Default.CrisisLinesFile)!;

    /// <summary>The short codes our published crisis-line data lists, as editors' forms see them.</summary>
    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> OurShortCodes = SeedLoader.ShortCodes(Research);

    private static IReadOnlySet<string> ShortCodesOf(string? country) =>
        country is not null && OurShortCodes.TryGetValue(country, out var codes) ? codes : new HashSet<string>();

    // One real number per country in the published seed, from our own data (content/data) where it has a full number; where
    // it has only short codes (SE, AT, CH, BR, KR, PY), libphonenumber's own example number for the country.
    [Theory]
    [InlineData("US", "1-800-366-8288", "+1 800 366 8288", "+18003668288", "(800) 366-8288")]
    [InlineData("CA", "1-800-668-6868", "+1 800 668 6868", "+18006686868", "(800) 668-6868")]
    [InlineData("GB", "0800 068 4141", "+44 800 068 4141", "+448000684141", "0800 068 4141")]
    [InlineData("IE", "1800 247 247", "+353 1800 247 247", "+3531800247247", "1800 247 247")]
    [InlineData("AU", "1800 55 1800", "+61 1800 55 1800", "+611800551800", "1800 551 800")]
    [InlineData("NZ", "0800 543 354", "+64 800 543 354", "+64800543354", "0800 543 354")]
    [InlineData("NO", "22 40 00 40", "+47 22 40 00 40", "+4722400040", "22 40 00 40")]
    [InlineData("SE", "08-12 34 56", "+46 8 12 34 56", "+468123456", "08-12 34 56")]
    [InlineData("DK", "70 201 201", "+45 70 20 12 01", "+4570201201", "70 20 12 01")]
    [InlineData("FI", "09 2525 0111", "+358 9 2525 0111", "+358925250111", "09 25250111")]
    [InlineData("DE", "0800 111 0 111", "+49 800 111 0 111", "+498001110111", "0800 1110111")]
    [InlineData("AT", "0800 123456", "+43 800 123456", "+43800123456", "0800 123456")]
    [InlineData("CH", "0800 123 456", "+41 800 123 456", "+41800123456", "0800 123 456")]
    [InlineData("NL", "0800-0113", "+31 800 0113", "+318000113", "0800 0113")]
    [InlineData("BE", "0800 32 123", "+32 800 32 123", "+3280032123", "0800 32 123")]
    [InlineData("FR", "09 72 39 40 50", "+33 9 72 39 40 50", "+33972394050", "09 72 39 40 50")]
    [InlineData("ES", "717 003 717", "+34 717 003 717", "+34717003717", "717 00 37 17")]
    [InlineData("IT", "02 2327 2327", "+39 02 2327 2327", "+390223272327", "02 2327 2327")]
    [InlineData("PT", "213 544 545", "+351 213 544 545", "+351213544545", "21 354 4545")]
    [InlineData("PL", "800 70 2222", "+48 800 70 2222", "+48800702222", "800 702 222")]
    [InlineData("IN", "1800-891-4416", "+91 1800 891 4416", "+9118008914416", "1800 891 4416")]
    [InlineData("ZA", "0800 567 567", "+27 800 567 567", "+27800567567", "080 056 7567")]
    [InlineData("BR", "0800 12 3456", "+55 800 12 3456", "+55800123456", "0800 12 3456")]
    [InlineData("MX", "800 911 2000", "+52 800 911 2000", "+528009112000", "800 911 2000")]
    [InlineData("JP", "0120-279-338", "+81 120 279 338", "+81120279338", "0120-279-338")]
    [InlineData("KR", "080-123-4567", "+82 80-123-4567", "+82801234567", "080-123-4567")]
    [InlineData("SG", "9151 1767", "+65 9151 1767", "+6591511767", "9151 1767")]
    [InlineData("PH", "0917-899-8727", "+63 917 899 8727", "+639178998727", "0917 899 8727")]
    [InlineData("PY", "(021) 234 5678", "+595 21 234 5678", "+595212345678", "(021) 234 5678")]
    public void TryParse_ARealNumber_NationalOrInternational_GivesE164_AndTheNationalFormat(string country, string national, string international, string e164, string display)
    {
        foreach (var input in new[] { national, international })
        {
            Assert.True(PhoneInput.TryParse(input, country, ShortCodesOf(country), out var phone, out var error), $"{input}: {error}");
            Assert.Equal(new PhoneInput(display, e164), phone);
        }
    }

    // Each a real number above with digits too few or too many.
    [Theory]
    [InlineData("US", "1-800-366-828")]
    [InlineData("CA", "1-800-668-686")]
    [InlineData("GB", "0800 068 41411")]
    [InlineData("IE", "1800 247 2477")]
    [InlineData("AU", "1800 55 180")]
    [InlineData("NZ", "0800 543 35444")]
    [InlineData("NO", "22 40 00 4")]
    [InlineData("SE", "08-12 34 56 789")]
    [InlineData("DK", "70 201 20")]
    [InlineData("FI", "09 2525 0111 1")]
    [InlineData("DE", "0800 111 0 11")]
    [InlineData("AT", "0800 12345")]
    [InlineData("CH", "0800 123 45")]
    [InlineData("NL", "0800-011")]
    [InlineData("BE", "0800 32 12")]
    [InlineData("FR", "09 72 39 40 5")]
    [InlineData("ES", "717 003 71")]
    [InlineData("IT", "02 2327 2327 22")]
    [InlineData("PT", "213 544 54")]
    [InlineData("PL", "800 70 222")]
    [InlineData("IN", "1800-891-4416-6666")]
    [InlineData("ZA", "0800 567 56")]
    [InlineData("BR", "0800 12 345")]
    [InlineData("MX", "800 911 200")]
    [InlineData("JP", "0120-279-33")]
    [InlineData("KR", "080-123-456")]
    [InlineData("SG", "9151 176")]
    [InlineData("PH", "0917-899-872")]
    [InlineData("PY", "(021) 234 56")]
    public void TryParse_AWrongLength_IsRefused_NamingTheCountry(string country, string input)
    {
        Assert.False(PhoneInput.TryParse(input, country, ShortCodesOf(country), out _, out var error));
        Assert.StartsWith($"This is not a valid phone number for {country}: ", error);
    }

    // Accepted where libphonenumber's short-number data or our crisis-line data knows the code for that country, refused
    // elsewhere. A short code keeps what was typed and has no E.164 form.
    [Theory]
    [InlineData("US", "988", true)]
    [InlineData("US", "741741", true)]
    [InlineData("US", "116 123", false)]
    [InlineData("CA", "988", true)]
    [InlineData("CA", "686868", true)]
    [InlineData("GB", "116 123", true)]
    [InlineData("GB", "85258", true)]
    [InlineData("GB", "988", false)]
    [InlineData("IE", "116 123", true)]
    [InlineData("IE", "50808", true)]
    [InlineData("AU", "13 11 14", true)]
    [InlineData("AU", "116 123", false)]
    [InlineData("NZ", "1737", true)]
    [InlineData("NZ", "116 123", false)]
    [InlineData("NO", "116 123", true)]
    [InlineData("NO", "113", true)]
    [InlineData("NO", "988", false)]
    [InlineData("NO", "1737", false)]
    [InlineData("SE", "90101", true)]
    [InlineData("SE", "116 123", true)]
    [InlineData("DK", "116 111", true)]
    [InlineData("FI", "116 123", true)]
    [InlineData("DE", "116 123", true)]
    [InlineData("DE", "116 117", true)]
    [InlineData("DE", "988", false)]
    [InlineData("AT", "142", true)]
    [InlineData("AT", "116 123", true)]
    [InlineData("CH", "143", true)]
    [InlineData("NL", "113", true)]
    [InlineData("NL", "116 123", true)]
    [InlineData("BE", "1813", true)]
    [InlineData("FR", "3114", true)]
    [InlineData("ES", "024", true)]
    [InlineData("IT", "19696", true)]
    [InlineData("PT", "1411", true)]
    [InlineData("PL", "116 111", true)]
    [InlineData("PL", "116 123", true)]
    [InlineData("IN", "14416", true)]
    [InlineData("ZA", "31393", true)]
    [InlineData("BR", "188", true)]
    [InlineData("MX", "911", true)]
    [InlineData("MX", "116 123", false)]
    [InlineData("JP", "119", true)]
    [InlineData("JP", "116 123", false)]
    [InlineData("KR", "109", true)]
    [InlineData("SG", "1767", true)]
    [InlineData("PH", "1553", true)]
    [InlineData("PH", "988", false)]
    [InlineData("PY", "155", true)]
    public void TryParse_AShortCode_OnlyWhereItIsKnownForTheCountry(string country, string input, bool accepted)
    {
        var ok = PhoneInput.TryParse(input, country, ShortCodesOf(country), out var phone, out var error);

        Assert.Equal(accepted, ok);
        if (accepted) Assert.Equal(new PhoneInput(input, null), phone);
        else Assert.Equal($"{input} is not a short code known for {country}. Write the full number, or add the short code to the country's crisis lines first.", error);
    }

    [Fact]
    public void TryParse_ACrisisLine_MayIntroduceAShortCode_OfAPossibleLengthForTheCountry()
    {
        Assert.False(PhoneInput.TryParse("988", "NO", ShortCodesOf("NO"), out _, out _));
        Assert.True(PhoneInput.TryParse("988", "NO", ShortCodesOf("NO"), out var phone, out var error, acceptPossibleShortCodes: true), error);
        Assert.Equal(new PhoneInput("988", null), phone);
    }

    [Theory]
    [InlineData("+47 22 40 00 40", "+47 22 40 00 40", "+4722400040")]
    [InlineData("0047 22400040", "+47 22 40 00 40", "+4722400040")]
    [InlineData("+44 800 068 4141", "+44 800 068 4141", "+448000684141")]
    public void TryParse_NoSingleCountry_TakesTheInternationalForm_AndShowsIt(string input, string display, string e164)
    {
        Assert.True(PhoneInput.TryParse(input, null, new HashSet<string>(), out var phone, out var error), error);
        Assert.Equal(new PhoneInput(display, e164), phone);
    }

    [Fact]
    public void TryParse_ANumberOfAnotherCountry_InInternationalForm_IsShownInternationally()
    {
        Assert.True(PhoneInput.TryParse("+44 800 068 4141", "NO", ShortCodesOf("NO"), out var phone, out var error), error);
        Assert.Equal(new PhoneInput("+44 800 068 4141", "+448000684141"), phone);
    }

    [Theory]
    [InlineData("22 40 00 40", null, "For a service with no single country, write the number in international form, starting with +.")]
    [InlineData("+47 22 40", null, "This is not a valid international phone number: check the country code and the number of digits.")]
    [InlineData("+999 22 40 00 40", "NO", "This is not a valid international phone number: check the country code and the number of digits.")]
    [InlineData("22 40 00 400", "NO", "This is not a valid phone number for NO: it has the wrong number of digits.")]
    [InlineData("1-800-366-828", "US", "This is not a valid phone number for US: it has the wrong number of digits.")]
    [InlineData("988", "NO", "988 is not a short code known for NO. Write the full number, or add the short code to the country's crisis lines first.")]
    [InlineData("call 22400040", "NO", "Enter a phone number using digits, spaces, brackets, dashes and an optional + at the start.")]
    [InlineData("<script>", "NO", "Enter a phone number using digits, spaces, brackets, dashes and an optional + at the start.")]
    [InlineData("22+400040", "NO", "A + may only come at the start of the number.")]
    [InlineData("", "NO", "Enter a phone number using digits, spaces, brackets, dashes and an optional + at the start.")]
    public void TryParse_InvalidNumbers_SayWhy(string input, string? country, string message)
    {
        Assert.False(PhoneInput.TryParse(input, country, ShortCodesOf(country), out _, out var error));
        Assert.Equal(message, error);
    }
}
