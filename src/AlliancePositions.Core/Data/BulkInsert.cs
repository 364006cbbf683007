using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using AlliancePositions.Core.Statements.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AlliancePositions.Core.Data;

/// <summary>
/// Writes many new records without change tracking, inside the context's current transaction: the seam where a
/// provider's bulk path is used (the corpus loader). What it writes is what SaveChanges would write for the same
/// objects: tables, columns and value conversions come from the EF model, foreign keys from the navigations, and new
/// editable records are stamped as SaveChanges stamps them. SQLite writes through prepared Microsoft.Data.Sqlite
/// commands, PostgreSQL through binary COPY (<see cref="PostgresBulkInsert"/>).
/// </summary>
internal interface IBulkInsert : IDisposable
{
    /// <summary>
    /// Inserts <paramref name="entities"/> as new rows and sets their generated keys. A foreign key comes from its
    /// reference navigation when that is set; the records in an entity's collection navigations get its key (and the
    /// navigation back), so they can be inserted next; many-to-many links are written to records that have keys.
    /// </summary>
    void Insert<T>(IEnumerable<T> entities, CancellationToken cancellationToken) where T : class;
}

internal static class BulkInsert
{
    internal static bool IsDefault(object? value) => value is null || value.Equals(Activator.CreateInstance(value.GetType()));

    /// <summary>The bulk insert for the context's provider, writing in its current transaction.</summary>
    public static IBulkInsert For(AppDbContext db)
    {
        // Audit rows are described from change-tracker entries; records written around the tracker cannot have them.
        if (db.AuditChanges) throw new InvalidOperationException("A bulk insert writes no audit rows: audited changes go through SaveChanges.");
        if (db.Database.IsSqlite()) return new SqliteBulkInsert(db);
        if (db.Database.IsNpgsql()) return new PostgresBulkInsert(db);
        throw new NotSupportedException($"There is no bulk insert for the database provider {db.Database.ProviderName}.");
    }
}

/// <summary>
/// Rows go in many per INSERT statement: fewer statements to run, and the full-text index (an FTS5 table kept by
/// trigger) merges its pending terms once per statement rather than once per row. New keys are handed out here, as
/// SQLite would (one above the largest the table has ever had), so a record's key is known before its row is sent.
/// </summary>
internal sealed class SqliteBulkInsert : IBulkInsert
{
    private const int RowsPerInsert = 64;

    private readonly AppDbContext db;
    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;

    // One instant for every record of the load, as one SaveChanges would stamp them.
    private readonly DateTimeOffset now;
    private readonly Dictionary<IEntityType, EntityRows> tables = [];
    private readonly Dictionary<ISkipNavigation, LinkRows> links = [];

    public SqliteBulkInsert(AppDbContext db)
    {
        this.db = db;
        connection = (SqliteConnection)db.Database.GetDbConnection();
        transaction = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction
            ?? throw new InvalidOperationException("A bulk insert runs in the caller's transaction, so that the caller's write is all or nothing.");
        now = db.Clock.GetUtcNow();
        // A load touches every page of several indexes in key order that is not insertion order: with SQLite's default
        // 2 MB page cache a 100k-statement load spends most of its time re-reading pages. Raised for this load only.
        previousCacheSize = Pragma("cache_size");
        Pragma($"cache_size = -{LoadCacheKibibytes}");
    }

    private const int LoadCacheKibibytes = 128 * 1024;

    private readonly object? previousCacheSize;

    private object? Pragma(string pragma) => Run("PRAGMA " + pragma);

