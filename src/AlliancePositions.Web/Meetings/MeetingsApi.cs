using System.Security.Claims;
using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Meetings;
using AlliancePositions.Web.Accounts;
using AlliancePositions.Web.Api;
using AlliancePositions.Web.Statements;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlliancePositions.Web.Meetings;

public sealed record MeetingListItem(string Key, MeetingKind Kind, string Title, DateOnly Date, DatePrecision DatePrecision, string? Place,
    IReadOnlyList<string> ParticipantNames);

public sealed record DocumentReference(string Id, string Title);

public sealed record MeetingJson(string Key, MeetingKind Kind, string Title, DateOnly Date, DatePrecision DatePrecision, string? Place, string? Note,
    IReadOnlyList<ActorSummary> Participants, IReadOnlyList<string> TopicNames, IReadOnlyList<StatementJson> Statements,
    IReadOnlyList<DocumentReference> ReportedIn);

/// <summary>Meetings: the list, one meeting with who took part and what was said there, and recording a new one.</summary>
public static class MeetingsApi
{
    public static RouteGroupBuilder MapMeetingsApi(this RouteGroupBuilder api)
    {
        var meetings = api.MapGroup("/meetings").WithTags("Meetings");
        meetings.MapGet("", ListAsync).RequireAuthorization(Policies.Read).WithSummary("Meetings, newest first, paged");
        meetings.MapGet("/{key}", GetAsync).RequireAuthorization(Policies.Read).WithSummary("A meeting with its participants and statements; its ETag is the version");
        meetings.MapPost("", CreateAsync).RequireAuthorization(Policies.Analyst).Accepts<CreateMeetingRequest>("application/json");
        return api;
    }

    static async Task<Results<Ok<Paged<MeetingListItem>>, ValidationProblem>> ListAsync([AsParameters] PageQuery paging, MeetingQueries meetings,
        CancellationToken cancellationToken)
    {
        var (page, pageSize, errors) = paging.Read();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var found = await meetings.ListAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(Paged<MeetingListItem>.From(found, m => new MeetingListItem(m.Key, m.Kind, m.Title, m.When.Value, m.When.Precision, m.Place, m.Participants)));
    }

    static async Task<Results<Ok<MeetingJson>, NotFound>> GetAsync(string key, MeetingQueries meetings, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await meetings.FindAsync(key, cancellationToken) is not { } m) return TypedResults.NotFound();
        response.SetETag(m.Version);
        return TypedResults.Ok(new MeetingJson(m.Key, m.Kind, m.Title, m.When.Value, m.When.Precision, m.Place, m.Note, m.Participants, m.Topics,
            m.Statements.Select(StatementJson.From).ToList(), m.ReportedIn.Select(d => new DocumentReference(d.Key, d.Title)).ToList()));
    }

    static async Task<IResult> CreateAsync(JsonBody<CreateMeetingRequest> body, MeetingService service, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (body.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        var result = await service.CreateAsync(body.Value!, user.ToEditor(), cancellationToken);
        return result.ToHttp(key => TypedResults.Created($"/api/meetings/{key}", new { key }));
    }
}
