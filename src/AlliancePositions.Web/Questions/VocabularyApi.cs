using System.Security.Claims;
using AlliancePositions.Core.Questions;
using AlliancePositions.Web.Accounts;
using AlliancePositions.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlliancePositions.Web.Questions;

/// <summary>
/// Analysts add and edit topics and questions (a new debate gets its question the day it starts): created with a key
/// given or made from the name, edited with If-Match, every write audited. See docs/decisions/006.
/// </summary>
public static class VocabularyApi
{
    public static RouteGroupBuilder MapVocabularyApi(this RouteGroupBuilder api)
    {
        var reads = api.MapGroup("").WithTags("Questions").RequireAuthorization(Policies.Read);
        reads.MapGet("/topics/{key}", GetTopicAsync).WithSummary("One topic; its ETag is the version an edit names");
        reads.MapGet("/questions/{slug}", GetQuestionAsync).WithSummary("One question with its poles' meanings; its ETag is the version an edit names");

        var writes = api.MapGroup("").WithTags("Questions").RequireAuthorization(Policies.Analyst);
        writes.MapPost("/topics", CreateTopicAsync).Accepts<TopicRequest>("application/json");
        writes.MapPut("/topics/{key}", UpdateTopicAsync).Accepts<TopicRequest>("application/json").WithSummary("Renames or moves the topic; send the ETag you read as If-Match");
        writes.MapPost("/questions", CreateQuestionAsync).Accepts<QuestionRequest>("application/json");
        writes.MapPut("/questions/{slug}", UpdateQuestionAsync).Accepts<QuestionRequest>("application/json")
            .WithSummary("Rewords the question or its poles; send the ETag you read as If-Match");
        return api;
    }

    private static async Task<Results<Ok<TopicVersion>, NotFound>> GetTopicAsync(string key, QuestionService service, HttpResponse response, CancellationToken ct) =>
        await service.FindTopicAsync(key, ct) is { } topic ? WriteResults.Versioned(response, topic, topic.Version) : TypedResults.NotFound();

    private static async Task<Results<Ok<QuestionVersion>, NotFound>> GetQuestionAsync(string slug, QuestionService service, HttpResponse response, CancellationToken ct) =>
        await service.FindQuestionAsync(slug, ct) is { } question ? WriteResults.Versioned(response, question, question.Version) : TypedResults.NotFound();

    private static async Task<IResult> CreateTopicAsync(JsonBody<TopicRequest> body, QuestionService service, HttpResponse response, ClaimsPrincipal user,
        CancellationToken ct)
    {
        if (body.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        var result = await service.CreateTopicAsync(body.Value!, user.ToEditor(), ct);
        return result.ToHttp(topic => Created(response, $"/api/topics/{topic.Key}", topic, topic.Version));
    }

    private static async Task<IResult> UpdateTopicAsync(string key, JsonBody<TopicRequest> body, HttpRequest request, QuestionService service,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (WriteResults.IfMatchVersion(request) is not { } version) return WriteResults.PreconditionRequired();
        if (body.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        var result = await service.UpdateTopicAsync(key, version, body.Value!, user.ToEditor(), ct);
        return result.ToHttp(topic => WriteResults.Versioned(request.HttpContext.Response, topic, topic.Version));
    }

    private static async Task<IResult> CreateQuestionAsync(JsonBody<QuestionRequest> body, QuestionService service, HttpResponse response,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (body.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        var result = await service.CreateQuestionAsync(body.Value!, user.ToEditor(), ct);
        return result.ToHttp(question => Created(response, $"/api/questions/{question.Key}", question, question.Version));
    }

    private static async Task<IResult> UpdateQuestionAsync(string slug, JsonBody<QuestionRequest> body, HttpRequest request, QuestionService service,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (WriteResults.IfMatchVersion(request) is not { } version) return WriteResults.PreconditionRequired();
        if (body.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        var result = await service.UpdateQuestionAsync(slug, version, body.Value!, user.ToEditor(), ct);
        return result.ToHttp(question => WriteResults.Versioned(request.HttpContext.Response, question, question.Version));
    }

    private static Created<T> Created<T>(HttpResponse response, string location, T value, int version)
    {
        response.SetETag(version);
        return TypedResults.Created(location, value);
    }
}