    public void Insert<T>(IEnumerable<T> entities, CancellationToken cancellationToken) where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        if (entityType.GetTableName() == SqliteStatementTextSearch.IndexedTable)
            SqliteStatementTextSearch.LoadIndexingAfter(Run, () => Write(entityType, entities, cancellationToken));
        else
            Write(entityType, entities, cancellationToken);
    }

    private void Write<T>(IEntityType entityType, IEnumerable<T> entities, CancellationToken cancellationToken) where T : class
    {
        if (!tables.TryGetValue(entityType, out var rows)) tables[entityType] = rows = new EntityRows(connection, transaction, entityType);
        // A one-way many-to-many has a memberless navigation on the far side; the links are written from the near side.
        var skips = entityType.GetSkipNavigations().Where(skip => !skip.IsShadowProperty()).Select(skip => (Collection: Accessor.For(skip), Rows: Links(skip))).ToList();
        var restore = new[] { entityType.GetTableName()! }.Concat(skips.Select(skip => skip.Rows.Table)).SelectMany(SetAsideIndexesIfEmpty).ToList();
        var written = 0;
        foreach (var entity in entities)
        {
            if (++written % 1000 == 0) cancellationToken.ThrowIfCancellationRequested();
            if (entity is EditableRecord record) db.StampAdded(record, now);
            rows.Add(entity);
            foreach (var (collection, linkRows) in skips)
                foreach (var target in (IEnumerable?)collection.Get(entity) ?? Array.Empty<object>())
                    linkRows.Add(entity, target);
            // A link's row refers to the records at both ends: links are sent only once every record so far is.
            if (rows.IsSent)
                foreach (var (_, linkRows) in skips) linkRows.SendFullBatches();
        }
        rows.Flush();
        foreach (var (_, linkRows) in skips) linkRows.Flush();
        foreach (var index in restore) Run(index);
    }

    /// <summary>
    /// Before a load into an empty table: drops its indexes and returns the statements that make them again, as the
    /// schema defines them. An index is built faster from the whole table than grown row by row in key order that is
    /// not insertion order. A unique index that the rows break fails when it is made again, inside the load's
    /// transaction, which then restores everything as it was.
    /// </summary>
    private List<string> SetAsideIndexesIfEmpty(string table)
    {
        if (Run($"SELECT EXISTS (SELECT 1 FROM \"{table}\")") is 1L) return [];
        var indexes = new List<(string Name, string Sql)>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            // The automatic indexes of primary keys and UNIQUE constraints have no SQL of their own and stay.
            command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL";
            command.Parameters.AddWithValue("$table", table);
            using var reader = command.ExecuteReader();
            while (reader.Read()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes) Run($"DROP INDEX \"{name}\"");
        return indexes.Select(index => index.Sql).ToList();
    }

    private object? Run(string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction.Connection is null ? null : transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private LinkRows Links(ISkipNavigation skip)
    {
        if (!links.TryGetValue(skip, out var rows)) links[skip] = rows = new LinkRows(connection, skip);
        return rows;
    }

    public void Dispose()
    {
        foreach (var rows in tables.Values) rows.Dispose();
        foreach (var rows in links.Values) rows.Dispose();
        // The connection goes back to the pool with the cache size it had (dispose this before the commit closes it).
        if (connection.State == System.Data.ConnectionState.Open) Pragma($"cache_size = {Convert.ToInt64(previousCacheSize, System.Globalization.CultureInfo.InvariantCulture)}");
    }

    /// <summary>
    /// Rows waiting to be sent, <see cref="RowsPerInsert"/> to a statement; the last short batch goes row by row. Full
    /// batches are sent only when asked, so that a caller can hold rows back until the rows they refer to are sent.
    /// </summary>
    private sealed class PendingRows : IDisposable
    {
        private readonly SqlitePreparedInsert many;
        private readonly SqlitePreparedInsert one;
        private readonly int width;
        private object?[] values;
        private int rows;

        public PendingRows(SqliteConnection connection, string table, IReadOnlyList<string> columns,
            IReadOnlyList<RelationalTypeMapping> mappings)
        {
            many = new SqlitePreparedInsert(connection, table, columns, mappings, RowsPerInsert);
            one = new SqlitePreparedInsert(connection, table, columns, mappings);
            width = columns.Count;
            values = new object?[width * RowsPerInsert];
        }

        public bool IsEmpty => rows == 0;

        public object?[] Values => values;

        /// <summary>Makes room for one more row; its values go into <see cref="Values"/> from the offset returned.</summary>
        public int NextRow()
        {
            if ((rows + 1) * width > values.Length) Array.Resize(ref values, values.Length * 2);
            return rows++ * width;
        }

        /// <summary>Sends every full batch and keeps the rest.</summary>
        public void SendFullBatches()
        {
            var sent = 0;
            for (; rows - sent >= RowsPerInsert; sent += RowsPerInsert) many.Execute(values, sent * width);
            if (sent == 0) return;
            Array.Copy(values, sent * width, values, 0, (rows - sent) * width);
            rows -= sent;
        }

        /// <summary>Sends everything.</summary>
        public void Flush()
        {
            SendFullBatches();
            for (var row = 0; row < rows; row++) one.Execute(values, row * width);
            rows = 0;
        }

        public void Dispose()
        {
            many.Dispose();
            one.Dispose();
        }
    }

    /// <summary>The rows of one entity type's table, and the key fix-up SaveChanges would do around each insert.</summary>
    private sealed class EntityRows : IDisposable
    {
        private readonly PendingRows pending;
        private readonly (Accessor Value, ValueConverter? Converter)[] columns;
        private readonly Accessor? generatedKey;
        private readonly EntityLinks links;
        private long nextKey;

        public EntityRows(SqliteConnection connection, SqliteTransaction transaction, IEntityType entityType)
        {
            var mapping = entityType.GetTableMappings().Single();
            var key = entityType.FindPrimaryKey()!.Properties;
            var generated = key.Count == 1 && key[0].ValueGenerated.HasFlag(ValueGenerated.OnAdd) ? key[0] : null;
            var mapped = mapping.ColumnMappings.ToList();
            pending = new PendingRows(connection, mapping.Table.Name, mapped.Select(c => c.Column.Name).ToList(), mapped.Select(c => c.TypeMapping).ToList());
            columns = mapped.Select(c => (Accessor.For(c.Property), c.TypeMapping.Converter)).ToArray();
            generatedKey = generated is null ? null : Accessor.For(generated);
            if (generated is not null)
                nextKey = NextKey(connection, transaction, mapping.Table.Name, mapping.ColumnMappings.Single(c => c.Property == generated).Column.Name);
            links = new EntityLinks(entityType);
        }

        /// <summary>
        /// The key SQLite would give the next row: one above the largest it has ever used in the table (the
        /// AUTOINCREMENT counter remembers deleted rows' keys) or holds now.
        /// </summary>
        private static long NextKey(SqliteConnection connection, SqliteTransaction transaction, string table, string column)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT MAX(x) FROM (SELECT MAX(\"{column}\") AS x FROM \"{table}\" UNION ALL SELECT seq FROM sqlite_sequence WHERE name = $table)";
            command.Parameters.AddWithValue("$table", table);
            return (command.ExecuteScalar() is long largest ? largest : 0) + 1;
        }

        public void Add(object entity)
        {
            if (generatedKey is not null)
            {
                if (!IsDefault(generatedKey.Get(entity))) throw new InvalidOperationException($"{entity.GetType().Name} already has a key: it is stored, not new.");
                generatedKey.Set(entity, Convert.ChangeType(nextKey++, generatedKey.Type, System.Globalization.CultureInfo.InvariantCulture));
            }
            links.TakeForeignKeys(entity);
            var offset = pending.NextRow();
            for (var i = 0; i < columns.Length; i++)
            {
                var value = columns[i].Value.Get(entity);
                pending.Values[offset + i] = value is not null && columns[i].Converter is { } converter ? converter.ConvertToProvider(value) : value;
            }
            pending.SendFullBatches();
            links.HandKeyToDependents(entity);
        }

        /// <summary>Whether every row added so far has been sent.</summary>
        public bool IsSent => pending.IsEmpty;

        public void Flush() => pending.Flush();

        public void Dispose() => pending.Dispose();
    }

    /// <summary>The rows of a many-to-many join table, written from one side's skip navigation.</summary>
    private sealed class LinkRows : IDisposable
    {
        private readonly PendingRows pending;
        private readonly Accessor[] fromKey;
        private readonly Accessor[] toKey;

        public LinkRows(SqliteConnection connection, ISkipNavigation skip)
        {
            var join = skip.JoinEntityType;
            var to = join.GetForeignKeys().Single(fk => fk != skip.ForeignKey);
            var mapping = join.GetTableMappings().Single();
            var columns = skip.ForeignKey.Properties.Concat(to.Properties)
                .Select(p => mapping.ColumnMappings.Single(c => c.Property == p)).ToList();
            if (columns.Count != mapping.ColumnMappings.Count())
                throw new NotSupportedException($"The join table {mapping.Table.Name} has columns besides its two keys.");
            Table = mapping.Table.Name;
            pending = new PendingRows(connection, Table, columns.Select(c => c.Column.Name).ToList(), columns.Select(c => c.TypeMapping).ToList());
            fromKey = skip.ForeignKey.PrincipalKey.Properties.Select(Accessor.For).ToArray();
            toKey = to.PrincipalKey.Properties.Select(Accessor.For).ToArray();
        }

        public string Table { get; }

        public void Add(object from, object to)
        {
            var offset = pending.NextRow();
            for (var i = 0; i < fromKey.Length; i++) pending.Values[offset + i] = fromKey[i].Get(from);
            for (var i = 0; i < toKey.Length; i++) pending.Values[offset + fromKey.Length + i] = toKey[i].Get(to);
            for (var i = 0; i < fromKey.Length + toKey.Length; i++)
                if (IsDefault(pending.Values[offset + i])) throw new InvalidOperationException($"A link from {from.GetType().Name} to a {to.GetType().Name} that is not written yet.");
        }

        public void SendFullBatches() => pending.SendFullBatches();

        public void Flush() => pending.Flush();

        public void Dispose() => pending.Dispose();
    }

    private static bool IsDefault(object? value) => BulkInsert.IsDefault(value);
}

/// <summary>Compiled get and set of a mapped CLR member (property, or its backing field when it has no setter).</summary>
internal sealed class Accessor
{
    private static readonly Dictionary<IPropertyBase, Accessor> Cache = [];

    private Accessor(Type type, Func<object, object?> get, Action<object, object?> set)
    {
        Type = Nullable.GetUnderlyingType(type) ?? type;
        Get = get;
        Set = set;
    }

    public Type Type { get; }
    public Func<object, object?> Get { get; }
    public Action<object, object?> Set { get; }

    public static Accessor For(IPropertyBase property)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(property, out var cached)) return cached;
            var read = (MemberInfo?)property.PropertyInfo ?? property.FieldInfo
                       ?? throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name} is a shadow property; the bulk insert writes CLR members only.");
            var write = property.PropertyInfo?.SetMethod is not null ? property.PropertyInfo : (MemberInfo?)property.FieldInfo ?? read;
            var entity = Expression.Parameter(typeof(object), "entity");
            var value = Expression.Parameter(typeof(object), "value");
            var typed = Expression.Convert(entity, property.DeclaringType.ClrType);
            var get = Expression.Lambda<Func<object, object?>>(Expression.Convert(Expression.MakeMemberAccess(typed, read), typeof(object)), entity).Compile();
            var target = Expression.MakeMemberAccess(typed, write);
            var set = Expression.Lambda<Action<object, object?>>(Expression.Assign(target, Expression.Convert(value, target.Type)), entity, value).Compile();
            return Cache[property] = new Accessor(property.ClrType, get, set);
        }
    }
}
