namespace HelpDirectory.Web.Regions;

public static class RegionSetup
{
    public static IServiceCollection AddRegions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RegionOptions>(configuration.GetSection("Regions"));
        services.AddSingleton<RegionCatalog>();
        return services;
    }
}
