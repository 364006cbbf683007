namespace AlliancePositions.Generator;

/// <summary>
/// <c>--db generated/1m.db --statements 1000000</c>: writes a synthetic corpus for measuring the app at scale, showing
/// progress.
/// </summary>
public static class GenerateCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        var (options, error) = SyntheticCorpusOptions.Parse(args);
        if (options is null)
        {
            await output.WriteLineAsync(error);
            return 2;
        }
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        await output.WriteLineAsync($"Generating {options.Statements:N0} statements by {options.Actors:N0} actors on {options.Questions} questions (seed {options.Seed}) into {options.DatabasePath}");
        try
        {
            var summary = await SyntheticCorpus.GenerateAsync(options, new Progress(output), cancel.Token);
            await output.WriteLineAsync($"Done in {summary.Elapsed:mm\\:ss}: {summary.Actors:N0} actors, {summary.Statements:N0} statements, "
                + $"{summary.Documents:N0} documents, {summary.Annotations:N0} annotations, {summary.Codings:N0} codings "
                + $"({summary.SecondCodings:N0} by a second coder), {summary.Relations:N0} relations, {summary.Meetings:N0} meetings.");
            return 0;
        }
        catch (SyntheticCorpusException exception)
        {
            await output.WriteLineAsync(exception.Message);
            return 1;
        }
    }

    /// <summary>Writes each report as it comes (synchronously: the generator runs on one thread).</summary>
    private sealed class Progress(TextWriter output) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => output.WriteLine(value.ToString());
    }
}
