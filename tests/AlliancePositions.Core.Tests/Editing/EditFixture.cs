using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Meetings;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Statements;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AlliancePositions.Core.Tests.Editing;

/// <summary>The write services over one test database, and builders for the records an editing test needs (made fresh, not taken from the seed).</summary>
internal sealed class EditFixture(TestDatabase database)
{
    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    public static readonly Editor Ana = new("ana@example.org", "user-ana");
    public static readonly Editor Ben = new("ben@example.org", "user-ben");

    public ActorService Actors { get; } = new(database, Clock, NullLogger<ActorService>.Instance);
    public DocumentService Documents { get; } = new(database, Clock, NullLogger<DocumentService>.Instance);
    public MeetingService Meetings { get; } = new(database, Clock, NullLogger<MeetingService>.Instance);
    public StatementService Statements { get; } = new(database, Clock, NullLogger<StatementService>.Instance);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<string> ActorAsync(string name = "Kaja Kallas") =>
        (await Actors.CreateAsync(new CreateActorRequest(name, "person", "EE", ["Kallas"], "Prime minister"), Ana, Ct)).Value!.Slug;

    /// <summary>A new document with a unique text, and an annotation on "ground troops".</summary>
    public async Task<(string Document, string Annotation)> EvidenceAsync()
    {
        var text = $"Report {Guid.NewGuid():N}: no ground troops will be sent.";
        var document = (await Documents.CreateAsync(new CreateDocumentRequest("A report", text, PublishedOn: new DateOnly(2024, 3, 1)), Ana, Ct)).Value!.Key;
        var start = text.IndexOf("ground troops", StringComparison.Ordinal);
        var annotation = (await Documents.AnnotateAsync(document, new CreateAnnotationRequest(start, start + 13, "ground troops", "first note", ["troops"]), Ana, Ct)).Value!.Key;
        return (document, annotation);
    }

    public async Task<string> StatementAsync(string actor, string annotation, string? meeting = null) =>
        (await Statements.CreateAsync(new StatementRequest(actor, "quote", new DateOnly(2024, 3, 1), "day", "Rules out ground troops", [], [annotation], 2, meeting),
            Ana, Ct)).Value!;
}
