using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Stances;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Countries;

public sealed record CountrySummary(string Code, string Name, OfficeKind LeadingOffice, string? LeadingOfficeTitle);

public sealed record OfficeHolder(string ActorSlug, string ActorName, string Office, OfficeKind OfficeKind, DateOnly From, DateOnly? To);

/// <summary>A country's derived stance on one question, and which office holder it came from.</summary>
public sealed record CountryQuestionStance(string Question, string QuestionTitle, CountryStance Stance, string? ActorName);

public sealed record CountryDetail(CountrySummary Country, IReadOnlyList<OfficeHolder> HoldersOnDate, IReadOnlyList<CountryQuestionStance> Stances,
    IReadOnlyList<BlocSummary> Blocs);

public sealed record BlocSummary(string Slug, string Name, int MembersOnDate);

public sealed record BlocMember(string Code, string Name, DateOnly From, DateOnly? To);

/// <summary>
/// A bloc's cohesion on one question: the Hix-Noury-Roland index over its members' derived stances; <see cref="Voices"/>
/// says, per member, whose office it speaks through or why it has no position (<see cref="MemberVoice"/>).
/// </summary>
public sealed record BlocQuestionCohesion(string Question, string QuestionTitle, BlocCohesion Cohesion, IReadOnlyDictionary<string, CountryStance> ByMember,
    IReadOnlyDictionary<string, string>? Voices = null);

/// <summary><see cref="ActorNames"/> names each office holder a member's stance came from, by actor key.</summary>
public sealed record BlocDetail(string Slug, string Name, IReadOnlyList<BlocMember> MembersOnDate, IReadOnlyList<BlocQuestionCohesion> Cohesion,
    IReadOnlyDictionary<string, string> ActorNames);

/// <summary>
/// Countries and blocs with their derived stances: a country speaks through its leading office holder on the date
/// (with the fallback the stance engine defines); a bloc's cohesion is measured over its members on the date.
/// </summary>
public sealed class CountryQueries(IDbContextFactory<AppDbContext> contexts, StanceQueries stances)
{
    public async Task<IReadOnlyList<CountrySummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Countries.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CountrySummary(c.Code, c.Name, c.LeadingOffice, c.LeadingOfficeTitle)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<BlocSummary>> ListBlocsAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Blocs.AsNoTracking().OrderBy(b => b.Name)
            .Select(b => new BlocSummary(b.Slug, b.Name, b.Members.AsQueryable().Count(Tenure.HeldOn<BlocMembership>(asOf))))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The country (any case of its ISO code) on <paramref name="asOf"/>, as known at <paramref name="knownAt"/>.</summary>
    public async Task<CountryDetail?> FindAsync(string code, DateOnly asOf, DateOnly knownAt, CancellationToken cancellationToken)
    {
        code = code.ToUpperInvariant();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var country = await db.Countries.AsNoTracking().Where(c => c.Code == code)
            .Select(c => new CountrySummary(c.Code, c.Name, c.LeadingOffice, c.LeadingOfficeTitle)).FirstOrDefaultAsync(cancellationToken);
        if (country is null) return null;
        var holders = (await TenuresAsync(db, [code], cancellationToken)).Where(t => t.IsHeldOn(asOf))
            .Select(t => new OfficeHolder(t.ActorSlug, t.ActorName, t.Office, t.OfficeKind, t.From, t.To)).ToList();
        var heldOn = Tenure.HeldOn<BlocMembership>(asOf);
        var blocs = await db.Blocs.AsNoTracking()
            .Where(b => b.Members.AsQueryable().Where(heldOn).Any(m => m.Country.Code == code))
            .Select(b => new BlocSummary(b.Slug, b.Name, b.Members.AsQueryable().Count(heldOn)))
            .ToListAsync(cancellationToken);
        var questionStances = new List<CountryQuestionStance>();
        foreach (var question in await db.Questions.AsNoTracking().OrderBy(q => q.Title).Select(q => new { q.Slug, q.Title }).ToListAsync(cancellationToken))
        {
            var derived = (await DeriveAsync(db, question.Slug, [country], asOf, knownAt, cancellationToken))[code];
            questionStances.Add(new CountryQuestionStance(question.Slug, question.Title, derived,
                holders.FirstOrDefault(h => h.ActorSlug == derived.ActorKey)?.ActorName));
        }
        return new CountryDetail(country, holders, questionStances, blocs);
    }

    public async Task<BlocDetail?> FindBlocAsync(string slug, DateOnly asOf, DateOnly knownAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var bloc = await db.Blocs.AsNoTracking().Where(b => b.Slug == slug).Select(b => new { b.Slug, b.Name }).FirstOrDefaultAsync(cancellationToken);
        if (bloc is null) return null;
        var members = (await MembersOnAsync(db, slug, asOf, cancellationToken)).GetValueOrDefault(slug, []);
        var countries = Countries(members);
        var cohesion = new List<BlocQuestionCohesion>();
        foreach (var question in await db.Questions.AsNoTracking().OrderBy(q => q.Title).Select(q => new { q.Slug, q.Title }).ToListAsync(cancellationToken))
            cohesion.Add(Cohesion(question.Slug, question.Title, members, await DeriveAsync(db, question.Slug, countries, asOf, knownAt, cancellationToken)));
        var actorKeys = cohesion.SelectMany(c => c.ByMember.Values).Select(s => s.ActorKey).OfType<string>().Distinct().ToList();
        var actorNames = await db.Actors.AsNoTracking().Where(a => actorKeys.Contains(a.Slug)).ToDictionaryAsync(a => a.Slug, a => a.Name, cancellationToken);
        return new BlocDetail(bloc.Slug, bloc.Name, members, cohesion, actorNames);
    }

