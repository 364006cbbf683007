namespace AlliancePositions.Core.Suggestions;

/// <summary>
/// Ranks questions for a passage with a lexical model: TF-IDF cosine between the passage and each question's title,
/// poles and topic, and between the passage and the evidence of statements analysts coded on it. A position is
/// suggested only from the nearest coded examples (their similarity-weighted mean, rounded), never from the words alone.
/// Deterministic, and nothing to download.
/// </summary>
public sealed class QuestionRanker
{
    public const double MinScore = 0.08;
    private const double MinNeighbour = 0.2;
    private const int Neighbours = 3;

    private static readonly HashSet<string> Stopwords =
    [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "from", "by", "with", "as", "is", "are", "was", "were", "be", "been",
        "being", "it", "its", "this", "that", "these", "those", "he", "she", "they", "them", "his", "her", "their", "him", "we", "our", "you", "i",
        "not", "no", "would", "could", "should", "will", "can", "may", "might", "must", "have", "has", "had", "do", "does", "did", "said", "says",
        "say", "also", "there", "which", "who", "whom", "what", "when", "where", "if", "than", "then", "so", "such", "any", "all", "other", "into",
        "about", "over", "after", "before", "up", "out", "more", "most", "very", "according", "told", "stated",
    ];

    private readonly Dictionary<string, double> idf = new(StringComparer.Ordinal);
    private readonly List<(DirectoryQuestion Question, Dictionary<string, double> Vector)> questions = [];
    private readonly List<(CodedExample Example, Dictionary<string, double> Vector)> examples = [];

    public QuestionRanker(SuggestionDirectory directory)
    {
        var documents = directory.Questions.Select(QuestionText).Concat(directory.Examples.Select(e => e.Text)).Select(Terms).ToList();
        foreach (var term in documents.SelectMany(d => d.Distinct()))
            idf[term] = idf.GetValueOrDefault(term) + 1;
        foreach (var term in idf.Keys.ToList()) idf[term] = Math.Log(1 + documents.Count / idf[term]);
        questions = directory.Questions.Select(q => (q, Vector(QuestionText(q)))).ToList();
        examples = directory.Examples.Select(e => (e, Vector(e.Text))).ToList();
    }

    public IReadOnlyList<QuestionSuggestion> Rank(string passage, int take = 3)
    {
        var vector = Vector(passage);
        if (vector.Count == 0) return [];
        var neighbours = examples.Select(e => (e.Example, Similarity: Cosine(vector, e.Vector))).Where(n => n.Similarity >= MinNeighbour).ToList();
        return questions
            .Select(q =>
            {
                var near = neighbours.Where(n => n.Example.Question == q.Question.Slug).OrderByDescending(n => n.Similarity).Take(Neighbours).ToList();
                var score = Math.Max(Cosine(vector, q.Vector), near.Count > 0 ? near[0].Similarity : 0);
                int? position = near.Count == 0 ? null
                    : (int)Math.Round(near.Sum(n => n.Similarity * n.Example.Position) / near.Sum(n => n.Similarity), MidpointRounding.AwayFromZero);
                return new QuestionSuggestion(q.Question.Slug, Math.Round(score, 3), position);
            })
            .Where(q => q.Score >= MinScore)
            .OrderByDescending(q => q.Score).ThenBy(q => q.Slug, StringComparer.Ordinal)
            .Take(take).ToList();
    }

    private static string QuestionText(DirectoryQuestion q) => $"{q.Title} {q.MinusTwo} {q.PlusTwo} {q.Topic}";

    private Dictionary<string, double> Vector(string text)
    {
        var counts = Terms(text).GroupBy(t => t).ToDictionary(g => g.Key, g => (double)g.Count());
        foreach (var term in counts.Keys.ToList())
            counts[term] = idf.TryGetValue(term, out var weight) ? (1 + Math.Log(counts[term])) * weight : 0;
        var norm = Math.Sqrt(counts.Values.Sum(v => v * v));
        return norm == 0 ? [] : counts.Where(c => c.Value > 0).ToDictionary(c => c.Key, c => c.Value / norm);
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var sum = 0.0;
        foreach (var (term, weight) in small)
            if (large.TryGetValue(term, out var other)) sum += weight * other;
        return sum;
    }

    /// <summary>Lower-case words without stopwords, crudely stemmed so "troops" meets "troop" and "deployed" meets "deployment".</summary>
    internal static List<string> Terms(string text)
    {
        var terms = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (letter && start < 0) start = i;
            if (letter || start < 0) continue;
            var word = text[start..i].ToLowerInvariant();
            start = -1;
            if (word.Length < 3 || Stopwords.Contains(word)) continue;
            terms.Add(Stem(word));
        }
        return terms;
    }

    private static string Stem(string word)
    {
        foreach (var suffix in new[] { "ments", "ment", "ations", "ation", "ing", "ies", "ied", "ed", "es", "s" })
            if (word.Length - suffix.Length >= 4 && word.EndsWith(suffix, StringComparison.Ordinal))
                return suffix is "ies" or "ied" ? word[..^suffix.Length] + "y" : word[..^suffix.Length];
        return word;
    }
}
