using System.Collections;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace AlliancePositions.Core.Data;

/// <summary>
/// The PostgreSQL bulk insert: each <see cref="Insert{T}"/> call sends its table's rows in one binary COPY, then the
/// many-to-many links it carries in one COPY per join table. A COPY holds the connection until it completes, so keys
/// are reserved first, in one round trip, from the table's own identity sequence (<c>nextval</c>): a concurrent writer
/// on another node gets other keys, and none is handed out twice. Generated columns (the full-text vector) are left to
/// the server. Rows go in the caller's transaction; foreign keys are checked as each COPY ends, so principals are
/// inserted first (as on SQLite).
/// </summary>
internal sealed partial class PostgresBulkInsert : IBulkInsert
{
    private readonly AppDbContext db;
    private readonly NpgsqlConnection connection;
    private readonly DateTimeOffset now;
    private readonly Dictionary<IEntityType, Table> tables = [];

    public PostgresBulkInsert(AppDbContext db)
    {
        this.db = db;
        connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A bulk insert runs in the caller's transaction, so that the caller's write is all or nothing.");
        // timestamptz holds instants: stamped in UTC, as Npgsql writes them.
        now = db.Clock.GetUtcNow().ToUniversalTime();
    }

    public void Insert<T>(IEnumerable<T> entities, CancellationToken cancellationToken) where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        if (!tables.TryGetValue(entityType, out var table)) tables[entityType] = table = new Table(entityType);
        var list = entities as IReadOnlyList<T> ?? entities.ToList();
        if (list.Count == 0) return;
        var keys = table.GeneratedKey is null ? null : ReserveKeys(table, list.Count);
        var rows = new List<object?[]>(list.Count);
        var links = table.Skips.Select(_ => new List<object?[]>()).ToArray();
        for (var n = 0; n < list.Count; n++)
        {
            if (n % 1000 == 999) cancellationToken.ThrowIfCancellationRequested();
            var entity = list[n];
            if (entity is EditableRecord record) db.StampAdded(record, now);
            rows.Add(table.Row(entity, keys?[n]));
            for (var s = 0; s < table.Skips.Length; s++)
                foreach (var target in (IEnumerable?)table.Skips[s].Collection.Get(entity) ?? Array.Empty<object>())
                    links[s].Add(table.Skips[s].Link(entity, target));
        }
        Copy(table.Name, table.Columns, rows);
        for (var s = 0; s < table.Skips.Length; s++) Copy(table.Skips[s].Name, table.Skips[s].Columns, links[s]);
    }

    private long[] ReserveKeys(Table table, int count)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT nextval(pg_get_serial_sequence(@table, @column)) FROM generate_series(1, @count) ORDER BY 1";
        command.Parameters.AddWithValue("table", $"\"{table.Name}\"");
        command.Parameters.AddWithValue("column", table.GeneratedKey!.Value.Column);
        command.Parameters.AddWithValue("count", count);
        var keys = new long[count];
        using var reader = command.ExecuteReader();
        for (var i = 0; reader.Read(); i++) keys[i] = reader.GetInt64(0);
        return keys;
    }

    private void Copy(string table, IReadOnlyList<Column> columns, List<object?[]> rows)
    {
        if (rows.Count == 0) return;
        var restore = IsEmpty(table) ? SetAsideChecksAndIndexes(table) : [];
        using (var importer = connection.BeginBinaryImport(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                importer.StartRow();
                for (var i = 0; i < columns.Count; i++)
                {
                    if (row[i] is null) importer.WriteNull();
                    else importer.Write(row[i], columns[i].DataTypeName);
                }
            }
            importer.Complete();
        }
        foreach (var statement in restore) Execute(statement);
    }

    private bool IsEmpty(string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT NOT EXISTS (SELECT 1 FROM \"{table}\")";
        return (bool)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Before a load into an empty table: drops its foreign keys and the indexes no constraint stands on, and returns
    /// the statements that make them again, as the catalogue defines them. PostgreSQL checks a foreign key row by row
    /// during a COPY (a query per row and key) but in one join when the key is added; an index is built faster from
    /// the whole table than grown row by row. At 100k statements the codings' COPY took 17 s, mostly those checks.
    /// It all runs in the load's transaction: a load that fails leaves the keys and indexes as they were. Until the
    /// commit the drops lock the table (empty, so no reader misses data) and keep writers out of the tables its keys
    /// refer to, as the load's own writes would for most of them.
    /// </summary>
    private List<string> SetAsideChecksAndIndexes(string table)
    {
        var drops = new List<string>();
        var restore = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname),
                       format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
                FROM pg_constraint WHERE conrelid = @table::regclass AND contype = 'f'
                UNION ALL
                SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
                FROM pg_index i
                WHERE i.indrelid = @table::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                """;
            command.Parameters.AddWithValue("table", $"\"{table}\"");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                drops.Add(reader.GetString(0));
                restore.Add(reader.GetString(1));
            }
        }
        foreach (var drop in drops) Execute(drop);
        return restore;
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() { }

    /// <summary>A column and the PostgreSQL type COPY writes it as (the store type without its length: "character varying").</summary>
    private sealed record Column(string Name, string DataTypeName)
    {
        public static Column Of(IColumnMappingBase mapping) => new(mapping.Column.Name, Facets().Replace(mapping.Column.StoreType, ""));
    }

    [GeneratedRegex(@"\(\d+(,\s*\d+)?\)")]
    private static partial Regex Facets();

    /// <summary>How one entity type becomes rows: its columns (generated ones left out), key and foreign keys.</summary>
    private sealed class Table
    {
        private readonly (Accessor Value, ValueConverter? Converter)[] values;
        private readonly EntityLinks links;

        public Table(IEntityType entityType)
        {
            var mapping = entityType.GetTableMappings().Single();
            Name = mapping.Table.Name;
            var key = entityType.FindPrimaryKey()!.Properties;
            var generated = key.Count == 1 && key[0].ValueGenerated.HasFlag(ValueGenerated.OnAdd) ? key[0] : null;
            var mapped = mapping.ColumnMappings.Where(c => c.Property.GetComputedColumnSql() is null).ToList();
            Columns = mapped.Select(Column.Of).ToList();
            values = mapped.Select(c => (Accessor.For(c.Property), c.TypeMapping.Converter)).ToArray();
            if (generated is not null)
                GeneratedKey = (Accessor.For(generated), mapping.ColumnMappings.Single(c => c.Property == generated).Column.Name);
            links = new EntityLinks(entityType);
            // A one-way many-to-many has a memberless navigation on the far side; the links are written from the near side.
            Skips = entityType.GetSkipNavigations().Where(skip => !skip.IsShadowProperty()).Select(skip => new LinkTable(skip)).ToArray();
        }

        public string Name { get; }
        public IReadOnlyList<Column> Columns { get; }
        public (Accessor Accessor, string Column)? GeneratedKey { get; }
        public LinkTable[] Skips { get; }

        /// <summary>
        /// Gives <paramref name="entity"/> its key, takes its foreign keys from its references, hands its key to the
        /// records in its collections (which are inserted next), and returns its row.
        /// </summary>
        public object?[] Row(object entity, long? key)
        {
            if (GeneratedKey is { } generated)
            {
                if (!BulkInsert.IsDefault(generated.Accessor.Get(entity))) throw new InvalidOperationException($"{entity.GetType().Name} already has a key: it is stored, not new.");
                generated.Accessor.Set(entity, Convert.ChangeType(key!.Value, generated.Accessor.Type, System.Globalization.CultureInfo.InvariantCulture));
            }
            links.TakeForeignKeys(entity);
            var row = new object?[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i].Value.Get(entity);
                row[i] = value is not null && values[i].Converter is { } converter ? converter.ConvertToProvider(value) : value;
                if (row[i] is DateTimeOffset instant) row[i] = instant.ToUniversalTime();
            }
            links.HandKeyToDependents(entity);
            return row;
        }
    }

    /// <summary>A many-to-many join table, written from one side's skip navigation.</summary>
    private sealed class LinkTable
    {
        private readonly Accessor[] fromKey;
        private readonly Accessor[] toKey;

        public LinkTable(ISkipNavigation skip)
        {
            var join = skip.JoinEntityType;
            var to = join.GetForeignKeys().Single(fk => fk != skip.ForeignKey);
            var mapping = join.GetTableMappings().Single();
            var columns = skip.ForeignKey.Properties.Concat(to.Properties).Select(p => mapping.ColumnMappings.Single(c => c.Property == p)).ToList();
            if (columns.Count != mapping.ColumnMappings.Count())
                throw new NotSupportedException($"The join table {mapping.Table.Name} has columns besides its two keys.");
            Name = mapping.Table.Name;
            Columns = columns.Select(Column.Of).ToList();
            Collection = Accessor.For(skip);
            fromKey = skip.ForeignKey.PrincipalKey.Properties.Select(Accessor.For).ToArray();
            toKey = to.PrincipalKey.Properties.Select(Accessor.For).ToArray();
        }

        public string Name { get; }
        public IReadOnlyList<Column> Columns { get; }
        public Accessor Collection { get; }

        public object?[] Link(object from, object to)
        {
            var row = fromKey.Select(k => k.Get(from)).Concat(toKey.Select(k => k.Get(to))).ToArray();
            if (row.Any(BulkInsert.IsDefault)) throw new InvalidOperationException($"A link from {from.GetType().Name} to a {to.GetType().Name} that is not written yet.");
            return row;
        }
    }
}