    /// <summary>Each bloc's cohesion on one question, for the question page.</summary>
    public async Task<IReadOnlyList<(BlocSummary Bloc, BlocQuestionCohesion Cohesion)>> CohesionOnQuestionAsync(string questionSlug, DateOnly asOf, DateOnly knownAt,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var title = await db.Questions.Where(q => q.Slug == questionSlug).Select(q => q.Title).FirstOrDefaultAsync(cancellationToken);
        if (title is null) return [];
        var blocs = await db.Blocs.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Slug, b.Name }).ToListAsync(cancellationToken);
        var membersByBloc = await MembersOnAsync(db, null, asOf, cancellationToken);
        // Every member country's stance at once: a country's stance does not depend on which bloc asks.
        var countries = Countries(membersByBloc.Values.SelectMany(m => m));
        var derived = await DeriveAsync(db, questionSlug, countries, asOf, knownAt, cancellationToken);
        var tenures = (await TenuresAsync(db, countries.Select(c => c.Code).ToList(), cancellationToken)).ToLookup(t => t.Country,
            t => new OfficeHolder(t.ActorSlug, t.ActorName, t.Office, t.OfficeKind, t.From, t.To));
        return blocs.Select(bloc =>
        {
            var members = membersByBloc.GetValueOrDefault(bloc.Slug, []);
            var voices = members.DistinctBy(m => m.Name).ToDictionary(m => m.Name, m => MemberVoice.Explain(m.Name, derived[m.Code], tenures[m.Code].ToList(), asOf));
            return (new BlocSummary(bloc.Slug, bloc.Name, members.Count), Cohesion(questionSlug, title, members, derived) with { Voices = voices });
        }).ToList();
    }

    private static List<CountrySummary> Countries(IEnumerable<BlocMember> members) =>
        members.DistinctBy(m => m.Code).Select(m => new CountrySummary(m.Code, m.Name, OfficeKind.Other, null)).ToList();

    private static BlocQuestionCohesion Cohesion(string question, string title, IReadOnlyList<BlocMember> members, Dictionary<string, CountryStance> derived)
    {
        var byName = members.ToDictionary(m => m.Name, m => derived[m.Code]);
        return new BlocQuestionCohesion(question, title, BlocCohesion.Measure(byName.ToDictionary(p => p.Key, p => p.Value.Stance)), byName);
    }

    /// <summary>Each country's stance on the question through its office holders on the date.</summary>
    private async Task<Dictionary<string, CountryStance>> DeriveAsync(AppDbContext db, string question, IReadOnlyList<CountrySummary> countries,
        DateOnly asOf, DateOnly knownAt, CancellationToken cancellationToken)
    {
        var codes = countries.Select(c => c.Code).ToList();
        var leading = await db.Countries.AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.LeadingOffice, cancellationToken);
        var tenures = await TenuresAsync(db, codes, cancellationToken);
        var holders = tenures.Where(t => t.IsHeldOn(asOf)).Select(t => t.ActorSlug).Distinct().ToList();
        var found = holders.Count == 0 ? null : (await stances.OverviewAsync(question, asOf, knownAt, StanceLens.Default, cancellationToken))?.Only(holders);
        var byActor = found?.Stances.ToDictionary(s => s.Actor.Slug, s => s.Stance) ?? [];
        return codes.ToDictionary(code => code, code => CountryStance.Resolve(leading[code],
            tenures.Where(t => t.Country == code).Select(t => new OfficeTenure(t.ActorSlug, t.OfficeKind, t.From, t.To)).ToList(),
            asOf, actor => byActor.GetValueOrDefault(actor) ?? Stance.NoRecord));
    }

    private sealed record HeldOffice(string Country, string ActorSlug, string ActorName, string Office, OfficeKind OfficeKind, DateOnly From, DateOnly? To) : ITenure;

    private static async Task<List<HeldOffice>> TenuresAsync(AppDbContext db, IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        await db.RoleTenures.AsNoTracking().Where(r => r.CountryCode != null && codes.Contains(r.CountryCode))
            .Select(r => new HeldOffice(r.CountryCode!, r.Actor.Slug, r.Actor.Name, r.Office, r.OfficeKind, r.From, r.To))
            .ToListAsync(cancellationToken);

    /// <summary>The members on the date of one bloc (or, with no slug, of every bloc) in one query, by bloc slug.</summary>
    private static async Task<Dictionary<string, List<BlocMember>>> MembersOnAsync(AppDbContext db, string? slug, DateOnly asOf, CancellationToken cancellationToken)
    {
        var memberships = db.BlocMemberships.AsNoTracking().Where(Tenure.HeldOn<BlocMembership>(asOf));
        if (slug is not null) memberships = memberships.Where(m => m.Bloc.Slug == slug);
        var rows = await memberships.OrderBy(m => m.Country.Name)
            .Select(m => new { Bloc = m.Bloc.Slug, Member = new BlocMember(m.Country.Code, m.Country.Name, m.From, m.To) }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Bloc).ToDictionary(g => g.Key, g => g.Select(r => r.Member).ToList());
    }
}
