using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;

namespace HelpDirectory.Web.Editing.Transfer;

/// <summary>A term of one of HelpDirectory's taxonomies, as HSDS attributes carry it: the taxonomy's name and the term's slug.</summary>
public sealed record TaxonomyTerm(string Taxonomy, string Name)
{
    public const string Kinds = "helpdirectory-kinds";
    public const string Cost = "helpdirectory-cost";
    public const string Audiences = "helpdirectory-audiences";
    public const string Approaches = "helpdirectory-approaches";
    public const string ContactMethods = "helpdirectory-contact-methods";
}

/// <summary>
/// Listings as Open Referral HSDS 3.0 services, out and in. Reading never trusts the file's shape: a row that is not an
/// HSDS service we can read becomes a row error, never an exception.
/// </summary>
public static class HsdsMapping
{
    private static readonly string[] Days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    private static readonly string EveryDay = string.Join(',', Days);

    /// <summary>Editors' file: each listing as the open API shows it, and how sure we are of it, which the API leaves out.</summary>
    public static string Write(IEnumerable<Service> services)
    {
        var array = new JsonArray();
        foreach (var s in services)
        {
            var service = ToHsds(s);
            service[ConfidenceField] = s.Confidence;
            array.Add(service);
        }
        return array.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Each element of the file's array as a listing form, or why it cannot be read.</summary>
    public static TransferFile Read(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return TransferFile.Problem("The file is not valid JSON.");
        }
        if (root is not JsonArray array) return TransferFile.Problem("The file must be a JSON array of HSDS services (as the HSDS export writes).");
        var rows = new List<TransferRow>();
        for (var i = 0; i < array.Count; i++)
        {
            rows.Add(array[i] is JsonObject service ? FromHsds(i + 1, service) : TransferRow.CannotRead(i + 1, "This entry is not a JSON object."));
        }
        return new TransferFile(rows, null);
    }

