using System.Collections.Concurrent;
using System.Diagnostics;
using Identity.Issuer.Storage;
using Identity.Issuer.Storage.Sql;
using Xunit.Abstractions;

namespace Identity.Issuer.Tests.Storage;

/// <summary>The behaviour every store must have, run against a real SQLite file and a real PostgreSQL server.</summary>
public abstract class IssuerStoreContractTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<SqlIssuerStore> opened = [];

    private protected SettableTimeProvider Time { get; } = new(StoreRecords.IssuedAt);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in opened)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task MigrateAsync_TwoInstancesAtOnceAndAgain_SchemaAtLatestVersion()
    {
        var options = await NewDatabaseAsync();
        var first = Open(options);
        var second = Open(options);
        Assert.Equal(0, await first.GetSchemaVersionAsync());

        await Task.WhenAll(first.MigrateAsync(), second.MigrateAsync());
        await first.MigrateAsync();

        Assert.Equal(Migrations.Latest, await second.GetSchemaVersionAsync());
    }

    [Fact]
    public async Task SaveIssuedAsync_ThenFind_RoundTripsWithoutClaims()
    {
        var store = await OpenMigratedAsync();
        var credential = StoreRecords.Credential(await store.ReserveStatusEntryAsync());

        await store.SaveIssuedAsync(credential, StoreRecords.Issued(credential));
        var found = await store.FindCredentialAsync(credential.Id);

        Assert.NotNull(found);
        Assert.Equal(credential.Id, found.Id);
        Assert.Equal(credential.Type, found.Type);
        Assert.Equal(credential.SubjectDid, found.SubjectDid);
        Assert.Equal(credential.Format, found.Format);
        Assert.Equal(credential.IssuedAt, found.IssuedAt);
        Assert.Equal(credential.ExpiresAt, found.ExpiresAt);
        Assert.Equal(credential.Status, found.Status);
        Assert.Equal(CredentialState.Active, found.State);
        Assert.Equal(credential.TokenSha256, found.TokenSha256);
        Assert.Equal(credential.IssuedBy, found.IssuedBy);
        Assert.Null(found.ClaimsJson);
        Assert.Empty(found.History);
        Assert.Equal([StoreRecords.Issued(credential)], await store.ReadAuditAsync(credential.Id));
    }

    [Fact]
    public async Task SaveIssuedAsync_KeepClaimsAndNoExpiry_KeepsClaims()
    {
        var options = await NewDatabaseAsync();
        options.KeepClaims = true;
        var store = Open(options);
        await store.MigrateAsync();
        var credential = StoreRecords.Credential(await store.ReserveStatusEntryAsync()) with { ExpiresAt = null };

        await store.SaveIssuedAsync(credential, StoreRecords.Issued(credential));
        var found = await store.FindCredentialAsync(credential.Id);

        Assert.Equal(credential.ClaimsJson, found?.ClaimsJson);
        Assert.Null(found?.ExpiresAt);
    }

    [Fact]
    public async Task FindCredentialAsync_UnknownId_Null()
    {
        var store = await OpenMigratedAsync();

        Assert.Null(await store.FindCredentialAsync("urn:uuid:nobody"));
        Assert.Empty(await store.ReadAuditAsync("urn:uuid:nobody"));
    }

    [Fact]
    public async Task SaveIssuedAsync_DuplicateIdAmongConcurrentSaves_FailsAloneOthersStored()
    {
        var store = await OpenMigratedAsync();
        var original = StoreRecords.Credential(await store.ReserveStatusEntryAsync());
        await store.SaveIssuedAsync(original, StoreRecords.Issued(original));
        var others = new List<IssuedCredentialRecord>();
        for (var i = 0; i < 20; i++)
        {
            others.Add(StoreRecords.Credential(await store.ReserveStatusEntryAsync()));
        }

        var duplicate = StoreRecords.Credential(await store.ReserveStatusEntryAsync(), original.Id);
        var saves = others.Select(c => store.SaveIssuedAsync(c, StoreRecords.Issued(c))).ToList();
        var failing = store.SaveIssuedAsync(duplicate, StoreRecords.Issued(duplicate));
        await Task.WhenAll(saves);

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        foreach (var credential in others)
        {
            Assert.NotNull(await store.FindCredentialAsync(credential.Id));
        }

        Assert.Equal(original.TokenSha256, (await store.FindCredentialAsync(original.Id))?.TokenSha256);
    }

    [Fact]
    public async Task SaveIssuedAsync_EntryNeverReserved_Fails()
    {
        var store = await OpenMigratedAsync();
        var entry = await store.ReserveStatusEntryAsync();
        var credential = StoreRecords.Credential(entry with { Index = (entry.Index + 1) % IssuerStorageOptions.DefaultStatusListCapacity });

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveIssuedAsync(credential, StoreRecords.Issued(credential)));
        Assert.Null(await store.FindCredentialAsync(credential.Id));
    }

    [Fact]
    public async Task SaveIssuedAsync_EntryAlreadyUsed_Fails()
    {
        var store = await OpenMigratedAsync();
        var entry = await store.ReserveStatusEntryAsync();
        var first = StoreRecords.Credential(entry);
        var second = StoreRecords.Credential(entry);
        await store.SaveIssuedAsync(first, StoreRecords.Issued(first));

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveIssuedAsync(second, StoreRecords.Issued(second)));
    }

    public static TheoryData<CredentialState[], CredentialState, StatusChangeOutcome> Transitions => new()
    {
        { [], CredentialState.Suspended, StatusChangeOutcome.Changed },
        { [], CredentialState.Revoked, StatusChangeOutcome.Changed },
        { [], CredentialState.Active, StatusChangeOutcome.Unchanged },
        { [CredentialState.Suspended], CredentialState.Active, StatusChangeOutcome.Changed },
        { [CredentialState.Suspended], CredentialState.Revoked, StatusChangeOutcome.Changed },
        { [CredentialState.Suspended], CredentialState.Suspended, StatusChangeOutcome.Unchanged },
        { [CredentialState.Revoked], CredentialState.Active, StatusChangeOutcome.NotAllowed },
        { [CredentialState.Revoked], CredentialState.Suspended, StatusChangeOutcome.NotAllowed },
        { [CredentialState.Revoked], CredentialState.Revoked, StatusChangeOutcome.Unchanged },
        { [CredentialState.Suspended, CredentialState.Active], CredentialState.Suspended, StatusChangeOutcome.Changed },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task ChangeStatusAsync_Transition_Outcome(CredentialState[] before, CredentialState next, StatusChangeOutcome expected)
    {
        var store = await OpenMigratedAsync();
        var credential = StoreRecords.Credential(await store.ReserveStatusEntryAsync());
        await store.SaveIssuedAsync(credential, StoreRecords.Issued(credential));
        foreach (var state in before)
        {
            Assert.Equal(StatusChangeOutcome.Changed, await store.ChangeStatusAsync(credential.Id, state, Change(credential.Id, state)));
        }

        var versionBefore = (await store.GetStatusListAsync(credential.Status.ListNumber))!.Version;

        var outcome = await store.ChangeStatusAsync(credential.Id, next, Change(credential.Id, next));

        Assert.Equal(expected, outcome);
        var found = await store.FindCredentialAsync(credential.Id);
        var changed = expected == StatusChangeOutcome.Changed;
        var finalState = changed ? next : before.Length == 0 ? CredentialState.Active : before[^1];
        Assert.Equal(finalState, found!.State);
        Assert.Equal(before.Length + (changed ? 1 : 0), found.History.Count);
        Assert.Equal(before.Length + (changed ? 2 : 1), (await store.ReadAuditAsync(credential.Id)).Count);
        Assert.Equal(versionBefore + (changed ? 1 : 0), (await store.GetStatusListAsync(credential.Status.ListNumber))!.Version);
    }

    [Fact]
    public async Task ChangeStatusAsync_UnknownId_NotFound()
    {
        var store = await OpenMigratedAsync();

        Assert.Equal(StatusChangeOutcome.NotFound, await store.ChangeStatusAsync("urn:uuid:nobody", CredentialState.Revoked, Change("urn:uuid:nobody", CredentialState.Revoked)));
    }

    [Fact]
    public async Task ChangeStatusAsync_Suspended_HistoryAndAuditRecorded()
    {
        var store = await OpenMigratedAsync();
        var credential = StoreRecords.Credential(await store.ReserveStatusEntryAsync());
        await store.SaveIssuedAsync(credential, StoreRecords.Issued(credential));
        var audit = new AuditRecord(StoreRecords.IssuedAt.AddHours(1), "staff:bob", "suspended", credential.Id, "lost device");

        await store.ChangeStatusAsync(credential.Id, CredentialState.Suspended, audit);

        var found = await store.FindCredentialAsync(credential.Id);
        Assert.Equal([new StatusHistoryEntry(CredentialState.Suspended, audit.At, "staff:bob", "lost device")], found!.History);
        Assert.Equal([StoreRecords.Issued(credential), audit], await store.ReadAuditAsync(credential.Id));
    }

    [Fact]
    public async Task GetStatusListAsync_RevokedAndSuspended_BitsMostSignificantFirst()
    {
        var options = await NewDatabaseAsync();
        options.StatusListCapacity = 64;
        var store = Open(options);
        await store.MigrateAsync();
        var credentials = new List<IssuedCredentialRecord>();
        for (var i = 0; i < 64; i++)
        {
            var credential = StoreRecords.Credential(await store.ReserveStatusEntryAsync());
            await store.SaveIssuedAsync(credential, StoreRecords.Issued(credential));
            credentials.Add(credential);
        }

        var byIndex = credentials.ToDictionary(c => c.Status.Index);
        await store.ChangeStatusAsync(byIndex[0].Id, CredentialState.Revoked, Change(byIndex[0].Id, CredentialState.Revoked));
        await store.ChangeStatusAsync(byIndex[9].Id, CredentialState.Revoked, Change(byIndex[9].Id, CredentialState.Revoked));
        await store.ChangeStatusAsync(byIndex[63].Id, CredentialState.Suspended, Change(byIndex[63].Id, CredentialState.Suspended));

        var list = await store.GetStatusListAsync(1);

        Assert.NotNull(list);
        Assert.Equal(64, list.Capacity);
        Assert.Equal(3, list.Version);
        Assert.Equal([0x80, 0x40, 0, 0, 0, 0, 0, 0], list.Revoked);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0x01], list.Suspended);
        Assert.Null(await store.GetStatusListAsync(2));
    }

    [Fact]
    public async Task ReserveStatusEntryAsync_1000Parallel_AllDistinctInFirstList()
    {
        var store = await OpenMigratedAsync();

        var entries = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => store.ReserveStatusEntryAsync()));

        Assert.Equal(1000, entries.Distinct().Count());
        Assert.All(entries, e => Assert.Equal(1, e.ListNumber));
        Assert.All(entries, e => Assert.InRange(e.Index, 0, IssuerStorageOptions.DefaultStatusListCapacity - 1));

        // Random, not sequential: 1,000 draws among 131,072 are almost never the first 1,000 indexes.
        Assert.True(entries.Max(e => e.Index) > 10_000);
    }

    [Fact]
    public async Task ReserveStatusEntryAsync_ListsFill_EveryIndexOnceThenNextList()
    {
        var options = await NewDatabaseAsync();
        options.StatusListCapacity = 256;
        var store = Open(options);
        await store.MigrateAsync();

        var entries = await Task.WhenAll(Enumerable.Range(0, 600).Select(_ => store.ReserveStatusEntryAsync()));

        Assert.Equal(600, entries.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 256), entries.Where(e => e.ListNumber == 1).Select(e => e.Index).Order());
        Assert.Equal(Enumerable.Range(0, 256), entries.Where(e => e.ListNumber == 2).Select(e => e.Index).Order());
        Assert.Equal(88, entries.Count(e => e.ListNumber == 3));
        Assert.Equal(256, (await store.GetStatusListAsync(2))?.Capacity);
    }

    [Fact]
    public async Task ReserveStatusEntryAsync_TwoInstancesOneDatabase_1000Parallel_AllDistinct()
    {
        var options = await NewDatabaseAsync();
        options.StatusListCapacity = 512;
        var first = Open(options);
        var second = Open(options);
        await Task.WhenAll(first.MigrateAsync(), second.MigrateAsync());

        var entries = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => (i % 2 == 0 ? first : second).ReserveStatusEntryAsync()));

        Assert.Equal(1000, entries.Distinct().Count());
        Assert.Equal(512, entries.Count(e => e.ListNumber == 1));
        Assert.Equal(488, entries.Count(e => e.ListNumber == 2));
    }

    [Fact]
    public async Task SaveIssuedAsync_2000ConcurrentIssuances_AllStoredInGroups()
    {
        var store = await OpenMigratedAsync();
        var credentials = new ConcurrentBag<IssuedCredentialRecord>();
        var watch = Stopwatch.StartNew();

        await Parallel.ForAsync(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (_, token) =>
        {
            var credential = StoreRecords.Credential(await store.ReserveStatusEntryAsync(token));
            await store.SaveIssuedAsync(credential, StoreRecords.Issued(credential), token);
            credentials.Add(credential);
        });

        watch.Stop();
        output.WriteLine($"{GetType().Name}: 2000 reservations + saves in {watch.ElapsedMilliseconds} ms ({2000 / watch.Elapsed.TotalSeconds:F0} issuances/s)");
        foreach (var credential in credentials.Take(50))
        {
            Assert.Equal(credential.Status, (await store.FindCredentialAsync(credential.Id))?.Status);
        }

        Assert.Equal(2000, credentials.Select(c => c.Status).Distinct().Count());
    }

    [Fact]
    public async Task TryConsumeNonceAsync_Created_TrueOnceOnly()
    {
        var store = await OpenMigratedAsync();
        await store.CreateNonceAsync("n-1", Time.Now.AddMinutes(5));

        Assert.True(await store.TryConsumeNonceAsync("n-1", Time.Now));
        Assert.False(await store.TryConsumeNonceAsync("n-1", Time.Now));
        Assert.False(await store.TryConsumeNonceAsync("never-created", Time.Now));
        Assert.False(await store.TryConsumeNonceAsync(string.Empty, Time.Now));
    }

    [Fact]
    public async Task TryConsumeNonceAsync_Expired_False()
    {
        var store = await OpenMigratedAsync();
        await store.CreateNonceAsync("n-2", Time.Now.AddMinutes(5));

        Assert.False(await store.TryConsumeNonceAsync("n-2", Time.Now.AddMinutes(5)));
    }

    [Fact]
    public async Task TryConsumeNonceAsync_50RacingConsumers_ExactlyOneWins()
    {
        var store = await OpenMigratedAsync();
        await store.CreateNonceAsync("n-3", Time.Now.AddMinutes(5));

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => store.TryConsumeNonceAsync("n-3", Time.Now)));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task CreateNonceAsync_AfterPurgeInterval_ExpiredNoncesPurged()
    {
        var options = await NewDatabaseAsync();
        var store = Open(options);
        await store.MigrateAsync();
        await store.CreateNonceAsync("old", Time.Now.AddMinutes(1));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.CreateNonceAsync("old", Time.Now.AddMinutes(1)));

        Time.Now = Time.Now.AddMinutes(2);
        await store.CreateNonceAsync("new", Time.Now.AddMinutes(1));

        // Purged, so the same value may be recorded again (it would be refused while the old row exists).
        await store.CreateNonceAsync("old", Time.Now.AddMinutes(1));
        Assert.True(await store.TryConsumeNonceAsync("old", Time.Now));
    }

    /// <summary>Options for a new, empty database.</summary>
    private protected abstract Task<IssuerStorageOptions> NewDatabaseAsync();

    private protected abstract SqlIssuerStore CreateStore(IssuerStorageOptions options, TimeProvider time);

    private protected SqlIssuerStore Open(IssuerStorageOptions options)
    {
        var store = CreateStore(options, Time);
        opened.Add(store);
        return store;
    }

    private protected async Task<SqlIssuerStore> OpenMigratedAsync()
    {
        var store = Open(await NewDatabaseAsync());
        await store.MigrateAsync();
        return store;
    }

    private static AuditRecord Change(string id, CredentialState state) =>
        new(StoreRecords.IssuedAt.AddMinutes(1), "staff:bob", state.ToString().ToUpperInvariant(), id, "test");
}
