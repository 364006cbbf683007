namespace AlliancePositions.Core.Corpus;

/// <summary>One thing wrong with a corpus: which file, where in it (a JSON path such as <c>$.statements[3].actor</c>), and why.</summary>
public sealed record CorpusProblem(string File, string Path, string Message)
{
    public override string ToString() => $"{File}: {Path}: {Message}";
}

/// <summary>A corpus that failed validation; nothing of it was written.</summary>
public sealed class CorpusValidationException(IReadOnlyList<CorpusProblem> problems)
    : Exception($"The corpus has {problems.Count} problem(s); nothing was loaded.{Environment.NewLine}" +
                string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<CorpusProblem> Problems { get; } = problems;
}
