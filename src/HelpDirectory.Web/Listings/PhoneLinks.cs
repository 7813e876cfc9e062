namespace HelpDirectory.Web.Listings;

/// <summary>tel: and sms: hrefs from stored numbers: E.164 where there is one, else the digits as dialled (short codes).</summary>
public static class PhoneLinks
{
    public static string Tel(string number, string? e164 = null) => "tel:" + Dialable(e164 ?? number);

    public static string Sms(string number, string? keyword = null, string? e164 = null)
    {
        var href = "sms:" + Dialable(e164 ?? number);
        // "?&body=" is understood by both Android and iOS messaging apps.
        return string.IsNullOrWhiteSpace(keyword) ? href : href + "?&body=" + Uri.EscapeDataString(keyword);
    }

    public static string Dialable(string number)
    {
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        return number.TrimStart().StartsWith('+') ? "+" + digits : digits;
    }
}
