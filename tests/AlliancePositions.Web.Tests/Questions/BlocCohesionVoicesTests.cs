using AlliancePositions.Web.Questions;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Questions;

public class BlocCohesionVoicesTests : SeededComponentTest
{
    public BlocCohesionVoicesTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    private IRenderedComponent<QuestionPage> RenderQuestion(string asOf)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/questions/troop-deployment?asOf={asOf}&knownAt={asOf}");
        return Render<QuestionPage>(p => p.Add(c => c.Slug, "troop-deployment"));
    }

    [Fact]
    public void A_member_without_a_position_says_why_and_every_member_says_whose_office_it_speaks_through()
    {
        var page = RenderQuestion("2025-06-01");

        page.WaitForAssertion(() => Assert.Contains(
            "Germany has no position: nobody is recorded in its executive offices on 1 Jun 2025; Olaf Scholz's office (Federal Chancellor of Germany) ended on 6 May 2025.",
            page.Find(".cohesion .missing").TextContent, StringComparison.Ordinal));
        Assert.Contains("Whose office each member speaks through", page.Find("details.voices summary").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void While_in_office_the_chancellor_is_named_as_Germanys_voice()
    {
        var page = RenderQuestion("2024-04-30");

        page.WaitForAssertion(() => Assert.Contains("Germany speaks through Olaf Scholz (Federal Chancellor of Germany).",
            page.Find("details.voices").TextContent, StringComparison.Ordinal));
    }
}
