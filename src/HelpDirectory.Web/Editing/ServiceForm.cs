using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;

namespace HelpDirectory.Web.Editing;

/// <summary>
/// A listing as editors see it: flat text fields, one per thing an editor changes. The same shape is the edit form, a CSV
/// row, and the snapshot kept in every revision, so history, restore and import all speak one language.
/// Lists are written one item per line: phones as "number | voice or text | note", hours as "mo-fr 09:00-17:00",
/// locations as "name | address | city | postal code | country". A phone's note in another language follows its English
/// note as "| nb: note"; the description and cost note in other languages are <see cref="Texts"/> ("Description@nb").
/// </summary>
public sealed partial class ServiceForm
{
    [Required, StringLength(200)] public string Name { get; set; } = "";
    [Required, StringLength(Slugs.MaxLength), RegularExpression(Slugs.Pattern, ErrorMessage = Slugs.Rule)]
    public string Slug { get; set; } = "";
    [Required, Display(Name = "Organisation")] public string Organization { get; set; } = "";
    [Required] public string Kind { get; set; } = "helplines";
    [Required, StringLength(4000)] public string Description { get; set; } = "";
    [StringLength(500)] public string? Url { get; set; }
    [StringLength(200)] public string? Email { get; set; }
    [StringLength(500), Display(Name = "Chat URL")] public string? ChatUrl { get; set; }
    [StringLength(2000)] public string? Phones { get; set; }
    [Display(Name = "Ways to get in touch")] public List<string> ContactMethods { get; set; } = [];
    [Required, StringLength(64), Display(Name = "Time zone")] public string TimeZone { get; set; } = "UTC";
    [Display(Name = "Open 24/7")] public bool Is24x7 { get; set; }
    [StringLength(2000)] public string? Hours { get; set; }
    [Required] public string Cost { get; set; } = "unknown";
    [StringLength(500), Display(Name = "Cost note")] public string? CostNote { get; set; }
    public List<string> Audiences { get; set; } = [];
    [StringLength(200)] public string? Languages { get; set; }
    public List<string> Approaches { get; set; } = [];
    [Required, Display(Name = "Service area")] public string AreaScope { get; set; } = "countries";
    [StringLength(500), Display(Name = "Area codes")] public string? AreaCodes { get; set; }
    [StringLength(2000)] public string? Locations { get; set; }
    [Required, StringLength(2000)] public string Source { get; set; } = "";
    public string Status { get; set; } = "draft";
    [Display(Name = "Last checked")] public string? LastVerified { get; set; }
    [StringLength(200), Display(Name = "Checked by")] public string? VerifiedBy { get; set; }
    [Display(Name = "How it was checked")] public string CheckMethod { get; set; } = "website";
    /// <summary>high, medium or low: how sure we are of the details, for editors only. A new listing starts at medium.</summary>
    public string Confidence { get; set; } = Confidences.Medium;
    /// <summary>The description and cost note in each language besides English.</summary>
    public List<ListingTextForm> Texts { get; set; } = [];

    /// <summary>Adds an empty group for each of the site's languages the form lacks, so the page shows its fields.</summary>
    public void ShowEveryLanguage() =>
        Texts.AddRange(Translations.OtherLanguages.Where(l => Texts.All(t => t.Language != l)).Select(l => new ListingTextForm { Language = l }));

