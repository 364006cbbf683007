using AlliancePositions.Core.Corpus;
using AlliancePositions.Core.Sources;

namespace AlliancePositions.Core.Tests.Corpus;

/// <summary>
/// A small, valid corpus that is not the seed: two actors, one document, two statements. Tests change only what
/// they are about with <c>with</c> expressions.
/// </summary>
public static class TestCorpus
{
    public const string Text = "The minister said: \"We will send instructors, not combat troops.\"\nThe president replied that nothing is ruled out 😀.";

    public static string DocumentKey => DocumentText.KeyOf(DocumentText.Sha256(Text));

    public static CorpusFile Valid() => new()
    {
        Topics = [new("security", "Security"), new("deployment", "Deployment", "security")],
        Questions = [new("send-troops", "Should troops be sent?", "deployment", "Never", "Now")],
        Countries = [new("NL", "Netherlands", "head-of-government", "Prime Minister")],
        Blocs = [new("test-bloc", "Test bloc", [new("NL", "1949-04-04")])],
        Outlets = [new("daily-news", "Daily News", "C")],
        Coders = [new("analyst-one", "Analyst One")],
        Actors =
        [
            new("jan-minister", "Jan Minister", "person", "NL", ["the minister"], Roles: [new("Minister of Defence", "defence-minister", "2020-01-01", Country: "NL")]),
            new("piet-president", "Piet President", "person", "NL"),
        ],
        Documents =
        [
            new CorpusDocument
            {
                Key = DocumentKey, Title = "Test report", Outlet = "daily-news", PublishedOn = "2024-03-01", Text = Text,
                Annotations = [new("q-minister", 20, 64, "We will send instructors, not combat troops."), new("q-president", 66, 116, "The president replied that nothing is ruled out 😀")],
            },
        ],
        Meetings = [new("test-talks", "bilateral", "Test talks", "2024-02-01", "month", Participants: ["jan-minister", "piet-president"], ReportedIn: [DocumentKey])],
        Statements =
        [
            new("minister-instructors", "jan-minister", "quote", "2024-02-20", "day", "Instructors, not combat troops", ["q-minister"], 2,
                Topics: ["deployment"], Meeting: "test-talks", Codings: [new("send-troops", "analyst-one", 0, "training only")]),
            new("president-nothing-ruled-out", "piet-president", "reported", "2024-02-01", "month", "Nothing is ruled out", ["q-president"], 3,
                Codings: [new("send-troops", "analyst-one", 2)], Relations: [new("clarifies", "minister-instructors")]),
        ],
    };

    public static string ToJson(CorpusFile corpus) => System.Text.Json.JsonSerializer.Serialize(corpus, CorpusReader.Json);
}
