using AlliancePositions.Core.Stances;
using AlliancePositions.Web.Hosting;

namespace AlliancePositions.Web.Tests.Hosting;

public class StanceCacheSyncPayloadTests
{
    [Fact]
    public void A_notification_names_the_writing_node_and_what_the_write_changed()
    {
        var payload = StanceCacheSync.Payload("node-a", CorpusChange.Of([12, 3], [7]));

        Assert.Equal("node-a s3,12;a7", payload);
        Assert.Equal(CorpusChange.Of([3, 12], [7]).ToString(), CorpusChange.Parse(payload.Split(' ', 2)[1]).ToString());
    }

    [Fact]
    public void A_change_too_long_for_a_notification_is_told_as_a_change_of_everything()
    {
        // PostgreSQL refuses a notification of 8,000 bytes or more: the most ids a change lists, each of nine digits, are more.
        var payload = StanceCacheSync.Payload("node-a", CorpusChange.Of(Enumerable.Range(100_000_000, CorpusChange.MostIds), []));

        Assert.Equal("node-a *", payload);
    }
}
