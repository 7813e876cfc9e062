using System.Globalization;
using System.Text.Json;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Editing.Seeding;

/// <summary>
/// Loads content/data into an empty database. Each table group is loaded only when it is empty, so a second start (or a
/// second call) adds nothing and never overwrites what editors changed.
/// </summary>
public sealed class SeedLoader(HelpDbContext db, ILogger<SeedLoader> logger, TimeProvider clock)
{
    public async Task LoadAsync(string dataDirectory, string? servicesFile = null, CancellationToken ct = default)
    {
        if (!await db.Regions.AnyAsync(ct))
        {
            var regions = Read<RegionsFile>(Path.Combine(dataDirectory, "regions.json"));
            var crisis = Read<CrisisLinesFile>(Path.Combine(dataDirectory, "crisis-lines.json"));
            AddRegions(regions, crisis);
            AddCrisisLines(crisis, regions);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Seeded {Regions} regions and {Lines} crisis lines", await db.Regions.CountAsync(ct), await db.CrisisLines.CountAsync(ct));
        }

        if (!await db.Services.AnyAsync(ct))
        {
            var services = Read<ServicesFile>(servicesFile ?? Path.Combine(dataDirectory, "services.json"));
            await AddServicesAsync(services, ct);
            logger.LogInformation("Seeded {Services} services", await db.Services.CountAsync(ct));
        }
    }

    private static T Read<T>(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Seed file missing: {path}", path);
        using var stream = File.OpenRead(path);
        var value = JsonSerializer.Deserialize(stream, typeof(T), SeedJson.Default);
        return (T?)value ?? throw new InvalidDataException($"Seed file is empty: {path}");
    }

    private void AddRegions(RegionsFile regions, CrisisLinesFile crisis)
    {
        var emergency = crisis.Countries.ToDictionary(c => c.Code, c => c.EmergencyDetails ?? [], StringComparer.OrdinalIgnoreCase);
        foreach (var country in regions.Countries)
        {
            var code = country.Code.ToUpperInvariant();
            var region = new Region
            {
                Code = code,
                CountryCode = code,
                Name = country.Name,
                Slug = country.Slug.ToLowerInvariant(),
                TimeZone = country.TimeZone,
                DefaultLanguages = string.Join(' ', (country.Languages ?? []).Select(l => l.ToLowerInvariant())),
            };
            if (emergency.TryGetValue(code, out var numbers))
            {
                region.EmergencyNumbers = numbers.Select((n, i) => new EmergencyNumber
                {
                    RegionCode = code,
                    Number = n.Number,
                    Use = n.Use ?? "",
                    Source = string.Join(" ; ", n.Sources ?? []),
                    SortOrder = i,
                    Texts = TextsOf($"crisis-lines.json: {code} emergency number {n.Number}", n.Translations, t => [(TextFields.Use, t.Use)])
                        .Select(t => new EmergencyNumberText { Language = t.Language, Field = t.Field, Text = t.Text }).ToList(),
                }).ToList();
            }
            db.Regions.Add(region);

            foreach (var sub in country.Subdivisions ?? [])
            {
                db.Regions.Add(new Region
                {
                    Code = sub.Code.ToUpperInvariant(),
                    CountryCode = code,
                    ParentCode = code,
                    Name = sub.Name,
                    Slug = sub.Slug.ToLowerInvariant(),
                    TimeZone = country.TimeZone,
                });
            }
        }
    }