    public static JsonObject ToHsds(Service s)
    {
        string Id(string what) => StableId.For($"{what}:{s.Slug}");
        var organization = s.Organization ?? throw new InvalidOperationException("The service's organization is not loaded.");
        var zoneOffset = NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(s.TimeZone)?.GetUtcOffset(NodaTime.SystemClock.Instance.GetCurrentInstant()).Seconds / 3600.0 ?? 0;

        var schedules = new JsonArray();
        if (s.Is24x7)
        {
            schedules.Add(new JsonObject
            {
                ["id"] = Id("schedule:24x7"), ["freq"] = "WEEKLY", ["byday"] = string.Join(',', Days), ["opens_at"] = "00:00", ["closes_at"] = "24:00",
                ["timezone"] = zoneOffset, ["timezone_name"] = s.TimeZone, ["description"] = "Open 24 hours, 7 days a week",
            });
        }
        foreach (var (h, i) in s.Hours.OrderBy(h => ((int)h.Day + 6) % 7).ThenBy(h => h.Opens).Select((h, i) => (h, i)))
        {
            schedules.Add(new JsonObject
            {
                ["id"] = Id($"schedule:{i}"), ["freq"] = "WEEKLY", ["byday"] = Days[((int)h.Day + 6) % 7],
                ["opens_at"] = h.Opens.ToString("HH:mm", CultureInfo.InvariantCulture),
                ["closes_at"] = h.ClosesAtMidnight ? "24:00" : h.Closes.ToString("HH:mm", CultureInfo.InvariantCulture),
                ["timezone"] = zoneOffset, ["timezone_name"] = s.TimeZone,
            });
        }

        var locations = new JsonArray();
        foreach (var (l, i) in s.Locations.Select((l, i) => (l, i)))
        {
            locations.Add(new JsonObject
            {
                ["id"] = Id($"sal:{i}"),
                ["location"] = new JsonObject
                {
                    ["id"] = Id($"location:{i}"), ["location_type"] = "physical", ["name"] = l.Name,
                    ["addresses"] = new JsonArray(new JsonObject
                    {
                        ["id"] = Id($"address:{i}"), ["address_1"] = l.Address1, ["city"] = l.City, ["state_province"] = l.StateProvince ?? "",
                        ["postal_code"] = l.PostalCode ?? "", ["country"] = l.Country, ["address_type"] = "physical",
                    }),
                },
            });
        }
        if (s.ChatUrl is not null)
            locations.Add(new JsonObject { ["id"] = Id("sal:chat"), ["location"] = new JsonObject { ["id"] = Id("location:chat"), ["location_type"] = "virtual", ["name"] = "Online chat", ["url"] = s.ChatUrl } });

        var attributes = new JsonArray(TermsOf(s).Select(t => (JsonNode)new JsonObject
        {
            ["id"] = StableId.For($"attribute:{t.Taxonomy}:{t.Name}:{s.Slug}"),
            ["taxonomy_term"] = ToHsds(t),
        }).ToArray());

        var service = new JsonObject
        {
            ["id"] = ServiceId(s.Slug),
            ["name"] = s.Name,
            ["description"] = s.Description,
            ["url"] = s.Url,
            ["email"] = s.Email,
            ["status"] = "active",
            ["fees_description"] = s.CostNote,
            ["assured_date"] = s.LastVerified?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["last_modified"] = s.UpdatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["organization_id"] = OrganizationId(organization),
            ["organization"] = ToHsds(organization),
            ["phones"] = new JsonArray(s.Phones.OrderBy(p => p.SortOrder).Select((p, i) => (JsonNode)new JsonObject
            {
                ["id"] = Id($"phone:{i}"), ["number"] = p.Number, ["type"] = p.Type == PhoneType.Text ? "text" : "voice", ["description"] = p.Description, ["e164"] = p.E164,
                [TranslationsField] = TranslationsOf(s.Texts, (TextFields.Phone(p.SortOrder), "description")),
            }).ToArray()),
            ["schedules"] = schedules,
            ["languages"] = new JsonArray(s.Languages.OrderBy(l => l.Code, StringComparer.Ordinal).Select(l => (JsonNode)new JsonObject
            {
                ["id"] = Id($"language:{l.Code}"), ["name"] = Listings.Languages.Name(l.Code), ["code"] = l.Code,
            }).ToArray()),
            ["service_areas"] = new JsonArray(s.Areas.OrderBy(a => a.SubdivisionCode).ThenBy(a => a.CountryCode).Select(a => (JsonNode)new JsonObject
            {
                ["id"] = Id($"area:{a.Scope}:{a.CountryCode}:{a.SubdivisionCode}"), ["extent_type"] = "text",
                ["name"] = a.Scope == AreaScope.Worldwide ? "Worldwide" : a.Scope == AreaScope.Country ? a.CountryCode : a.SubdivisionCode,
                ["helpdirectory_scope"] = a.Scope.ToString().ToLowerInvariant(),
            }).ToArray()),
            ["service_at_locations"] = locations,
            ["attributes"] = attributes,
            // Our extensions (HSDS allows extra fields): what HSDS has no place for, so an import loses nothing.
            ["helpdirectory_slug"] = s.Slug,
            ["helpdirectory_time_zone"] = s.TimeZone,
            ["helpdirectory_source"] = s.Source,
            ["helpdirectory_verified_by"] = s.VerifiedBy,
            ["helpdirectory_check_method"] = s.CheckMethod.Slug(),
            [TranslationsField] = TranslationsOf(s.Texts, (TextFields.Description, "description"), (TextFields.CostNote, "fees_description")),
        };
        return WithoutNulls(service);
    }

    /// <summary>Our extension beside the standard fields: the same fields in other languages, by language tag, under
    /// their HSDS names (<c>{"nb": {"description": "..."}}</c>), on the service and on each phone.</summary>
    public const string TranslationsField = "helpdirectory_translations";

    /// <summary>Our extension in the editors' export only: high, medium or low.</summary>
    public const string ConfidenceField = "helpdirectory_confidence";

    private static JsonObject? TranslationsOf(IEnumerable<ServiceText> texts, params (string Field, string HsdsName)[] fields)
    {
        var byLanguage = new JsonObject();
        foreach (var language in texts.Select(t => t.Language).Distinct().Order(StringComparer.Ordinal))
        {
            var one = new JsonObject();
            foreach (var (field, name) in fields)
            {
                if (texts.FirstOrDefault(t => t.Language == language && t.Field == field) is { } text) one[name] = text.Text;
            }
            if (one.Count > 0) byLanguage[language] = one;
        }
        return byLanguage.Count > 0 ? byLanguage : null;
    }

    /// <summary>One translated field from our extension, by language: what a form's <c>Field@language</c> holds.</summary>
    private static IEnumerable<(string Language, string Text)> TranslatedFrom(JsonNode? translations, string hsdsName) =>
        translations is JsonObject byLanguage
            ? byLanguage.Where(l => l.Value is JsonObject).Select(l => (l.Key, Text(l.Value![hsdsName]))).Where(x => x.Item2 is not null).Select(x => (x.Key, x.Item2!))
            : [];

