using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using HelpDirectory.Web.Caching;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing.Transfer;
using HelpDirectory.Web.Listings;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Api;

/// <summary>
/// What the HSDS API keeps between requests, for one generation of the published data: each record's JSON as mapped
/// once (a list of 50 reads 50 ids from the database, not 50 listings with all they hold), the UUIDv5 ids mapped back to
/// rows (hashed once, not per request), and the taxonomy terms in use. A save anywhere empties it (<see cref="SiteCache"/>
/// tells every <see cref="ISiteChangeListener"/>, on every node); a request keeps the generation it started with, so
/// what it read before a save is never kept in the next one.
/// </summary>
public sealed class HsdsRecords(IServiceScopeFactory scopes, TimeProvider clock) : ISiteChangeListener
{
    /// <summary>The JSON kept at most: a record is some 1-4 KB, so room for every record of a large directory once; past
    /// it, the records kept are dropped and mapped again as asked for.</summary>
    public const long MaxBytes = 48L * 1024 * 1024;

    public const int MaxCounts = 1000;

    private volatile Generation _current = new();

    public void SiteChanged() => _current = new Generation();

    /// <summary>The generation a request reads and fills, taken before it reads the database.</summary>
    public Generation Current => _current;

    /// <summary>One service, as HSDS JSON: the whole record, and the list item (its one-to-one fields, no arrays).</summary>
    public sealed record ServiceJson(byte[] Full, byte[] ListItem, DateTimeOffset Until);

    public sealed record Ids(
        IReadOnlyDictionary<string, int> Services,
        IReadOnlyDictionary<string, int> Organizations,
        IReadOnlyDictionary<string, (int ServiceId, int Location)> ServiceAtLocations);

    public sealed class Generation
    {
        private readonly ConcurrentDictionary<int, ServiceJson> _services = new();
        private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
        private readonly SemaphoreSlim _gate = new(1, 1);
        private long _bytes;

        internal bool TryGet(int id, DateTimeOffset now, out ServiceJson json) =>
            _services.TryGetValue(id, out json!) && now < json.Until;

        internal void Keep(int id, ServiceJson json)
        {
            if (Interlocked.Add(ref _bytes, json.Full.Length + json.ListItem.Length) > MaxBytes)
            {
                _services.Clear();
                Interlocked.Exchange(ref _bytes, json.Full.Length + json.ListItem.Length);
            }
            _services[id] = json;
        }

        /// <summary>How many rows a filter matches, counted once per generation: paging through a list counts it once.
        /// At most <see cref="MaxCounts"/> filters are kept, as anyone can ask for new ones.</summary>
        internal async Task<int> CountAsync(string filter, Func<Task<int>> count)
        {
            if (_counts.TryGetValue(filter, out var known)) return known;
            var counted = await count();
            if (_counts.Count >= MaxCounts) _counts.Clear();
            _counts[filter] = counted;
            return counted;
        }

        internal async Task<T> OnceAsync<T>(Func<T?> get, Func<Task<T>> build, Action<T> keep) where T : class
        {
            if (get() is { } done) return done;
            await _gate.WaitAsync();
            try
            {
                if (get() is { } built) return built;
                var value = await build();
                keep(value);
                return value;
            }
            finally
            {
                _gate.Release();
            }
        }

        internal Ids? IdMaps { get; set; }
        internal IReadOnlyList<TaxonomyTerm>? Terms { get; set; }
    }

    /// <summary>The JSON of these services, in the order given, mapping (in one read of the database) those not kept yet.</summary>
    public async Task<List<ServiceJson>> ServicesAsync(Generation generation, HelpDbContext db, IReadOnlyList<int> services, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var found = new ServiceJson?[services.Count];
        var missing = new List<int>();
        for (var i = 0; i < services.Count; i++)
        {
            if (generation.TryGet(services[i], now, out var json)) found[i] = json;
            else missing.Add(services[i]);
        }
        if (missing.Count > 0)
        {
            var loaded = await db.Services.Where(s => missing.Contains(s.Id)).ForTransfer().ToDictionaryAsync(s => s.Id, ct);
            for (var i = 0; i < services.Count; i++)
            {
                if (found[i] is not null || !loaded.TryGetValue(services[i], out var service)) continue;
                var json = Map(service, now);
                generation.Keep(service.Id, json);
                found[i] = json;
            }
        }
        // A service unpublished between the two reads is left out rather than failing the request.
        return found.OfType<ServiceJson>().ToList();
    }