    public static ServiceForm From(Service s) => new()
    {
        Name = s.Name,
        Slug = s.Slug,
        Organization = s.Organization?.Key ?? "",
        Kind = HelpKinds.Get(s.Kind).Slug,
        Description = s.Description,
        Url = s.Url,
        Email = s.Email,
        ChatUrl = s.ChatUrl,
        Phones = Lines(s.Phones.OrderBy(p => p.SortOrder).Select(p => PhoneLine(p, TextForms.PhoneNotes(s.Texts, p.SortOrder)))),
        ContactMethods = Vocabulary.Labels(Vocabulary.Contact, s.ContactMethods).Select(t => t.Slug).ToList(),
        TimeZone = s.TimeZone,
        Is24x7 = s.Is24x7,
        Hours = WeeklyHours.Format(s.Hours) is { Length: > 0 } hours ? hours : null,
        Cost = Vocabulary.Cost.First(c => c.Value == s.Cost).Slug,
        CostNote = s.CostNote,
        Audiences = Vocabulary.Labels(Vocabulary.Audience, s.Audiences).Select(t => t.Slug).ToList(),
        Languages = string.Join(' ', s.Languages.Select(l => l.Code).Order(StringComparer.Ordinal)),
        Approaches = Vocabulary.Labels(Vocabulary.Approach, s.Approaches).Select(t => t.Slug).ToList(),
        AreaScope = ServiceAreas.ScopeOf(s.Areas),
        AreaCodes = ServiceAreas.CodesOf(s.Areas),
        Locations = Lines(s.Locations.Select(l => $"{l.Name} | {l.Address1} | {l.City} | {l.PostalCode} | {l.Country}")),
        Source = s.Source,
        Status = s.Status.ToString().ToLowerInvariant(),
        LastVerified = s.LastVerified?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        VerifiedBy = s.VerifiedBy,
        CheckMethod = s.CheckMethod.Slug(),
        Confidence = s.Confidence,
        Texts = TextForms.LanguagesOf(s.Texts.Select(t => t.Language)).Select(l => new ListingTextForm
        {
            Language = l,
            Description = TextForms.Text(s.Texts, l, TextFields.Description),
            CostNote = TextForms.Text(s.Texts, l, TextFields.CostNote),
        }).ToList(),
    };

    private static string PhoneLine(ServicePhone p, string otherNotes)
    {
        var note = string.IsNullOrWhiteSpace(p.Description) ? (otherNotes.Length > 0 ? " | " : "") : " | " + p.Description;
        return $"{p.Number} | {(p.Type == PhoneType.Text ? "text" : "voice")}{note}{otherNotes}";
    }

    /// <summary>Every field as text, in a fixed order: what a revision compares and a CSV row holds.</summary>
    public IReadOnlyDictionary<string, string> Fields()
    {
        var fields = new Dictionary<string, string>
        {
            ["Name"] = Name, ["Slug"] = Slug, ["Organization"] = Organization, ["Kind"] = Kind, ["Description"] = Description,
            ["Url"] = Url ?? "", ["Email"] = Email ?? "", ["ChatUrl"] = ChatUrl ?? "", ["Phones"] = Phones ?? "",
            ["ContactMethods"] = string.Join(' ', ContactMethods), ["TimeZone"] = TimeZone, ["Is24x7"] = Is24x7 ? "true" : "false",
            ["Hours"] = Hours ?? "", ["Cost"] = Cost, ["CostNote"] = CostNote ?? "", ["Audiences"] = string.Join(' ', Audiences),
            ["Languages"] = Languages ?? "", ["Approaches"] = string.Join(' ', Approaches), ["AreaScope"] = AreaScope,
            ["AreaCodes"] = AreaCodes ?? "", ["Locations"] = Locations ?? "", ["Source"] = Source, ["Status"] = Status,
            ["LastVerified"] = LastVerified ?? "", ["VerifiedBy"] = VerifiedBy ?? "", ["CheckMethod"] = CheckMethod,
            ["Confidence"] = Confidence,
        };
        // The site's languages are always there (a CSV has their columns); another language only while it has a text.
        foreach (var language in TextForms.LanguagesOf(Texts.Where(t => t.HasText).Select(t => t.Language)))
        {
            var text = Texts.FirstOrDefault(t => t.Language == language);
            fields[TextForms.Key(nameof(Description), language)] = text?.Description ?? "";
            fields[TextForms.Key(nameof(CostNote), language)] = text?.CostNote ?? "";
        }
        return fields;
    }

