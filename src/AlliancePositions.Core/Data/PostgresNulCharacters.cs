using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlliancePositions.Core.Data;

/// <summary>
/// PostgreSQL text cannot hold U+0000, and refuses a parameter that contains it (SQLite compares it like any other
/// character). No stored text holds one (the input rules refuse control characters, and U+FFFF, in everything
/// written), so a NUL can only arrive in a value looked up, such as a slug in an address or a key in a request body.
/// Sent as U+FFFF instead, the lookup finds nothing, exactly as on SQLite, rather than failing the request.
/// </summary>
internal sealed class PostgresNulCharacters : DbCommandInterceptor
{
    private const char Unmatchable = '\uFFFF';

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Replace(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Replace(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Replace(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Replace(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Replace(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Replace(command);
        return ValueTask.FromResult(result);
    }

    private static void Replace(DbCommand command)
    {
        foreach (DbParameter parameter in command.Parameters)
        {
            switch (parameter.Value)
            {
                case string text when text.Contains('\0', StringComparison.Ordinal):
                    parameter.Value = text.Replace('\0', Unmatchable);
                    break;
                // A list looked up at once (Contains over keys) goes as one array parameter.
                case IList<string> texts when texts.Any(t => t?.Contains('\0', StringComparison.Ordinal) == true):
                    parameter.Value = texts.Select(t => t?.Replace('\0', Unmatchable)).ToArray();
                    break;
            }
        }
    }
}