    private void AddCrisisLines(CrisisLinesFile crisis, RegionsFile regions)
    {
        // The research file says when its lines were read from their sources; without that date, no check is claimed.
        DateOnly? researched = DateOnly.TryParseExact(crisis.Generated, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var generated) ? generated : null;
        var known = regions.Countries.Select(c => c.Code.ToUpperInvariant()).ToHashSet();
        var shortCodes = ShortCodes(crisis);
        foreach (var country in crisis.Countries)
        {
            var code = country.Code.ToUpperInvariant();
            if (!known.Contains(code)) continue;
            var order = 0;
            foreach (var line in country.Lines)
            {
                // Low-confidence lines and lines that are not crisis services never reach the banner.
                if (!line.IsCrisisLine || line.Confidence.Equals(Confidences.Low, StringComparison.OrdinalIgnoreCase)) continue;
                var smsTrusted = IsTrustedSms(line.Sms);
                var phone = line.Phone is null ? null : Parsed(line.Phone, line.PhoneE164, code, shortCodes, $"crisis line '{line.Name}'", crisisLine: true);
                var sms = smsTrusted ? Parsed(line.Sms!.Number!, null, code, shortCodes, $"crisis line '{line.Name}' (text)", crisisLine: true) : null;
                db.CrisisLines.Add(new CrisisLine
                {
                    RegionCode = code,
                    Name = line.Name,
                    Organization = line.Organization ?? "",
                    Phone = phone?.Display,
                    PhoneE164 = phone?.E164,
                    SmsNumber = sms?.Display,
                    SmsKeyword = smsTrusted ? line.Sms!.Keyword : null,
                    ChatUrl = line.ChatUrl,
                    Website = line.Website,
                    Hours = VisitorHours(line.Hours, line.Confidence),
                    Is24x7 = line.Hours?.StartsWith("24/7", StringComparison.Ordinal) == true && !HoursUncertain(line.Hours, line.Confidence),
                    Free = line.Free,
                    CostNote = line.CostNote,
                    Languages = string.Join(' ', line.Languages ?? []),
                    Audience = line.Audience ?? "all",
                    Confidence = line.Confidence,
                    Source = string.Join(" ; ", line.Sources ?? []),
                    SortOrder = order++,
                    LastVerified = researched,
                    CheckedBy = ResearchedBy,
                    CheckMethod = CheckMethod.Website,
                    Texts = TextsOf($"crisis-lines.json: line '{line.Name}'", line.Translations, t => [(TextFields.Hours, t.Hours), (TextFields.CostNote, t.CostNote)])
                        .Select(t => new CrisisLineText { Language = t.Language, Field = t.Field, Text = t.Text }).ToList(),
                });
            }
        }

        var intl = 0;
        foreach (var service in crisis.International ?? [])
        {
            if (service.Description?.Contains("not a crisis service", StringComparison.OrdinalIgnoreCase) == true) continue;
            if (string.Equals(service.Confidence, Confidences.Low, StringComparison.OrdinalIgnoreCase)) continue;
            db.CrisisLines.Add(new CrisisLine
            {
                RegionCode = null,
                Name = service.Name,
                Organization = service.Operator ?? "",
                Website = service.Url,
                Hours = "",
                Confidence = service.Confidence ?? Confidences.Medium,
                Source = string.Join(" ; ", service.Sources ?? []),
                SortOrder = intl++,
                LastVerified = researched,
                CheckedBy = ResearchedBy,
                CheckMethod = CheckMethod.Website,
            });
        }
    }

    /// <summary>Each country's short codes as the crisis-line research lists them: what editors' forms accept later.</summary>
    internal static IReadOnlyDictionary<string, IReadOnlySet<string>> ShortCodes(CrisisLinesFile crisis) =>
        PhoneInput.ShortCodesByCountry(crisis.Countries.SelectMany(c => c.Lines
            .SelectMany(l => new[] { l.Phone, l.Sms?.Number })
            .Concat((c.EmergencyDetails ?? []).Select(e => (string?)e.Number))
            .Select(n => (c.Code, n))));

    /// <summary>
    /// A seeded number goes through the same parser as an editor's, so visitors see it in its country's own format. One the
    /// parser refuses is kept as the file has it, with a warning, rather than dropped from a crisis line.
    /// </summary>
    private PhoneInput Parsed(string number, string? e164, string? country, IReadOnlyDictionary<string, IReadOnlySet<string>> shortCodes, string what, bool crisisLine = false)
    {
        var known = country is not null && shortCodes.TryGetValue(country, out var codes) ? codes : new HashSet<string>();
        if (PhoneInput.TryParse(number, country, known, out var phone, out var error, acceptPossibleShortCodes: crisisLine)) return phone;
        logger.LogWarning("Seed number {Number} for {What} kept as written: {Error}", number, what, error);
        return new PhoneInput(number, e164);
    }

    /// <summary>
    /// A text number reaches the banner only when the research trusts it: not low confidence, not a medium-confidence
    /// number the researchers say to verify (PAPYRUS's two conflicting numbers), and a real SMS line rather than WhatsApp.
    /// </summary>
    internal static bool IsTrustedSms(SmsSeed? sms) =>
        sms?.Number is not null
        && !string.Equals(sms.Confidence, Confidences.Low, StringComparison.OrdinalIgnoreCase)
        && !(string.Equals(sms.Confidence, Confidences.Medium, StringComparison.OrdinalIgnoreCase) && sms.Note?.Contains("verify", StringComparison.OrdinalIgnoreCase) == true)
        && (sms.Channel is null || sms.Channel.Contains("SMS", StringComparison.OrdinalIgnoreCase));

    /// <summary>Who compiled the crisis-line research (desk research from public sources).</summary>
    private const string ResearchedBy = Localization.CheckWords.OurEditors;

    public const string HoursCaveat = "hours may vary: check before calling";

