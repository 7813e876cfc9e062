using HelpDirectory.Web.Editing;

namespace HelpDirectory.Web.Areas.Admin.Pages.Shared;

/// <summary>What the shared conflict notice shows: the conflict, what kind of record it is, and where "take theirs" goes.</summary>
public sealed record ConflictNotice(ConflictDetails? Details, string What, string TheirsUrl);
