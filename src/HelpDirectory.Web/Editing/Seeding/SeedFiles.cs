using System.Text.Json.Serialization;

namespace HelpDirectory.Web.Editing.Seeding;

// The shapes of the files in content/data. Field names follow the files, which follow HSDS 3.0 where it has a name.

public sealed record RegionsFile(List<CountrySeed> Countries);

public sealed record CountrySeed(string Code, string Name, string Slug, string TimeZone, List<string>? Languages, List<SubdivisionSeed>? Subdivisions);

public sealed record SubdivisionSeed(string Code, string Name, string Slug);

/// <param name="Generated">When the research was compiled: the date its lines were last read from their sources.</param>
public sealed record CrisisLinesFile(List<CrisisCountrySeed> Countries, List<InternationalSeed>? International, string? Generated = null);

public sealed record CrisisCountrySeed(string Code, string Name, List<EmergencyDetailSeed>? EmergencyDetails, List<CrisisLineSeed> Lines);

public sealed record EmergencyDetailSeed(string Number, string? Use, List<string>? Sources, string? Confidence,
    Dictionary<string, EmergencyDetailTextSeed>? Translations = null);

/// <summary>What an emergency number is for in one language, by language tag, written as visitors read it.</summary>
public sealed record EmergencyDetailTextSeed(string? Use);

public sealed record CrisisLineSeed(
    string Name,
    string? Organization,
    string? Phone,
    string? PhoneE164,
    SmsSeed? Sms,
    string? ChatUrl,
    string? Website,
    string? Hours,
    bool? Free,
    string? CostNote,
    List<string>? Languages,
    string? Audience,
    bool IsCrisisLine,
    string Confidence,
    List<string>? Sources,
    Dictionary<string, CrisisLineTextSeed>? Translations = null);

/// <summary>A crisis line's hours and cost note in one language, by language tag, written as visitors read them.</summary>
public sealed record CrisisLineTextSeed(string? Hours, string? CostNote);

public sealed record SmsSeed(string? Number, string? Keyword, string? Confidence, string? Channel, string? Note);

public sealed record InternationalSeed(string Name, string Url, string? Operator, string? Description, List<string>? Sources, string? Confidence);

public sealed record ServicesFile(List<OrganizationSeed> Organizations, List<ServiceSeed> Services);

public sealed record OrganizationSeed(string Key, string Name, string? Description, string? Url, string? Email);

public sealed record ServiceSeed(
    string Slug,
    string Name,
    string Organization,
    string Kind,
    string? Description,
    string? Url,
    string? Email,
    string? ChatUrl,
    List<PhoneSeed>? Phones,
    List<string>? ContactMethods,
    ScheduleSeed? Schedule,
    string? Cost,
    string? CostNote,
    List<string>? Audiences,
    List<string>? Languages,
    List<string>? Approaches,
    ServiceAreaSeed? ServiceArea,
    List<LocationSeed>? Locations,
    string? LastVerified,
    string? VerifiedBy,
    string? Source,
    string? Status,
    string? CheckMethod = null,
    Dictionary<string, ServiceTextSeed>? Translations = null,
    string? Confidence = null);

/// <summary>A listing's description and cost note in one language besides English (the listing's own fields), by language tag.</summary>
public sealed record ServiceTextSeed(string? Description, string? CostNote);

public sealed record PhoneSeed(string Number, string? E164, string? Type, string? Description, Dictionary<string, PhoneTextSeed>? Translations = null);

public sealed record PhoneTextSeed(string? Description);

public sealed record ScheduleSeed(string? TimeZone, bool Is24x7, List<HoursSeed>? Hours);

public sealed record HoursSeed(List<string> Days, string Opens, string Closes);

public sealed record ServiceAreaSeed(string Scope, List<string>? Codes);

public sealed record LocationSeed(
    string? Name,
    string Address1,
    string? City,
    string? StateProvince,
    string? PostalCode,
    string Country,
    double? Latitude,
    double? Longitude);

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(RegionsFile))]
[JsonSerializable(typeof(CrisisLinesFile))]
[JsonSerializable(typeof(ServicesFile))]
internal sealed partial class SeedJson : JsonSerializerContext;
