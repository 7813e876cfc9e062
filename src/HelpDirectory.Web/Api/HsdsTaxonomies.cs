using System.Linq.Expressions;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Editing.Transfer;
using HelpDirectory.Web.Listings;

namespace HelpDirectory.Web.Api;

/// <summary>
/// The taxonomy_term_id and taxonomy_id filters as conditions on the columns the terms come from (kind, cost, audiences,
/// approaches, contact methods), so the database answers them. Every term of the vocabulary is known in advance; an id
/// that is none of them matches nothing.
/// </summary>
public static class HsdsTaxonomies
{
    private static readonly Dictionary<string, Expression<Func<Service, bool>>> ByTerm = TermConditions();
    private static readonly Dictionary<string, Expression<Func<Service, bool>>> ByTaxonomy = TaxonomyConditions();

    public static Expression<Func<Service, bool>> HavingTerm(string termId) => ByTerm.GetValueOrDefault(termId, s => false);

    public static Expression<Func<Service, bool>> HavingTaxonomy(string taxonomyId) => ByTaxonomy.GetValueOrDefault(taxonomyId, s => false);

    private static Dictionary<string, Expression<Func<Service, bool>>> TermConditions()
    {
        var conditions = new Dictionary<string, Expression<Func<Service, bool>>>(StringComparer.Ordinal);
        void Add(TaxonomyTerm term, Expression<Func<Service, bool>> condition) => conditions.Add(HsdsMapping.TermId(term.Taxonomy, term.Name), condition);
        foreach (var kind in HelpKinds.All.Select(k => k.Kind)) Add(HsdsMapping.KindTerm(kind), s => s.Kind == kind);
        foreach (var cost in Vocabulary.Cost.Select(c => c.Value)) Add(HsdsMapping.CostTerm(cost), s => s.Cost == cost);
        foreach (var audience in Vocabulary.Audience.Select(a => a.Value).Where(a => a != 0))
            Add(HsdsMapping.AudienceTerms(audience).Single(), s => (s.Audiences & audience) == audience);
        foreach (var approach in Vocabulary.Approach.Select(a => a.Value).Where(a => a != 0))
            Add(HsdsMapping.ApproachTerms(approach).Single(), s => (s.Approaches & approach) == approach);
        foreach (var contact in Vocabulary.Contact.Select(c => c.Value).Where(c => c != 0))
            Add(HsdsMapping.ContactTerms(contact).Single(), s => (s.ContactMethods & contact) == contact);
        return conditions;
    }

    private static Dictionary<string, Expression<Func<Service, bool>>> TaxonomyConditions()
    {
        // Every service has a kind and a cost; the others are a set of flags, any of which is a term.
        var audiences = Vocabulary.Audience.Aggregate((Audiences)0, (all, a) => all | a.Value);
        var approaches = Vocabulary.Approach.Aggregate((Approaches)0, (all, a) => all | a.Value);
        var contact = Vocabulary.Contact.Aggregate((ContactMethods)0, (all, c) => all | c.Value);
        return new(StringComparer.Ordinal)
        {
            [HsdsMapping.TaxonomyId(TaxonomyTerm.Kinds)] = s => true,
            [HsdsMapping.TaxonomyId(TaxonomyTerm.Cost)] = s => true,
            [HsdsMapping.TaxonomyId(TaxonomyTerm.Audiences)] = s => (s.Audiences & audiences) != 0,
            [HsdsMapping.TaxonomyId(TaxonomyTerm.Approaches)] = s => (s.Approaches & approaches) != 0,
            [HsdsMapping.TaxonomyId(TaxonomyTerm.ContactMethods)] = s => (s.ContactMethods & contact) != 0,
        };
    }
}
