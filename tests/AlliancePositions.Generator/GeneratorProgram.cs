namespace AlliancePositions.Generator;

/// <summary>
/// <c>dotnet run -c Release --project tests/AlliancePositions.Generator -- --db generated/1m.db --statements 1000000</c>.
/// Not top-level statements: the test projects reference this one, and a global <c>Program</c> would clash with the web app's.
/// </summary>
internal static class GeneratorProgram
{
    public static Task<int> Main(string[] args) => GenerateCommand.RunAsync(args, Console.Out);
}
