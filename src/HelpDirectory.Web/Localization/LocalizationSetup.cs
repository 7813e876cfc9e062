namespace HelpDirectory.Web.Localization;

public static class LocalizationSetup
{
    /// <summary>The languages from configuration ("Languages": default first), and the resource files' localizers.</summary>
    public static IServiceCollection AddSiteLanguages(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SiteLanguageOptions>(o => configuration.GetSection("Languages").Bind(o.Languages));
        services.AddSingleton<SiteLanguages>();
        services.AddLocalization();
        // Pages are written in UTF-8: "Søk" stays "Søk" rather than "S&#xF8;k", which keeps Norwegian pages within their
        // budgets. The characters HTML gives meaning to are still encoded.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return services;
    }

    /// <summary>Before routing and before the error pages, so that both see the address without its language prefix and
    /// an error page answers in the language of the page that failed.</summary>
    public static IApplicationBuilder UseSiteLanguages(this IApplicationBuilder app) => app.UseMiddleware<LanguageMiddleware>();
}