    public static ServiceForm FromFields(IReadOnlyDictionary<string, string> f)
    {
        string Get(string key) => f.TryGetValue(key, out var v) ? v ?? "" : "";
        string? Optional(string key) => Get(key) is { Length: > 0 } v ? v : null;
        List<string> Words(string key) => Get(key).Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).ToList();
        return new ServiceForm
        {
            Name = Get("Name"), Slug = Get("Slug"), Organization = Get("Organization"), Kind = Get("Kind"), Description = Get("Description"),
            Url = Optional("Url"), Email = Optional("Email"), ChatUrl = Optional("ChatUrl"), Phones = Optional("Phones"),
            ContactMethods = Words("ContactMethods"), TimeZone = Get("TimeZone"), Is24x7 = Get("Is24x7").Equals("true", StringComparison.OrdinalIgnoreCase),
            Hours = Optional("Hours"), Cost = Get("Cost"), CostNote = Optional("CostNote"), Audiences = Words("Audiences"), Languages = Optional("Languages"),
            Approaches = Words("Approaches"), AreaScope = Get("AreaScope"), AreaCodes = Optional("AreaCodes"), Locations = Optional("Locations"),
            Source = Get("Source"), Status = Get("Status") is { Length: > 0 } st ? st : "draft", LastVerified = Optional("LastVerified"), VerifiedBy = Optional("VerifiedBy"),
            CheckMethod = Get("CheckMethod") is { Length: > 0 } method ? method : "website",
            // A file from before confidence was kept: what its check method says, as the seed does.
            Confidence = Get("Confidence") is { Length: > 0 } confidence ? confidence : Confidences.ForCheck(Get("CheckMethod")),
            Texts = TextForms.LanguagesIn(f.Keys).Select(l => new ListingTextForm
            {
                Language = l, Description = Optional(TextForms.Key(nameof(Description), l)), CostNote = Optional(TextForms.Key(nameof(CostNote), l)),
            }).ToList(),
        };
    }

    /// <summary>
    /// Checks everything the attributes cannot, and applies the form to the entity when it is valid. Errors are keyed by
    /// property name so the page can show each one beside its field.
    /// </summary>
    public Dictionary<string, string> ApplyTo(Service service, ReferenceData data)
    {
        var errors = new Dictionary<string, string>();
        void Error(string field, string message) => errors.TryAdd(field, message);

        if (!HelpKinds.TryParse(Kind, out var kind)) Error(nameof(Kind), "Choose one of the five kinds of help.");
        if (!data.Organizations.TryGetValue(Organization, out var organizationId)) Error(nameof(Organization), "Choose an organisation from the list.");
        if (Url is not null && !IsWebUrl(Url)) Error(nameof(Url), "Enter a full web address starting with https:// or http://.");
        if (ChatUrl is not null && !IsWebUrl(ChatUrl)) Error(nameof(ChatUrl), "Enter a full web address starting with https:// or http://.");
        if (Email is not null && !EmailPattern().IsMatch(Email)) Error(nameof(Email), "Enter an email address like name@example.org.");
        if (!OpeningHours.IsKnownTimeZone(TimeZone)) Error(nameof(TimeZone), "Enter a time zone from the IANA list, for example Europe/Oslo.");
        if (!Vocabulary.TryParse(Vocabulary.Cost, Cost, out var cost)) Error(nameof(Cost), "Choose a cost.");
        if (!Enum.TryParse<ListingStatus>(Status, ignoreCase: true, out var status) || !Enum.IsDefined(status)) Error(nameof(Status), "Choose draft, published or archived.");
        if (TextForms.HasHtml(Description)) Error(nameof(Description), "Write plain text: HTML tags are not allowed.");
        var texts = ParseTexts(Error);

        var unknown = new List<string>();
        var contact = Vocabulary.ParseFlags(Vocabulary.Contact, ContactMethods, unknown);
        if (unknown.Count > 0) Error(nameof(ContactMethods), "Unknown way to get in touch: " + string.Join(", ", unknown));
        unknown.Clear();
        var audiences = Vocabulary.ParseFlags(Vocabulary.Audience, Audiences, unknown);
        if (unknown.Count > 0) Error(nameof(Audiences), "Unknown audience: " + string.Join(", ", unknown));
        if (audiences == Data.Audiences.None) Error(nameof(Audiences), "Choose at least one audience (\"Everyone\" if it is for all).");
        unknown.Clear();
        var approaches = Vocabulary.ParseFlags(Vocabulary.Approach, Approaches, unknown);
        if (unknown.Count > 0) Error(nameof(Approaches), "Unknown approach: " + string.Join(", ", unknown));

        var languages = (Languages ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Select(l => l.ToLowerInvariant()).Distinct().ToList();
        if (languages.FirstOrDefault(l => LanguageTags.Normalize(l) is null) is { } badLanguage) Error(nameof(Languages), $"\"{badLanguage}\" is not {LanguageTags.Rule}.");

        var areas = ParseAreas(data, Error);
        var country = areas.Select(a => a.CountryCode).Where(c => c.Length == 2).Distinct().Count() == 1 ? areas[0].CountryCode : null;
        var phones = ParsePhones(country, data, Error, texts);
        var hours = ParseHours(Error);
        if (Is24x7 && hours.Count > 0) Error(nameof(Hours), "A service open 24/7 has no weekly hours; clear them or untick 24/7.");
        var locations = ParseLocations(data, Error);
        if (contact.HasFlag(Data.ContactMethods.InPerson) && areas.Any(a => a.Scope == Data.AreaScope.Worldwide))
            Error(nameof(AreaScope), "An in-person service must name the countries or regions it serves.");

        if (!CheckMethods.TryParse(CheckMethod, out var checkMethod)) Error(nameof(CheckMethod), "Choose how the details were checked.");
        if (!Confidences.TryParse(Confidence, out var confidence)) Error(nameof(Confidence), Confidences.Rule);
        DateOnly? verified = null;
        if (LastVerified is not null)
        {
            if (!DateOnly.TryParseExact(LastVerified, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var v)) Error(nameof(LastVerified), "Enter a date like 2026-01-31.");
            else verified = v;
        }

        if (errors.Count > 0) return errors;

        service.Name = Name.Trim();
        service.Slug = Slug;
        service.OrganizationId = organizationId;
        service.Kind = kind.Kind;
        service.Description = Description.Trim();
        service.Url = Url?.Trim();
        service.Email = Email?.Trim();
        service.ChatUrl = ChatUrl?.Trim();
        service.ContactMethods = contact;
        service.TimeZone = TimeZone;
        service.Is24x7 = Is24x7;
        service.Cost = cost;
        service.CostNote = CostNote?.Trim();
        service.Audiences = audiences;
        service.Approaches = approaches;
        service.Source = Source.Trim();
        service.Status = status;
        service.LastVerified = verified;
        service.VerifiedBy = VerifiedBy?.Trim();
        service.CheckMethod = checkMethod;
        service.Confidence = confidence;
        Replace(service.Phones, phones);
        Replace(service.Hours, hours);
        Replace(service.Areas, areas);
        Replace(service.Locations, locations);
        TextForms.Sync(service.Texts, texts, (language, field) => new ServiceText { Language = language, Field = field });
        service.Languages.RemoveAll(l => !languages.Contains(l.Code));
        foreach (var code in languages.Where(c => service.Languages.All(l => l.Code != c))) service.Languages.Add(new ServiceLanguage { Code = code });
        return errors;
    }

    private List<ServiceArea> ParseAreas(ReferenceData data, Action<string, string> error)
    {
        var codes = (AreaCodes ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        if (ServiceAreas.TryParse(AreaScope, codes, data.Regions, out var areas, out var message, out var scopeIsWrong)) return areas;
        error(scopeIsWrong ? nameof(AreaScope) : nameof(AreaCodes), message);
        return [];
    }

    /// <summary>The description and cost note in other languages, checked like the English ones.</summary>
    private List<(string Language, string Field, string Text)> ParseTexts(Action<string, string> error)
    {
        var result = new List<(string, string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (t, i) in Texts.Select((t, i) => (t, i)))
        {
            var language = t.Language.Trim().ToLowerInvariant();
            if (TextForms.LanguageProblem(language) is { } problem) { error($"{nameof(Texts)}[{i}].{nameof(t.Language)}", problem); continue; }
            if (!seen.Add(language)) { error($"{nameof(Texts)}[{i}].{nameof(t.Language)}", $"\"{language}\" is given twice."); continue; }
            var description = t.Description?.Trim() ?? "";
            var costNote = t.CostNote?.Trim() ?? "";
            if (TextForms.HasHtml(description)) error($"{nameof(Texts)}[{i}].{nameof(t.Description)}", "Write plain text: HTML tags are not allowed.");
            if (description.Length > 4000) error($"{nameof(Texts)}[{i}].{nameof(t.Description)}", "Write at most 4000 characters.");
            if (costNote.Length > 500) error($"{nameof(Texts)}[{i}].{nameof(t.CostNote)}", "Write at most 500 characters.");
            if (description.Length > 0) result.Add((language, TextFields.Description, description));
            if (costNote.Length > 0) result.Add((language, TextFields.CostNote, costNote));
        }
        return result;
    }

    private List<ServicePhone> ParsePhones(string? country, ReferenceData data, Action<string, string> error, List<(string Language, string Field, string Text)> texts)
    {
        var result = new List<ServicePhone>();
        foreach (var (line, index) in SplitLines(Phones).Select((l, i) => (l, i)))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            var type = parts.Length > 1 && parts[1].Length > 0 ? parts[1].ToLowerInvariant() : "voice";
            if (type is not ("voice" or "text")) { error(nameof(Phones), $"Line {index + 1}: the type must be voice or text."); continue; }
            var shortCodes = country is not null && data.ShortCodes.TryGetValue(country, out var sc) ? sc : new HashSet<string>();
            if (!PhoneInput.TryParse(parts[0], country, shortCodes, out var phone, out var message)) { error(nameof(Phones), $"Line {index + 1}: {message}"); continue; }
            result.Add(new ServicePhone
            {
                Number = phone.Display, E164 = phone.E164, Type = type == "text" ? PhoneType.Text : PhoneType.Voice,
                Description = parts.Length > 2 && parts[2].Length > 0 ? parts[2] : null, SortOrder = index,
            });
            foreach (var part in parts.Skip(3))
            {
                if (!TextForms.TryReadPhoneNote(part, out var language, out var note)) { error(nameof(Phones), $"Line {index + 1}: write a note in another language after the English one, as \"| nb: note\"."); continue; }
                if (note.Length > 0) texts.Add((language, TextFields.Phone(index), note));
            }
        }
        return result;
    }

    private List<ServiceHours> ParseHours(Action<string, string> error)
    {
        var result = new List<ServiceHours>();
        foreach (var (line, index) in SplitLines(Hours).Select((l, i) => (l, i)))
        {
            if (WeeklyHours.TryParseLine(line, out var hours, out var message)) result.AddRange(hours);
            else error(nameof(Hours), $"Line {index + 1}: {message}");
        }
        return result;
    }

    private List<ServiceLocation> ParseLocations(ReferenceData data, Action<string, string> error)
    {
        var result = new List<ServiceLocation>();
        foreach (var (line, index) in SplitLines(Locations).Select((l, i) => (l, i)))
        {
            var p = line.Split('|', StringSplitOptions.TrimEntries);
            if (p.Length != 5 || p[1].Length == 0 || !data.Regions.TryGetValue(p[4].ToUpperInvariant(), out var isCountry) || !isCountry)
            {
                error(nameof(Locations), $"Line {index + 1}: write \"name | address | city | postal code | country code\".");
                continue;
            }
            result.Add(new ServiceLocation { Name = p[0].Length > 0 ? p[0] : null, Address1 = p[1], City = p[2], PostalCode = p[3].Length > 0 ? p[3] : null, Country = p[4].ToUpperInvariant() });
        }
        return result;
    }

    private static void Replace<T>(List<T> current, List<T> next)
    {
        current.Clear();
        current.AddRange(next);
    }

    private static IEnumerable<string> SplitLines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(50);

    private static string? Lines(IEnumerable<string> lines) => string.Join('\n', lines) is { Length: > 0 } s ? s : null;

    public static bool IsWebUrl(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;

    [GeneratedRegex(@"^[^@\s<>""]+@[^@\s<>""]+\.[^@\s<>""]+$")] private static partial Regex EmailPattern();
}

/// <summary>What validation needs from the database: organisation keys, region codes, and each country's short codes.</summary>
public sealed record ReferenceData(
    IReadOnlyDictionary<string, int> Organizations,
    IReadOnlyDictionary<string, bool> Regions,
    IReadOnlyDictionary<string, IReadOnlySet<string>> ShortCodes);
