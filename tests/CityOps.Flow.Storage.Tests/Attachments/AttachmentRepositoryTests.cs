using CityOps.Flow.Storage.Tests.Cases;
using CityOps.Flow.Storage.Tests.Databases;
using static CityOps.Flow.Storage.Tests.Cases.CaseScenario;

namespace CityOps.Flow.Storage.Tests.Attachments;

public sealed class AttachmentRepositoryTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Photos_are_listed_in_upload_order_and_read_back_byte_for_byte(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var opened = await scenario.OpenAsync(Report("photo-1", "占道经营", Morning), Lujiazui);
        var repository = new AttachmentRepository(scenario.Database);
        byte[] first = [1, 2, 3, 4];
        byte[] second = [5, 6, 7];

        await repository.AddAsync(Attachment(opened.Id, "a", "aa"), first);
        await repository.AddAsync(Attachment(opened.Id, "b", "bb") with { ReportId = 1 }, second);

        var listed = await repository.ListAsync(opened.Id);
        Assert.Equal(["a", "b"], listed.Select(a => a.Id));
        Assert.Equal(Morning, listed[0].UploadedAt);
        var read = await repository.ReadAsync(opened.Id, "b");
        Assert.Equal(second, read!.Value.Content);
        Assert.Equal(1, read.Value.Attachment.ReportId);
        Assert.Null(await repository.ReadAsync("another-case", "b"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_same_bytes_added_to_a_case_twice_are_stored_once(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var opened = await scenario.OpenAsync(Report("photo-2", "井盖缺失", Morning), Lujiazui);
        var repository = new AttachmentRepository(scenario.Database);

        var first = await repository.AddAsync(Attachment(opened.Id, "a", "same"), new byte[] { 9 });
        var again = await repository.AddAsync(Attachment(opened.Id, "b", "same"), new byte[] { 9 });

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal("a", again.Attachment.Id);
        Assert.Single(await repository.ListAsync(opened.Id));
    }

    private static AttachmentRecord Attachment(string caseId, string id, string sha) => new()
    {
        Id = id,
        CaseId = caseId,
        FileName = id + ".jpg",
        MediaType = "image/jpeg",
        SizeBytes = 4,
        Width = 4032,
        Height = 3024,
        Sha256 = sha,
        UploadedBy = "operator",
        UploadedAt = Morning,
    };
}