    /// <summary>
    /// The research file's hours carry researchers' notes in brackets; visitors see the hours alone, and the caveat beside
    /// them wherever the note says the hours themselves are in doubt (never flattened to "24/7").
    /// </summary>
    internal static string VisitorHours(string? researched, string? confidence = null)
    {
        if (string.IsNullOrWhiteSpace(researched)) return "Hours not stated: check the website";
        if (researched.StartsWith("UNVERIFIED", StringComparison.OrdinalIgnoreCase)) return "Hours not confirmed: check the website";
        var hours = HoursAlone(researched);
        return HoursUncertain(researched, confidence) ? $"{hours} · {HoursCaveat}" : hours;
    }

    /// <summary>
    /// Whether a researcher's note puts the hours in doubt: it asks to verify the current hours, says they vary by
    /// centre, or asks to verify something on a line we are only moderately sure of. A note about a chat service's
    /// funding on a line the research rates high ("chat 24/7 since 2021 - verify") leaves the phone hours alone.
    /// </summary>
    internal static bool HoursUncertain(string? researched, string? confidence)
    {
        if (string.IsNullOrWhiteSpace(researched)) return true;
        var note = researched.ToLowerInvariant();
        if (note.Contains("verify current hours", StringComparison.Ordinal) || note.Contains("regional", StringComparison.Ordinal)
            || note.Contains("vary", StringComparison.Ordinal) || note.Contains("varies", StringComparison.Ordinal)) return true;
        return note.Contains("verify", StringComparison.Ordinal) && !string.Equals(confidence, Confidences.High, StringComparison.OrdinalIgnoreCase);
    }

    private static string HoursAlone(string researched)
    {
        var text = researched;
        var bracket = text.IndexOf(" (", StringComparison.Ordinal);
        if (bracket > 0) text = text[..bracket];
        var dash = text.IndexOf(" - ", StringComparison.Ordinal);
        if (dash > 0) text = text[..dash];
        text = text.Trim().TrimEnd(';', ',');
        return text == "24/7/365" ? "24/7" : text;
    }

