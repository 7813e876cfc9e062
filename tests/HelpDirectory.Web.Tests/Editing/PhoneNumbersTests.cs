using HelpDirectory.Web.Editing;

namespace HelpDirectory.Web.Tests.Editing;

public sealed class PhoneNumbersTests
{
    private static readonly IReadOnlySet<string> NorwayShortCodes = new HashSet<string> { "116123", "116111", "113", "112" };

    [Theory]
    [InlineData("22 40 00 40", "NO", "+4722400040")]
    [InlineData("+47 22 40 00 40", "NO", "+4722400040")]
    [InlineData("0047 22400040", null, "+4722400040")]
    [InlineData("020 7946 0001", "GB", "+442079460001")]
    [InlineData("0800 068 4141", "GB", "+448000684141")]
    [InlineData("(310) 555-0100", "US", "+13105550100")]
    [InlineData("1-800-273-8255", "US", "+18002738255")]
    [InlineData("0800 111 0 111", "DE", "+498001110111")]
    [InlineData("09 72 39 40 50", "FR", "+33972394050")]
    [InlineData("02 2327 2327", "IT", "+390223272327")]
    [InlineData("1800 247 247", "IE", "+3531800247247")]
    [InlineData("116 123", "NO", null)]
    [InlineData("113", "NO", null)]
    public void TryNormalize_ValidNumbers(string input, string? country, string? e164)
    {
        Assert.True(Web.Editing.PhoneNumbers.TryNormalize(input, country, NorwayShortCodes, out var phone, out var error), error);
        Assert.Equal(e164, phone.E164);
        Assert.Equal(input.Trim(), phone.Display);
    }

    [Theory]
    [InlineData("22 40 00 4", "NO", "This is not a valid phone number for NO: it has the wrong number of digits.")]
    [InlineData("988", "NO", "988 is not a short code listed for NO. Write the full number, or add the short code to the country's crisis lines first.")]
    [InlineData("+47 22 40", null, "This international number has the wrong number of digits.")]
    [InlineData("22 40 00 40", null, "For a service with no single country, write the number in international form, starting with +.")]
    [InlineData("call 22400040", "NO", "Enter a phone number using digits, spaces, brackets, dashes and an optional + at the start.")]
    [InlineData("<script>", "NO", "Enter a phone number using digits, spaces, brackets, dashes and an optional + at the start.")]
    [InlineData("22+400040", "NO", "A + may only come at the start of the number.")]
    [InlineData("", "NO", "Enter a phone number using digits, spaces, brackets, dashes and an optional + at the start.")]
    public void TryNormalize_InvalidNumbers_SayWhy(string input, string? country, string message)
    {
        Assert.False(Web.Editing.PhoneNumbers.TryNormalize(input, country, NorwayShortCodes, out _, out var error));
        Assert.Equal(message, error);
    }
}
