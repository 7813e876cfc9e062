using Serilog;

namespace HelpDirectory.Web.Hosting;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog from the "Serilog" configuration section (console and a rolling file by default), as the only logging
    /// provider. Built per host rather than as a static bootstrap logger, so test hosts each get their own.
    /// </summary>
    public static WebApplicationBuilder AddHelpLogging(this WebApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }
}
