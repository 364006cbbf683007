namespace AlliancePositions.Core.Actors;

/// <summary>An actor named and linked where its stance, shift or chart line is shown.</summary>
public sealed record ActorRef(string Slug, string Name);
