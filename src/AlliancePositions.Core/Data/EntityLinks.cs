using System.Collections;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AlliancePositions.Core.Data;

/// <summary>
/// How a record's keys pass along its navigations when the bulk inserts write it, one provider or the other: it takes
/// its foreign keys from the records it refers to (written before it), and hands its own key to the records in its
/// collections (written after it).
/// </summary>
internal sealed class EntityLinks
{
    private readonly (Accessor Navigation, Accessor[] ForeignKey, Accessor[] PrincipalKey)[] references;
    private readonly (Accessor Collection, Accessor[] ForeignKey, Accessor? Back, Accessor[] PrincipalKey)[] dependents;

    public EntityLinks(IEntityType entityType)
    {
        references = entityType.GetForeignKeys().Where(fk => fk.DependentToPrincipal is not null)
            .Select(fk => (Accessor.For(fk.DependentToPrincipal!), fk.Properties.Select(Accessor.For).ToArray(),
                fk.PrincipalKey.Properties.Select(Accessor.For).ToArray()))
            .ToArray();
        dependents = entityType.GetNavigations().Where(n => n.IsCollection && !n.IsOnDependent)
            .Select(n => (Accessor.For(n), n.ForeignKey.Properties.Select(Accessor.For).ToArray(),
                n.ForeignKey.DependentToPrincipal is { } back ? Accessor.For(back) : null,
                n.ForeignKey.PrincipalKey.Properties.Select(Accessor.For).ToArray()))
            .ToArray();
    }

    public void TakeForeignKeys(object entity)
    {
        foreach (var (navigation, foreignKey, principalKey) in references)
            if (navigation.Get(entity) is { } principal) CopyKey(principal, principalKey, entity, foreignKey);
    }

    public void HandKeyToDependents(object entity)
    {
        foreach (var (collection, foreignKey, back, principalKey) in dependents)
            foreach (var dependent in (IEnumerable?)collection.Get(entity) ?? Array.Empty<object>())
            {
                CopyKey(entity, principalKey, dependent, foreignKey);
                if (back is not null && back.Get(dependent) is null) back.Set(dependent, entity);
            }
    }

    private static void CopyKey(object principal, Accessor[] principalKey, object dependent, Accessor[] foreignKey)
    {
        for (var i = 0; i < foreignKey.Length; i++)
        {
            var value = principalKey[i].Get(principal);
            if (BulkInsert.IsDefault(value))
                throw new InvalidOperationException($"{dependent.GetType().Name} refers to a {principal.GetType().Name} that is not written yet: insert principals first.");
            foreignKey[i].Set(dependent, value);
        }
    }
}
