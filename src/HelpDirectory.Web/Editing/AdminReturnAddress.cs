namespace HelpDirectory.Web.Editing;

/// <summary>
/// Where an editor goes after signing in: the address they were sent from when it is a plain path inside the admin area,
/// otherwise the queue. Both the sign-in page and the cookie handler (which follows ReturnUrl by itself when signing in
/// on the login path) use it, so an address that leaves the site, climbs out of /admin or could not even be written in a
/// Location header (a control or non-ASCII character) is never followed.
/// </summary>
public static class AdminReturnAddress
{
    public const string Default = "/admin";

    public static string SafeOrDefault(string? returnUrl) => IsSafe(returnUrl) ? returnUrl! : Default;

    public static bool IsSafe(string? url) =>
        url is not null
        && (url == Default || url.StartsWith("/admin/", StringComparison.Ordinal) || url.StartsWith("/admin?", StringComparison.Ordinal))
        && url.All(c => c is > ' ' and < '\u007f' and not '\\')
        && !url.Contains("..", StringComparison.Ordinal)
        && !url.Contains("%2e", StringComparison.OrdinalIgnoreCase);
}
