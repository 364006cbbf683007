using System.Data.Common;
using System.Runtime.CompilerServices;
using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Meetings;
using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Statements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlliancePositions.Core.Stances;

public sealed partial class StanceCache
{
    /// <summary>
    /// Clears the cache after anything is written through an app context, telling it what changed when the context's
    /// change tracker knows (<see cref="Classify"/>): a save through EF names its statements, codings, relations and
    /// actors. Anything else is taken as a change of everything: a transaction the app opened itself (an import's bulk
    /// load writes past the change tracker, and commits once at the end), and commands run without a result set
    /// outside a save (bulk and raw SQL writes).
    /// </summary>
    public sealed class Invalidation(StanceCache cache) : ISaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
    {
        /// <summary>The save each context is in, from its start to its end.</summary>
        private readonly ConditionalWeakTable<DbContext, Save> saves = [];

        /// <summary>
        /// A save in progress: what it changes (its new rows' ids are known once it has run), and whether it runs inside
        /// a transaction the app opened, whose commit tells instead.
        /// </summary>
        private sealed record Save(Func<CorpusChange> Change, bool InAppTransaction);

        public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            if (eventData.Context is { } context)
                saves.AddOrUpdate(context, new Save(Classify(context.ChangeTracker), context.Database.CurrentTransaction is not null));
            return result;
        }

        public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(SavingChanges(eventData, result));

        public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            var save = Finish(eventData.Context);
            if (result > 0 && save is not { InAppTransaction: true }) cache.Invalidate(save?.Change() ?? CorpusChange.All);
            return result;
        }

        public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(SavedChanges(eventData, result));

        public void SaveChangesFailed(DbContextErrorEventData eventData) => Finish(eventData.Context);

        public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Finish(eventData.Context);
            return Task.CompletedTask;
        }

        public void SaveChangesCanceled(DbContextEventData eventData) => Finish(eventData.Context);

        public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
        {
            Finish(eventData.Context);
            return Task.CompletedTask;
        }

        private Save? Finish(DbContext? context)
        {
            if (context is null || !saves.TryGetValue(context, out var save)) return null;
            saves.Remove(context);
            return save;
        }

        public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
        {
            // The transaction a save opens for itself: the save tells what it changed once it is done.
            if (eventData.Context is { } context && saves.TryGetValue(context, out var save) && !save.InAppTransaction) return;
            cache.Invalidate(CorpusChange.All);
        }

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            TransactionCommitted(transaction, eventData);
            return Task.CompletedTask;
        }

        public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            // A save's own commands are told by the save.
            if (result > 0 && !(eventData.Context is { } context && saves.TryGetValue(context, out _))) cache.Invalidate(CorpusChange.All);
            return result;
        }

        public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(NonQueryExecuted(command, eventData, result));

        /// <summary>
        /// What the tracked changes change of the histories' data (<see cref="StanceQueries"/> walks codings, their
        /// statements, the statements' relations and the actors): the statements and actors touched, read once the save
        /// has run (a new statement has its id only then), and whether meetings changed (an actor's page lists those
        /// attended). A question edited, or a statement deleted (its retractions of others go with it, out of sight),
        /// is a change of everything. Unless an actor was edited, it names the questions of the codings it touched, and
        /// says whether statements or relations were edited too (their questions are read when the change is).
        /// Every other entity leaves the histories be.
        /// </summary>
        internal static Func<CorpusChange> Classify(ChangeTracker tracker)
        {
            var statements = new List<Func<int>>();
            var actors = new List<Func<int>>();
            var meetings = false;
            // The questions of the codings touched, as long as no actor was (an actor's name is on every line of theirs).
            List<Func<int>>? questions = [];
            var statementsEdited = false;
            foreach (var entry in tracker.Entries())
            {
                if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
                if (entry.Metadata.ClrType == typeof(Meeting) || entry.Metadata.Name == MeetingConfiguration.Participants) meetings = true;
                switch (entry.Entity)
                {
                    case Question:
                    case Statement when entry.State == EntityState.Deleted:
                        return () => CorpusChange.All;
                    case Statement statement:
                        statements.Add(() => statement.Id);
                        if (entry.State == EntityState.Modified) actors.Add(Original(entry, nameof(Statement.ActorId)));
                        statementsEdited = true;
                        break;
                    case Coding coding:
                        statements.Add(() => coding.StatementId);
                        questions?.Add(() => coding.QuestionId);
                        if (entry.State != EntityState.Added)
                        {
                            statements.Add(Original(entry, nameof(Coding.StatementId)));
                            questions?.Add(Original(entry, nameof(Coding.QuestionId)));
                        }
                        break;
                    case StatementRelation relation:
                        statementsEdited = true;
                        statements.Add(() => relation.FromStatementId);
                        statements.Add(() => relation.ToStatementId);
                        if (entry.State != EntityState.Added)
                        {
                            statements.Add(Original(entry, nameof(StatementRelation.FromStatementId)));
                            statements.Add(Original(entry, nameof(StatementRelation.ToStatementId)));
                        }
                        break;
                    case Actor actor:
                        actors.Add(() => actor.Id);
                        questions = null;
                        break;
                }
            }
            return () => CorpusChange.Of(statements.Select(id => id()), actors.Select(id => id()), meetings,
                statements.Count > 0 ? questions?.Select(id => id()) : null, statementsEdited);
        }

        private static Func<int> Original(EntityEntry entry, string property)
        {
            var value = (int)entry.OriginalValues[property]!;
            return () => value;
        }
    }
}
