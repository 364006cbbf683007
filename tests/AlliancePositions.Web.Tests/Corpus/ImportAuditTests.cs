using System.Net;
using System.Text;
using System.Text.Json;
using AlliancePositions.Web.Tests.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Web.Tests.Corpus;

public class ImportAuditTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_import_is_in_the_audit_log_with_who_imported_it_and_what_it_added()
    {
        using var analyst = await ApiAccount.CreateAsync(app, "Analyst");
        var key = $"audited-{Guid.NewGuid():N}"[..20];
        var body = new StringContent($$"""{"formatVersion":1,"coders":[{"key":"{{key}}","displayName":"Audited"}]}""", Encoding.UTF8, "application/json");

        var response = await analyst.Client.PostAsync("/api/import", body, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "import" && e.UserName == analyst.Email, Ct);
        Assert.Equal("Corpus", entry.RecordType);
        Assert.Equal(1, JsonDocument.Parse(entry.NewValues!).RootElement.GetProperty("added").GetInt32());
    }
}
