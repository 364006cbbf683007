using System.Security.Claims;
using AlliancePositions.Core.Ingest;
using AlliancePositions.Web.Accounts;
using AlliancePositions.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlliancePositions.Web.Ingest;

/// <summary>Feed subscriptions and the inbox of documents they bring, for analysts.</summary>
public static class FeedsApi
{
    public static RouteGroupBuilder MapFeedsApi(this RouteGroupBuilder api)
    {
        var feeds = api.MapGroup("/feeds").WithTags("Feeds").RequireAuthorization(Policies.Analyst);
        feeds.MapGet("", ListAsync).WithSummary("Subscribed feeds with their last poll, next poll and last error");
        feeds.MapPost("", SubscribeAsync).Accepts<SubscribeFeedRequest>("application/json")
            .WithSummary("Subscribes to an RSS or Atom feed; the same address again is a 409 naming the existing feed");
        feeds.MapDelete("/{id:int}", DeleteAsync).WithSummary("Unsubscribes; the documents it brought stay");
        feeds.MapPost("/{id:int}/poll", PollAsync).WithSummary("Polls the feed now: {added, updated, skipped, failed}, and error when the feed itself failed");

        var inbox = api.MapGroup("/inbox").WithTags("Feeds").RequireAuthorization(Policies.Analyst);
        inbox.MapGet("", InboxAsync).WithSummary("Documents feeds brought in, waiting for triage, newest first");
        inbox.MapPost("/{id:int}/read", MarkReadAsync);
        inbox.MapPost("/{id:int}/dismiss", DismissAsync);
        return api;
    }

    static async Task<Ok<IReadOnlyList<FeedView>>> ListAsync(FeedService feeds, CancellationToken cancellationToken) =>
        TypedResults.Ok(await feeds.ListAsync(cancellationToken));

    static async Task<IResult> SubscribeAsync(JsonBody<SubscribeFeedRequest> body, FeedService feeds, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (body.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        var result = await feeds.SubscribeAsync(body.Value!, user.ToEditor(), cancellationToken);
        return result.ToHttp(feed => TypedResults.Created($"/api/feeds/{feed.Id}", feed));
    }

    static async Task<Results<NoContent, NotFound>> DeleteAsync(int id, FeedService feeds, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await feeds.DeleteAsync(id, user.ToEditor(), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    static async Task<IResult> PollAsync(int id, FeedService feeds, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await feeds.PollAsync(id, user.ToEditor(), cancellationToken)).ToHttp(result => TypedResults.Ok(result));

    static async Task<Results<Ok<Paged<InboxRow>>, ValidationProblem>> InboxAsync([AsParameters] PageQuery paging, InboxService inbox,
        CancellationToken cancellationToken)
    {
        var (page, pageSize, errors) = paging.Read();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(Paged<InboxRow>.From(await inbox.ListAsync(page, pageSize, cancellationToken), row => row));
    }

    static async Task<Results<NoContent, NotFound>> MarkReadAsync(int id, InboxService inbox, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await inbox.MarkReadAsync(id, user.ToEditor(), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    static async Task<Results<NoContent, NotFound>> DismissAsync(int id, InboxService inbox, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await inbox.DismissAsync(id, user.ToEditor(), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
