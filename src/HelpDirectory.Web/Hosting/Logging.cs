using System.Globalization;
using HelpDirectory.Web.Regions;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace HelpDirectory.Web.Hosting;

public static class LoggingSetup
{
    public const string RequestTemplate = "HTTP {RequestMethod} {RoutePattern} responded {StatusCode} in {Elapsed:0.0} ms for {Region}";
    public const string NoRoute = "(no route)";
    private const string RouteItem = "HelpDirectory.Logging.RoutePattern";

    /// <summary>
    /// Serilog from the "Serilog" configuration section (console and an asynchronous rolling file by default), plus any
    /// <see cref="ILogEventSink"/> registered as a service. Built per host and kept out of the static <see cref="Log.Logger"/>
    /// (which both Serilog's logger factory and its request logging would otherwise write through), so hosts running side
    /// by side, as the tests do, each log to their own sinks.
    /// </summary>
    public static WebApplicationBuilder AddHelpLogging(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(configuration)
            .ReadFrom.Services(services)
            .Enrich.With<RequestDataEnricher>(),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// One line per request: method, route pattern (never the path as asked for, nor its query string), status, time and
    /// the resolved region's code. No IP address, header, form value or search term.
    /// </summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            o.MessageTemplate = RequestTemplate;
            o.IncludeQueryInRequestPath = false;
            o.GetLevel = (http, _, exception) =>
                exception is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error : LogEventLevel.Information;
            // Replaces the default properties, which include the raw RequestPath.
            o.GetMessageTemplateProperties = (http, _, elapsed, status) =>
            [
                new("RequestMethod", new ScalarValue(http.Request.Method)),
                new("RoutePattern", new ScalarValue(http.Items.TryGetValue(RouteItem, out var route) ? route : RouteOf(http.GetEndpoint()))),
                new("StatusCode", new ScalarValue(status)),
                new("Elapsed", new ScalarValue(elapsed)),
                new("Region", new ScalarValue(http.GetRegion().CacheKey)),
            ];
        });

    /// <summary>Keeps the route the request first matched (after routing), before an error page is re-executed in its place.</summary>
    public static IApplicationBuilder UseRoutePatternForLogs(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            http.Items.TryAdd(RouteItem, RouteOf(http.GetEndpoint()));
            return next(http);
        });

    private static string RouteOf(Endpoint? endpoint) =>
        (endpoint as RouteEndpoint)?.RoutePattern.RawText is { } raw ? "/" + raw.TrimStart('/') : NoRoute;
}

/// <summary>
/// Every event's string values are escaped (<see cref="LogText"/>), and the raw request path that ASP.NET Core's request
/// scope attaches to events is dropped: it can hold anything a visitor typed.
/// </summary>
public sealed class RequestDataEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        logEvent.RemovePropertyIfPresent("RequestPath");
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var escaped = LogText.Escape(value);
            if (!ReferenceEquals(escaped, value)) logEvent.AddOrUpdateProperty(new LogEventProperty(name, escaped));
        }
    }
}

/// <summary>
/// The text every log line is written in (console and file). It escapes control characters in the message template's text
/// and in exception messages too, which no enricher can reach: a line break there would otherwise start a forged line.
/// </summary>
public sealed class LogLineFormatter : ITextFormatter
{
    public const string OutputTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}";

    private readonly MessageTemplateTextFormatter _inner = new(OutputTemplate, CultureInfo.InvariantCulture);

    public void Format(LogEvent logEvent, TextWriter output) => _inner.Format(LogText.Escape(logEvent), output);
}

/// <summary>
/// Control characters (C0, DEL, C1), Unicode line and paragraph separators and bidirectional controls, written as \uXXXX,
/// so a value from a request can neither start a log line of its own nor drive a terminal nor reorder what a reader sees.
/// </summary>
public static class LogText
{
    public static bool IsUnsafe(char c) =>
        char.IsControl(c)
        || c is '\u2028' or '\u2029' or '\u061C' or '\u200E' or '\u200F'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    public static string Escape(string text)
    {
        var first = 0;
        while (first < text.Length && !IsUnsafe(text[first])) first++;
        if (first == text.Length) return text;
        var builder = new System.Text.StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            if (IsUnsafe(c)) builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>The same value when nothing in it needed escaping.</summary>
    public static LogEventPropertyValue Escape(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string s }:
                var escaped = Escape(s);
                return ReferenceEquals(escaped, s) ? value : new ScalarValue(escaped);
            case ScalarValue { Value: char c }:
                return IsUnsafe(c) ? new ScalarValue(Escape(c.ToString())) : value;
            case ScalarValue { Value: not null and not ValueType } other:
                // Rendered with ToString(): a Uri or any object may carry request text.
                var text = other.Value.ToString() ?? "";
                return ReferenceEquals(Escape(text), text) ? value : new ScalarValue(Escape(text));
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(Escape).ToList();
                return elements.SequenceEqual(sequence.Elements) ? value : new SequenceValue(elements);
            case StructureValue structure:
                var properties = structure.Properties.Select(p => (p, Value: Escape(p.Value))).ToList();
                return properties.All(x => ReferenceEquals(x.Value, x.p.Value)) ? value
                    : new StructureValue(properties.Select(x => new LogEventProperty(Escape(x.p.Name), x.Value)), structure.TypeTag);
            case DictionaryValue dictionary:
                var entries = dictionary.Elements.Select(e => (e, Key: Escape(e.Key), Value: Escape(e.Value))).ToList();
                return entries.All(x => ReferenceEquals(x.Key, x.e.Key) && ReferenceEquals(x.Value, x.e.Value)) ? value
                    : new DictionaryValue(entries.Select(x => new KeyValuePair<ScalarValue, LogEventPropertyValue>((ScalarValue)x.Key, x.Value)));
            default:
                return value;
        }
    }

    /// <summary>A copy of the event with its template text, property values and exception messages escaped.</summary>
    public static LogEvent Escape(LogEvent logEvent)
    {
        var template = logEvent.MessageTemplate;
        if (template.Tokens.OfType<Serilog.Parsing.TextToken>().Any(t => !ReferenceEquals(Escape(t.Text), t.Text)))
        {
            template = new MessageTemplate(template.Tokens.Select(t => t is Serilog.Parsing.TextToken text ? new Serilog.Parsing.TextToken(Escape(text.Text)) : t));
        }
        var exception = logEvent.Exception is { } e && HasUnsafeMessage(e) ? new EscapedException(e) : logEvent.Exception;
        var properties = logEvent.Properties.Select(p => new LogEventProperty(p.Key, Escape(p.Value)));
        return new LogEvent(logEvent.Timestamp, logEvent.Level, exception, template, properties, logEvent.TraceId ?? default, logEvent.SpanId ?? default);
    }

    private static bool HasUnsafeMessage(Exception exception) => Chain(exception).Any(e => !ReferenceEquals(Escape(e.Message), e.Message));

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        yield return exception;
        var inner = exception is AggregateException aggregate ? aggregate.InnerExceptions : (IEnumerable<Exception>)(exception.InnerException is { } i ? [i] : []);
        foreach (var child in inner)
        foreach (var e in Chain(child))
            yield return e;
    }

    /// <summary>Rendered as the original (type, message, inner exceptions, stack trace) with each message escaped.</summary>
    private sealed class EscapedException(Exception original) : Exception(Escape(original.Message))
    {
        public override string ToString()
        {
            var text = original.ToString();
            foreach (var e in Chain(original).Where(e => e.Message.Length > 0))
            {
                text = text.Replace(e.Message, Escape(e.Message), StringComparison.Ordinal);
            }
            return text;
        }
    }
}