    /// <summary>An organization as HSDS gives it inside a service and in lists (without its services).</summary>
    public static JsonObject ToHsds(Organization o) => WithoutNulls(new JsonObject
    {
        ["id"] = OrganizationId(o), ["name"] = o.Name, ["description"] = o.Description,
        ["website"] = o.Url, ["email"] = o.Email, ["helpdirectory_key"] = o.Key,
    });

    public static JsonObject ToHsds(TaxonomyTerm t) => new()
    {
        ["id"] = TermId(t.Taxonomy, t.Name), ["name"] = t.Name, ["description"] = t.Name, ["taxonomy"] = t.Taxonomy, ["taxonomy_id"] = TaxonomyId(t.Taxonomy),
    };

    /// <summary>The service's taxonomy terms, in the order its attributes list them: its kind, its cost, then its audiences,
    /// approaches and contact methods.</summary>
    public static IEnumerable<TaxonomyTerm> TermsOf(Service s) => TermsOf(s.Kind, s.Cost, s.Audiences, s.Approaches, s.ContactMethods);

    public static IEnumerable<TaxonomyTerm> TermsOf(HelpKind kind, CostKind cost, Audiences audiences, Approaches approaches, ContactMethods contact) =>
        [KindTerm(kind), CostTerm(cost), .. AudienceTerms(audiences), .. ApproachTerms(approaches), .. ContactTerms(contact)];

    public static TaxonomyTerm KindTerm(HelpKind kind) => new(TaxonomyTerm.Kinds, HelpKinds.Get(kind).Slug);

    public static TaxonomyTerm CostTerm(CostKind cost) => new(TaxonomyTerm.Cost, Vocabulary.Cost.First(c => c.Value == cost).Slug);

    public static IEnumerable<TaxonomyTerm> AudienceTerms(Audiences audiences) =>
        Vocabulary.Labels(Vocabulary.Audience, audiences).Select(a => new TaxonomyTerm(TaxonomyTerm.Audiences, a.Slug));

    public static IEnumerable<TaxonomyTerm> ApproachTerms(Approaches approaches) =>
        Vocabulary.Labels(Vocabulary.Approach, approaches).Select(a => new TaxonomyTerm(TaxonomyTerm.Approaches, a.Slug));

    public static IEnumerable<TaxonomyTerm> ContactTerms(ContactMethods contact) =>
        Vocabulary.Labels(Vocabulary.Contact, contact).Select(c => new TaxonomyTerm(TaxonomyTerm.ContactMethods, c.Slug));

    public static string ServiceId(string slug) => StableId.For($"service:{slug}");

    public static string OrganizationId(Organization organization) => StableId.For("organization:" + organization.Key);

    public static string TermId(string taxonomy, string name) => StableId.For($"term:{taxonomy}:{name}");

    public static string TaxonomyId(string taxonomy) => StableId.For($"taxonomy:{taxonomy}");