    private async Task AddServicesAsync(ServicesFile file, CancellationToken ct)
    {
        var organizations = new Dictionary<string, Organization>(StringComparer.OrdinalIgnoreCase);
        foreach (var o in file.Organizations)
        {
            if (!Slugs.IsValid(o.Key)) throw new InvalidDataException($"services.json: organisation key '{o.Key}' is not valid. {Slugs.Rule}");
            var org = new Organization { Key = o.Key, Name = o.Name, Description = o.Description ?? "", Url = o.Url, Email = o.Email };
            organizations[o.Key] = org;
            db.Organizations.Add(org);
        }

        var shortCodes = await ServiceEditor.ShortCodesAsync(db, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.ParentCode == null, StringComparer.OrdinalIgnoreCase, ct);
        foreach (var s in file.Services)
        {
            // The seed is read by the same parsers as the listing form and import: one meaning for each field.
            if (!Slugs.IsValid(s.Slug)) throw new InvalidDataException($"services.json: '{s.Slug}' is not a valid slug. {Slugs.Rule}");
            var languages = (s.Languages ?? []).Select(l => LanguageTags.Normalize(l)
                ?? throw new InvalidDataException($"services.json: service '{s.Slug}' has '{l}', which is not {LanguageTags.Rule}")).Distinct().ToList();
            if (!ServiceAreas.TryParse(s.ServiceArea?.Scope ?? ServiceAreas.Worldwide, s.ServiceArea?.Codes ?? [], regions, out var areas, out var areaError, out _))
                throw new InvalidDataException($"services.json: service '{s.Slug}': {areaError}");
            if (!organizations.TryGetValue(s.Organization, out var org))
                throw new InvalidDataException($"services.json: service '{s.Slug}' names unknown organization '{s.Organization}'");
            if (!HelpKinds.TryParse(s.Kind, out var kind))
                throw new InvalidDataException($"services.json: service '{s.Slug}' has unknown kind '{s.Kind}'");

            var checkMethod = CheckMethods.TryParse(s.CheckMethod ?? "website", out var method) ? method
                : throw new InvalidDataException($"services.json: service '{s.Slug}' has unknown checkMethod '{s.CheckMethod}'");
            var unknown = new List<string>();
            var countries = areas.Select(a => a.CountryCode).Where(c => c is { Length: 2 }).Distinct().ToList();
            var country = countries.Count == 1 ? countries[0] : null;
            var service = new Service
            {
                Slug = s.Slug,
                Name = s.Name,
                Organization = org,
                Kind = kind.Kind,
                Description = s.Description ?? "",
                Url = s.Url,
                Email = s.Email,
                ChatUrl = s.ChatUrl,
                ContactMethods = Vocabulary.ParseFlags(Vocabulary.Contact, s.ContactMethods ?? [], unknown),
                TimeZone = s.Schedule?.TimeZone ?? "UTC",
                Is24x7 = s.Schedule?.Is24x7 ?? false,
                Cost = Vocabulary.TryParse(Vocabulary.Cost, s.Cost, out var cost) ? cost : CostKind.Unknown,
                CostNote = s.CostNote,
                Audiences = Vocabulary.ParseFlags(Vocabulary.Audience, s.Audiences ?? [], unknown),
                Approaches = Vocabulary.ParseFlags(Vocabulary.Approach, s.Approaches ?? [], unknown),
                Status = s.Status?.Equals("draft", StringComparison.OrdinalIgnoreCase) == true ? ListingStatus.Draft : ListingStatus.Published,
                LastVerified = DateOnly.TryParse(s.LastVerified, CultureInfo.InvariantCulture, out var verified) ? verified : null,
                VerifiedBy = s.VerifiedBy,
                CheckMethod = checkMethod,
                Confidence = ConfidenceOf(s, checkMethod),
                Source = s.Source ?? "",
                UpdatedAt = now,
                Phones = (s.Phones ?? []).Select((p, i) => (Seed: p, Phone: Parsed(p.Number, p.E164, country, shortCodes, $"service '{s.Slug}'"), Index: i)).Select(x => new ServicePhone
                {
                    Number = x.Phone.Display,
                    E164 = x.Phone.E164,
                    Type = string.Equals(x.Seed.Type, "text", StringComparison.OrdinalIgnoreCase) ? PhoneType.Text : PhoneType.Voice,
                    Description = x.Seed.Description,
                    SortOrder = x.Index,
                }).ToList(),
                Hours = (s.Schedule?.Hours ?? []).SelectMany(h => ToHours(s.Slug, h)).ToList(),
                Languages = languages.Select(l => new ServiceLanguage { Code = l }).ToList(),
                Areas = areas,
                Texts = TextsOf($"services.json: service '{s.Slug}'", s.Translations, t => [(TextFields.Description, t.Description), (TextFields.CostNote, t.CostNote)])
                    .Concat((s.Phones ?? []).SelectMany((p, i) => TextsOf($"services.json: service '{s.Slug}', phone {p.Number}", p.Translations, t => [(TextFields.Phone(i), t.Description)])))
                    .Select(t => new ServiceText { Language = t.Language, Field = t.Field, Text = t.Text }).ToList(),
                Locations = (s.Locations ?? []).Select(l => new ServiceLocation
                {
                    Name = l.Name,
                    Address1 = l.Address1,
                    City = l.City ?? "",
                    StateProvince = l.StateProvince,
                    PostalCode = l.PostalCode,
                    Country = l.Country.ToUpperInvariant(),
                    Latitude = l.Latitude,
                    Longitude = l.Longitude,
                }).ToList(),
            };
            if (unknown.Count > 0)
                throw new InvalidDataException($"services.json: service '{s.Slug}' has unknown values: {string.Join(", ", unknown)}");
            db.Services.Add(service);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The listing's own confidence when the file gives one; otherwise what its check says (a website read: medium).</summary>
    internal static string ConfidenceOf(ServiceSeed s, CheckMethod checkMethod) =>
        s.Confidence is null ? Confidences.ForCheck(checkMethod)
        : Confidences.TryParse(s.Confidence, out var confidence) ? confidence
        : throw new InvalidDataException($"services.json: service '{s.Slug}' has confidence '{s.Confidence}'. {Confidences.Rule}");

    /// <summary>A seed record's texts in other languages, as rows; a language tag that is not one, or English, stops the load.</summary>
    private static List<(string Language, string Field, string Text)> TextsOf<TSeed>(string what, Dictionary<string, TSeed>? translations,
        Func<TSeed, (string Field, string? Text)[]> fields)
    {
        var rows = new List<(string, string, string)>();
        foreach (var (tag, seed) in translations ?? new Dictionary<string, TSeed>())
        {
            var language = LanguageTags.Normalize(tag) is { } normalized && !Translations.IsEnglish(normalized) ? normalized
                : throw new InvalidDataException($"{what} has translations in '{tag}', which is not {LanguageTags.Rule} other than English");
            foreach (var (field, text) in fields(seed))
            {
                if (string.IsNullOrWhiteSpace(text)) continue;
                rows.Add((language, field, text.Trim()));
            }
        }
        return rows;
    }

    private static List<ServiceHours> ToHours(string slug, HoursSeed h) =>
        WeeklyHours.TryParseLine($"{string.Join(',', h.Days)} {h.Opens}-{h.Closes}", out var hours, out var error)
            ? hours
            : throw new InvalidDataException($"services.json: service '{slug}' has hours that do not read: {error}");
}
