namespace HelpDirectory.Web.Regions;

public static class RegionSetup
{
    public static IServiceCollection AddRegions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RegionOptions>(configuration.GetSection("Regions"));
        services.AddSingleton<RegionCatalog>();
        var geoIpPath = configuration["Regions:GeoIpFile"];
        if (!string.IsNullOrWhiteSpace(geoIpPath))
        {
            services.AddSingleton(sp => GeoIpFile.Load(Path.GetFullPath(geoIpPath, sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        }
        return services;
    }
}
