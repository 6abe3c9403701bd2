using System.Net.Http.Json;
using System.Text.Json;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.IntegrationTests.Projects;
using Advocacy.Modules.Coalitions;

namespace Advocacy.IntegrationTests.Coalitions;

/// <summary>The coalitions, the network statement and a meeting from the seed texts, as the run command loads them.</summary>
public sealed class CoalitionsDemoDataTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task The_seed_texts_coalitions_statement_and_meeting_are_there_and_publish_nothing()
    {
        var client = await app.ClientAsync(Roles.Manager);

        var coalitions = await client.GetFromJsonAsync<JsonElement>("/api/coalitions?ourRole=member&current=true");
        Assert.Equal(5, coalitions.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>("/api/coalitions?level=european")).GetProperty("totalCount").GetInt32());

        var statement = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/statements")).GetProperty("items").EnumerateArray());
        Assert.Equal("ECPAT statement on the protection of refugee and migrant children", statement.GetProperty("title").GetString());
        Assert.Equal(("European institutions", "2015-10-28", 12, true, JsonValueKind.Null),
            (statement.GetProperty("addressedTo").GetString(), statement.GetProperty("date").GetString(),
             statement.GetProperty("signatoryCount").GetInt32(), statement.GetProperty("signedByUs").GetBoolean(),
             statement.GetProperty("coalitionId").ValueKind));
        Assert.Contains("ECPAT Belgium", statement.GetProperty("signatories").EnumerateArray().Select(s => s.GetString()));

        var kinderrechtencoalitie = coalitions.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Kinderrechtencoalitie");
        var meetings = await client.GetFromJsonAsync<JsonElement>($"/api/coalitions/{kinderrechtencoalitie.GetProperty("id").GetGuid()}/meetings");
        Assert.Equal(1, Assert.Single(meetings.GetProperty("items").EnumerateArray()).GetProperty("followUps").GetArrayLength());

        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM coalitions.outbox_messages"));
    }

    [Fact]
    public async Task Loading_the_coalitions_demo_data_again_changes_nothing()
    {
        const string Rows = """
            SELECT (SELECT count(*) FROM coalitions.coalitions) + (SELECT count(*) FROM coalitions.meetings)
                 + (SELECT count(*) FROM coalitions.follow_ups) + (SELECT count(*) FROM coalitions.statements)
            """;
        Assert.Equal(8L, await app.ScalarAsync<long>(Rows));

        await app.Services.SeedCoalitionsDemoDataAsync(CancellationToken.None);

        Assert.Equal(8L, await app.ScalarAsync<long>(Rows));
    }
}
