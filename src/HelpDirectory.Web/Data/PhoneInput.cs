using PhoneNumbers;

namespace HelpDirectory.Web.Data;

/// <summary>
/// A phone number as it is stored and shown: <see cref="Display"/> is libphonenumber's national format for a number of the
/// listing's own country (its international format otherwise), and <see cref="E164"/> is what tel: and sms: links dial.
/// A short code (116 123, 988, 1737) has no E.164 form: it is shown as the editor wrote it and dialled as its digits.
/// </summary>
public sealed record PhoneInput(string Display, string? E164)
{
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();
    private static readonly ShortNumberInfo ShortNumbers = ShortNumberInfo.GetInstance();
    private const int MaxShortCodeLength = 6;
    private const string InvalidInternational = "This is not a valid international phone number: check the country code and the number of digits.";

    /// <summary>Reads what an editor typed, validated against the listing's country.</summary>
    /// <param name="country">The listing's country (alpha-2), or null for one with no single country: then only the
    /// international form is accepted.</param>
    /// <param name="knownShortCodes">The country's short codes in our own crisis-line data, digits only.</param>
    /// <param name="acceptPossibleShortCodes">Crisis lines are where our short codes come from, so their form also accepts a
    /// short code that has the right length for the country even when neither list knows it yet.</param>
    public static bool TryParse(string? input, string? country, IReadOnlySet<string> knownShortCodes, out PhoneInput phone, out string error,
        bool acceptPossibleShortCodes = false)
    {
        phone = new PhoneInput("", null);
        error = "";
        var typed = (input ?? "").Trim();
        if (typed.Length is 0 or > 40 || typed.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '+')))
        {
            error = "Enter a phone number using digits, spaces, brackets, dashes and an optional + at the start.";
            return false;
        }
        if (typed.LastIndexOf('+') > 0)
        {
            error = "A + may only come at the start of the number.";
            return false;
        }
        country = country?.ToUpperInvariant();
        var digits = new string(typed.Where(char.IsAsciiDigit).ToArray());

        if (country is null)
        {
            // With no country there is no international call prefix to read, so 00 is taken to mean +.
            var international = typed.StartsWith('+') ? typed : typed.StartsWith("00", StringComparison.Ordinal) ? "+" + typed[2..] : null;
            if (international is null)
            {
                error = "For a service with no single country, write the number in international form, starting with +.";
                return false;
            }
            if (Read(international, "ZZ") is not { } number || !Numbers.IsValidNumber(number))
            {
                error = InvalidInternational;
                return false;
            }
            phone = new PhoneInput(Numbers.Format(number, PhoneNumberFormat.INTERNATIONAL), Numbers.Format(number, PhoneNumberFormat.E164));
            return true;
        }

        if (Read(typed, country) is not { } parsed)
        {
            error = typed.StartsWith('+') ? InvalidInternational : $"This is not a valid phone number for {country}.";
            return false;
        }
        // "+47 ..." or "0047 ..." (the country's own international prefix) is written in international form; "1 800 ..." in
        // North America is not, though libphonenumber reads its 1 as the country code.
        var national = !typed.StartsWith('+') && parsed.CountryCodeSource != PhoneNumber.Types.CountryCodeSource.FROM_NUMBER_WITH_IDD;
        if (national && digits.Length <= MaxShortCodeLength
            && (knownShortCodes.Contains(digits)
                || ShortNumbers.IsValidShortNumberForRegion(parsed, country)
                || (acceptPossibleShortCodes && digits.Length >= 3 && ShortNumbers.IsPossibleShortNumberForRegion(parsed, country))))
        {
            phone = new PhoneInput(typed, null);
            return true;
        }
        if (Numbers.IsValidNumberForRegion(parsed, country))
        {
            phone = new PhoneInput(Numbers.Format(parsed, PhoneNumberFormat.NATIONAL), Numbers.Format(parsed, PhoneNumberFormat.E164));
            return true;
        }
        if (!national && Numbers.IsValidNumber(parsed))
        {
            // A number in another country, written in international form: visitors dial it that way too.
            phone = new PhoneInput(Numbers.Format(parsed, PhoneNumberFormat.INTERNATIONAL), Numbers.Format(parsed, PhoneNumberFormat.E164));
            return true;
        }

        error = !national ? InvalidInternational
            : digits.Length <= MaxShortCodeLength ? $"{typed} is not a short code known for {country}. Write the full number, or add the short code to the country's crisis lines first."
            : HasPossibleLength(digits, country) ? $"This is not a valid phone number for {country}: check the digits and the area code."
            : $"This is not a valid phone number for {country}: it has the wrong number of digits.";
        return false;
    }

    /// <summary>The E.164 form of a number stored by <see cref="TryParse"/>, or null for a short code.</summary>
    public static string? E164Of(string? stored, string? country)
    {
        if (string.IsNullOrWhiteSpace(stored) || IsShortCandidate(stored)) return null;
        var number = Read(stored, country is { Length: >= 2 } ? country[..2].ToUpperInvariant() : "ZZ");
        return number is not null && Numbers.IsValidNumber(number) ? Numbers.Format(number, PhoneNumberFormat.E164) : null;
    }

    /// <summary>Whether a number in our data is dialled as a short code (3 to 6 digits, no country code).</summary>
    public static bool IsShortCandidate(string number) =>
        !number.TrimStart().StartsWith('+') && number.Count(char.IsAsciiDigit) is >= 2 and <= MaxShortCodeLength;

    /// <summary>Each country's short codes in our crisis-line data (phones, text numbers and emergency numbers), digits only.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> ShortCodesByCountry(IEnumerable<(string RegionCode, string? Number)> numbers) =>
        numbers.Where(x => x.Number is not null && IsShortCandidate(x.Number))
            .GroupBy(x => x.RegionCode[..2], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(x => Digits(x.Number!)).ToHashSet(), StringComparer.OrdinalIgnoreCase);

    public static string Digits(string number) => new(number.Where(char.IsAsciiDigit).ToArray());

    /// <summary>Whether the digits, less the country's trunk prefix (0, or 1 in North America), have a length that some
    /// number in the country has. libphonenumber's own check often cannot tell, because it keeps the trunk prefix of a
    /// number it cannot match.</summary>
    private static bool HasPossibleLength(string digits, string country)
    {
        var metadata = Numbers.GetMetadataForRegion(country);
        if (metadata is null) return true;
        var prefix = metadata.HasNationalPrefix ? metadata.NationalPrefix : "";
        var significant = prefix.Length > 0 && digits.StartsWith(prefix, StringComparison.Ordinal) ? digits[prefix.Length..] : digits;
        return metadata.GeneralDesc.PossibleLengthList.Contains(significant.Length);
    }

    private static PhoneNumber? Read(string text, string region)
    {
        try
        {
            return Numbers.ParseAndKeepRawInput(text, region);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
