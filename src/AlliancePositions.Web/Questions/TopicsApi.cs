using AlliancePositions.Core.Questions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlliancePositions.Web.Questions;

/// <summary>The topic tree, a small vocabulary: a bare array in tree order, each topic with its parent's key.</summary>
public static class TopicsApi
{
    public static RouteGroupBuilder MapTopicsApi(this RouteGroupBuilder api)
    {
        api.MapGroup("").WithTags("Questions").RequireAuthorization(Accounts.Policies.Read).MapGet("/topics", ListAsync);
        return api;
    }

    static async Task<Ok<IReadOnlyList<TopicSummary>>> ListAsync(TopicQueries topics, CancellationToken cancellationToken) =>
        TypedResults.Ok(await topics.ListTopicsAsync(cancellationToken));
}