    /// <summary>The UUIDv5 ids of published services, of organizations and of in-person service_at_locations, mapped to
    /// their rows: hashed once per generation.</summary>
    public Task<Ids> IdsAsync(Generation generation) =>
        generation.OnceAsync(() => generation.IdMaps, async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HelpDbContext>();
            var services = await db.Services.Published().Select(s => new { s.Id, s.Slug }).ToListAsync();
            var organizations = await db.Organizations.Select(o => new { o.Id, o.Key }).ToListAsync();
            // The order in which ForTransfer reads a service's locations, which numbers them in its JSON.
            var locations = await db.ServiceLocations.Join(db.Services.Published(), l => l.ServiceId, s => s.Id, (l, s) => new { s.Id, s.Slug, Location = l.Id })
                .ToListAsync();
            var sal = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
            foreach (var group in locations.GroupBy(l => l.Id))
            {
                var i = 0;
                foreach (var l in group.OrderBy(l => l.Location)) sal[StableId.For($"sal:{i++}:{l.Slug}")] = (l.Id, l.Location);
            }
            return new Ids(
                services.ToDictionary(s => HsdsMapping.ServiceId(s.Slug), s => s.Id, StringComparer.Ordinal),
                organizations.ToDictionary(o => StableId.For("organization:" + o.Key), o => o.Id, StringComparer.Ordinal),
                sal);
        }, ids => generation.IdMaps = ids);

    /// <summary>The taxonomy terms published services use, ordered by taxonomy and name: read as the distinct values of
    /// the five columns they come from, so the cost is the vocabulary's size, not the directory's.</summary>
    public Task<IReadOnlyList<TaxonomyTerm>> TermsAsync(Generation generation) =>
        generation.OnceAsync(() => generation.Terms, async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HelpDbContext>();
            var published = db.Services.Published();
            var kinds = await published.Select(s => s.Kind).Distinct().ToListAsync();
            var costs = await published.Select(s => s.Cost).Distinct().ToListAsync();
            var audiences = await published.Select(s => s.Audiences).Distinct().ToListAsync();
            var approaches = await published.Select(s => s.Approaches).Distinct().ToListAsync();
            var contact = await published.Select(s => s.ContactMethods).Distinct().ToListAsync();
            IEnumerable<TaxonomyTerm> terms =
            [
                .. kinds.Select(HsdsMapping.KindTerm), .. costs.Select(HsdsMapping.CostTerm), .. audiences.SelectMany(HsdsMapping.AudienceTerms),
                .. approaches.SelectMany(HsdsMapping.ApproachTerms), .. contact.SelectMany(HsdsMapping.ContactTerms),
            ];
            IReadOnlyList<TaxonomyTerm> list = [.. terms.Distinct()
                .OrderBy(t => t.Taxonomy, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal)];
            return list;
        }, terms => generation.Terms = terms);

    private static ServiceJson Map(Service service, DateTimeOffset now)
    {
        var full = HsdsMapping.ToHsds(service);
        var item = full.DeepClone().AsObject();
        foreach (var key in item.Where(p => p.Value is JsonArray).Select(p => p.Key).ToList()) item.Remove(key);
        return new ServiceJson(System.Text.Encoding.UTF8.GetBytes(full.ToJsonString()), System.Text.Encoding.UTF8.GetBytes(item.ToJsonString()), OffsetUntil(service.TimeZone, now));
    }

    /// <summary>Schedules carry the zone's offset now, so a record is kept until its zone's offset next changes.</summary>
    private static DateTimeOffset OffsetUntil(string timeZone, DateTimeOffset now)
    {
        var zone = NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone);
        if (zone is null) return DateTimeOffset.MaxValue;
        var interval = zone.GetZoneInterval(NodaTime.Instant.FromDateTimeOffset(now));
        return interval.HasEnd ? interval.End.ToDateTimeOffset() : DateTimeOffset.MaxValue;
    }
}
