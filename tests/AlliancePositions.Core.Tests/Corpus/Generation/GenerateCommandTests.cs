using AlliancePositions.Generator;

namespace AlliancePositions.Core.Tests.Corpus.Generation;

public class GenerateCommandTests
{
    [Fact]
    public async Task Generates_a_small_corpus_and_reports_progress_and_counts()
    {
        var path = Path.Combine(Path.GetTempPath(), $"alliance-command-{Guid.NewGuid():N}.db");
        var output = new StringWriter();
        try
        {
            var exit = await GenerateCommand.RunAsync(["--db", path, "--actors", "20", "--statements", "300", "--seed", "5"], output);

            Assert.Equal(0, exit);
            Assert.Contains("300 / 300 statements (100%)", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("Done in", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("300 statements", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) if (File.Exists(file)) File.Delete(file);
        }
    }

    [Fact]
    public async Task Bad_arguments_exit_with_a_message_and_write_nothing()
    {
        var output = new StringWriter();

        var exit = await GenerateCommand.RunAsync(["--statements", "lots"], output);

        Assert.Equal(2, exit);
        Assert.Contains("--statements must be a whole number", output.ToString(), StringComparison.Ordinal);
    }
}
