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

/// <summary>
/// Meetings: the list, one meeting with who took part and what was said there, recording a new one, editing it with
/// If-Match, deleting it and restoring it (Admin).
/// </summary>
public static class MeetingsApi
{
    public static RouteGroupBuilder MapMeetingsApi(this RouteGroupBuilder api)
    {
        var meetings = api.MapGroup("/meetings").WithTags("Meetings");
        var reads = meetings.MapGroup("").RequireAuthorization(Policies.Read);
        reads.MapGet("", ListAsync).WithSummary("Meetings, newest first, paged");
        reads.MapGet("/{key}", GetAsync).WithSummary("A meeting with its participants and statements; its ETag is the version");
        var writes = meetings.MapGroup("").RequireAuthorization(Policies.Analyst);
        writes.MapPost("", CreateAsync).Accepts<CreateMeetingRequest>("application/json");
        writes.MapPut("/{key}", UpdateAsync).Accepts<CreateMeetingRequest>("application/json")
            .WithSummary("Replaces the meeting's values (the key stays); send the ETag you read as If-Match");
        writes.MapDelete("/{key}", DeleteAsync).WithSummary("Deletes the meeting; its statements stay, without it, until an Admin restores it");
        var admin = meetings.MapGroup("").RequireAuthorization(Policies.Admin);
        admin.MapPost("/{key}/restore", RestoreAsync);
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

    static async Task<IResult> UpdateAsync(string key, JsonBody<CreateMeetingRequest> body, HttpRequest request, MeetingService service, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (WriteResults.IfMatchVersion(request) is not { } version) return WriteResults.PreconditionRequired();
        if (body.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        var result = await service.UpdateAsync(key, version, body.Value!, user.ToEditor(), cancellationToken);
        return result.ToHttp(updated => WriteResults.Versioned(request.HttpContext.Response, updated, updated.Version));
    }

    static async Task<IResult> DeleteAsync(string key, MeetingService service, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await service.DeleteAsync(key, user.ToEditor(), cancellationToken)).ToHttp(_ => TypedResults.NoContent());

    static async Task<IResult> RestoreAsync(string key, MeetingService service, HttpResponse response, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await service.RestoreAsync(key, user.ToEditor(), cancellationToken)).ToHttp(restored => WriteResults.Versioned(response, restored, restored.Version));
}
