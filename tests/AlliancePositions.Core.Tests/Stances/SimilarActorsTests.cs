using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Stances;

namespace AlliancePositions.Core.Tests.Stances;

public class SimilarActorsTests
{
    private static readonly ActorRef Ada = new("ada", "Ada"), Bea = new("bea", "Bea"), Cy = new("cy", "Cy"), Dan = new("dan", "Dan"), Eve = new("eve", "Eve");

    private static List<ActorStance> On(params (ActorRef Actor, Stance Stance)[] stances) => stances.Select(s => new ActorStance(s.Actor, s.Stance)).ToList();

    [Fact]
    public void Actors_rank_by_the_matrix_agreement_score_and_those_sharing_no_position_are_left_out()
    {
        var byQuestion = new Dictionary<string, IReadOnlyList<ActorStance>>
        {
            // Ada +2; Bea +1 (0.75), Cy -2 (0), Dan not enough evidence (no score).
            ["q1"] = On((Ada, Stances.At(2)), (Bea, Stances.At(1)), (Cy, Stances.At(-2)), (Dan, Stances.NotEnough())),
            // Ada -1; Cy -1 (1): Cy's mean (0 + 1) / 2 = 0.5, below Bea's 0.75.
            ["q2"] = On((Ada, Stances.At(-1)), (Cy, Stances.At(-1))),
        };

        var similar = SimilarActors.Rank("ada", byQuestion, take: 5);

        Assert.Equal([("bea", 0.75, 1), ("cy", 0.5, 2)], similar.Select(s => (s.Actor.Slug, s.Score, s.SharedQuestions)));
        Assert.Equal(Agreement.Overall(
            new Dictionary<string, Stance> { ["q1"] = byQuestion["q1"][0].Stance, ["q2"] = byQuestion["q2"][0].Stance },
            new Dictionary<string, Stance> { ["q1"] = byQuestion["q1"][2].Stance, ["q2"] = byQuestion["q2"][1].Stance }).Score, similar[1].Score);
    }

    [Fact]
    public void On_an_equal_score_more_questions_in_common_come_first_and_only_the_few_asked_for_are_kept()
    {
        var byQuestion = new Dictionary<string, IReadOnlyList<ActorStance>>
        {
            ["q1"] = On((Ada, Stances.At(1)), (Bea, Stances.At(1)), (Cy, Stances.At(1)), (Eve, Stances.At(-1))),
            ["q2"] = On((Ada, Stances.At(0)), (Cy, Stances.At(0)), (Eve, Stances.At(0))),
        };

        var similar = SimilarActors.Rank("ada", byQuestion, take: 2);

        Assert.Equal(["cy", "bea"], similar.Select(s => s.Actor.Slug));
    }

    [Fact]
    public void Nobody_sharing_a_question_gives_an_empty_list()
    {
        var byQuestion = new Dictionary<string, IReadOnlyList<ActorStance>> { ["q1"] = On((Ada, Stances.At(1))) };

        Assert.Empty(SimilarActors.Rank("ada", byQuestion, take: 5));
    }
}
