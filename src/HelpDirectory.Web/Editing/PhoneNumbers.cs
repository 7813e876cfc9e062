namespace HelpDirectory.Web.Editing;

public sealed record NormalizedPhone(string Display, string? E164);

/// <summary>
/// libphonenumber is not in this machine's package copy, so this is a small normaliser of our own for the countries we
/// cover: international numbers to E.164 with length checks per country, and short codes (116 123, 988, 1737) only where
/// the country's own data lists them.
/// </summary>
public static class PhoneNumbers
{
    private sealed record Plan(string CallingCode, string TrunkPrefix, int MinLength, int MaxLength);

    // National significant number lengths, from each country's numbering plan.
    private static readonly Dictionary<string, Plan> Plans = new(StringComparer.OrdinalIgnoreCase)
    {
        ["US"] = new("1", "1", 10, 10), ["CA"] = new("1", "1", 10, 10), ["GB"] = new("44", "0", 9, 10), ["IE"] = new("353", "0", 7, 10),
        ["AU"] = new("61", "0", 9, 10), ["NZ"] = new("64", "0", 8, 10), ["NO"] = new("47", "", 8, 8), ["SE"] = new("46", "0", 7, 9),
        ["DK"] = new("45", "", 8, 8), ["FI"] = new("358", "0", 5, 10), ["DE"] = new("49", "0", 6, 11), ["AT"] = new("43", "0", 4, 13),
        ["CH"] = new("41", "0", 9, 9), ["NL"] = new("31", "0", 9, 9), ["BE"] = new("32", "0", 8, 9), ["FR"] = new("33", "0", 9, 9),
        ["ES"] = new("34", "", 9, 9), ["IT"] = new("39", "", 6, 11), ["PT"] = new("351", "", 9, 9), ["PL"] = new("48", "", 9, 9),
        ["IN"] = new("91", "0", 10, 10), ["ZA"] = new("27", "0", 9, 9), ["BR"] = new("55", "0", 10, 11), ["MX"] = new("52", "", 10, 10),
        ["JP"] = new("81", "0", 9, 10), ["KR"] = new("82", "0", 8, 10), ["SG"] = new("65", "", 8, 8), ["PH"] = new("63", "0", 8, 10),
        ["PY"] = new("595", "0", 7, 9),
    };

    /// <param name="country">The service's country (alpha-2), or null for a service with no single country.</param>
    /// <param name="shortCodes">Short codes the country's data lists, digits only.</param>
    public static bool TryNormalize(string? input, string? country, IReadOnlySet<string> shortCodes, out NormalizedPhone phone, out string error)
    {
        phone = new NormalizedPhone("", null);
        error = "";
        var display = (input ?? "").Trim();
        if (display.Length is 0 or > 40 || display.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '+')))
        {
            error = "Enter a phone number using digits, spaces, brackets, dashes and an optional + at the start.";
            return false;
        }
        var international = display.StartsWith('+') || display.StartsWith("00", StringComparison.Ordinal);
        var digits = new string(display.Where(char.IsAsciiDigit).ToArray());
        if (display.StartsWith("00", StringComparison.Ordinal)) digits = digits[2..];
        if (display.LastIndexOf('+') > 0) { error = "A + may only come at the start of the number."; return false; }

        if (international)
        {
            var plan = Plans.Values.Where(p => digits.StartsWith(p.CallingCode, StringComparison.Ordinal)).MaxBy(p => p.CallingCode.Length);
            var nsn = plan is null ? digits : digits[plan.CallingCode.Length..];
            var ok = plan is null ? digits.Length is >= 8 and <= 15 : nsn.Length >= plan.MinLength && nsn.Length <= plan.MaxLength;
            if (!ok) { error = "This international number has the wrong number of digits."; return false; }
            phone = new NormalizedPhone(display, "+" + digits);
            return true;
        }

        if (shortCodes.Contains(digits))
        {
            phone = new NormalizedPhone(display, null);
            return true;
        }
        if (country is null || !Plans.TryGetValue(country, out var local))
        {
            error = "For a service with no single country, write the number in international form, starting with +.";
            return false;
        }
        // Where a country has a trunk prefix, its national significant numbers never start with it, so it can always go.
        var national = local.TrunkPrefix.Length > 0 && digits.StartsWith(local.TrunkPrefix, StringComparison.Ordinal)
            ? digits[local.TrunkPrefix.Length..]
            : digits;
        if (national.Length < local.MinLength || national.Length > local.MaxLength)
        {
            error = digits.Length <= 6
                ? $"{display} is not a short code listed for {country}. Write the full number, or add the short code to the country's crisis lines first."
                : $"This is not a valid phone number for {country}: it has the wrong number of digits.";
            return false;
        }
        phone = new NormalizedPhone(display, "+" + local.CallingCode + national);
        return true;
    }
}