    /// <summary>HSDS has no null: a field we have no value for is left out, as the schema expects (a null url or email
    /// fails its "string" type). Applied to the whole tree, so a new optional field cannot bring a null back.</summary>
    public static T WithoutNulls<T>(T node) where T : JsonNode
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Where(p => p.Value is null).Select(p => p.Key).ToList()) o.Remove(key);
                foreach (var (_, value) in o) WithoutNulls(value!);
                break;
            case JsonArray a:
                foreach (var item in a) if (item is not null) WithoutNulls(item);
                break;
        }
        return node;
    }

    private static TransferRow FromHsds(int line, JsonObject o)
    {
        if (o["organization"] is not JsonObject org) return TransferRow.CannotRead(line, "The service has no organization object.");
        var orgKey = Text(org["helpdirectory_key"]) ?? Text(org["id"]);
        var orgName = Text(org["name"]);
        var name = Text(o["name"]);
        var slug = Text(o["helpdirectory_slug"]) ?? Text(o["id"]);
        if (orgKey is null || orgName is null) return TransferRow.CannotRead(line, "The organization needs an id and a name.");
        if (name is null || slug is null) return TransferRow.CannotRead(line, "The service needs an id and a name.");
        var organization = new OrganizationImport(orgKey, orgName, Text(org["description"]) ?? "", Text(org["website"]), Text(org["email"]));

        var terms = Objects(o["attributes"]).Select(a => a["taxonomy_term"] as JsonObject).OfType<JsonObject>()
            .Select(t => (Taxonomy: Text(t["taxonomy"]), Name: Text(t["name"]))).Where(t => t.Name is not null).ToList();
        List<string> Terms(string taxonomy) => terms.Where(t => t.Taxonomy == taxonomy).Select(t => t.Name!).ToList();

        var schedules = Objects(o["schedules"]).ToList();
        bool AllWeek(JsonObject sc) => Text(sc["byday"]) == EveryDay && Text(sc["opens_at"]) == "00:00" && Text(sc["closes_at"]) == "24:00";
        var hours = schedules.Where(sc => !AllWeek(sc))
            .Select(sc => $"{Text(sc["byday"])?.ToLowerInvariant()} {Text(sc["opens_at"])}-{Text(sc["closes_at"])}");
        var areas = Objects(o["service_areas"]).Select(a => (Scope: Text(a["helpdirectory_scope"]) ?? "country", Name: Text(a["name"]) ?? "")).ToList();
        var locations = Objects(o["service_at_locations"]).Select(l => l["location"] as JsonObject).OfType<JsonObject>().ToList();
        var physical = locations.Where(l => Text(l["location_type"]) == "physical").Select(l =>
        {
            var a = Objects(l["addresses"]).FirstOrDefault();
            return $"{Text(l["name"])} | {Text(a?["address_1"])} | {Text(a?["city"])} | {Text(a?["postal_code"])} | {Text(a?["country"])}";
        });
        var phones = Objects(o["phones"]).Select(p =>
        {
            var others = string.Concat(TranslatedFrom(p[TranslationsField], "description").Select(t => $" | {t.Language}: {t.Text}"));
            var note = Text(p["description"]) is { Length: > 0 } d ? " | " + d : others.Length > 0 ? " | " : "";
            return $"{Text(p["number"])} | {Text(p["type"]) ?? "voice"}{note}{others}";
        });
        var descriptions = TranslatedFrom(o[TranslationsField], "description").ToDictionary(t => t.Language, t => t.Text);
        var fees = TranslatedFrom(o[TranslationsField], "fees_description").ToDictionary(t => t.Language, t => t.Text);
        var timeZone = Text(o["helpdirectory_time_zone"]) ?? schedules.Select(sc => Text(sc["timezone_name"])).FirstOrDefault(z => z is not null) ?? "UTC";

        var form = new ServiceForm
        {
            Name = name,
            Slug = slug,
            Organization = organization.Key,
            Kind = Terms("helpdirectory-kinds").FirstOrDefault() ?? "",
            Description = Text(o["description"]) ?? "",
            Url = Text(o["url"]),
            Email = Text(o["email"]),
            ChatUrl = locations.Where(l => Text(l["location_type"]) == "virtual").Select(l => Text(l["url"])).FirstOrDefault(),
            Phones = Lines(phones),
            ContactMethods = Terms("helpdirectory-contact-methods"),
            TimeZone = timeZone,
            Is24x7 = schedules.Any(AllWeek),
            Hours = Lines(hours),
            Cost = Terms("helpdirectory-cost").FirstOrDefault() ?? "unknown",
            CostNote = Text(o["fees_description"]),
            Audiences = Terms("helpdirectory-audiences"),
            Languages = string.Join(' ', Objects(o["languages"]).Select(l => Text(l["code"])).OfType<string>()) is { Length: > 0 } langs ? langs : null,
            Approaches = Terms("helpdirectory-approaches"),
            AreaScope = areas.Any(a => a.Scope == "worldwide") ? ServiceAreas.Worldwide : areas.Any(a => a.Scope == "subdivision") ? ServiceAreas.Subdivisions : ServiceAreas.Countries,
            AreaCodes = string.Join(' ', areas.Where(a => a.Scope != "worldwide").Select(a => a.Name)) is { Length: > 0 } codes ? codes : null,
            Locations = Lines(physical),
            Source = Text(o["helpdirectory_source"]) ?? "",
            Status = "published",
            LastVerified = Text(o["assured_date"]),
            VerifiedBy = Text(o["helpdirectory_verified_by"]),
            CheckMethod = Text(o["helpdirectory_check_method"]) ?? "website",
            Confidence = Text(o[ConfidenceField]) ?? Confidences.ForCheck(Text(o["helpdirectory_check_method"])),
            Texts = TextForms.LanguagesOf(descriptions.Keys.Concat(fees.Keys)).Select(l => new ListingTextForm
            {
                Language = l, Description = descriptions.GetValueOrDefault(l), CostNote = fees.GetValueOrDefault(l),
            }).ToList(),
        };
        return new TransferRow(line, form, organization, null);
    }

    /// <summary>A string value, or null for anything else (missing, null, a number, an object).</summary>
    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node is JsonArray array ? array.OfType<JsonObject>() : [];

    private static string? Lines(IEnumerable<string> lines) => string.Join('\n', lines) is { Length: > 0 } s ? s : null;
}
