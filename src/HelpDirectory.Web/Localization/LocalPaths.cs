namespace HelpDirectory.Web.Localization;

/// <summary>Addresses that stay on this site.</summary>
public static class LocalPaths
{
    /// <summary>A path from the site's root: not "//host" or "/\host", which browsers read as another site.</summary>
    public static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    /// <summary>A local path that can be written in a Location header as it is: printable ASCII only (a path already
    /// percent-encoded), no backslash.</summary>
    public static bool CanRedirectTo(string? url) =>
        url is { Length: > 0 and <= 2000 } && IsLocal(url) && url.All(c => c is > ' ' and < '\u007f' and not '\\');
}
