using System.Text.Encodings.Web;
using System.Text.Json;
using Identity.Shared.Credentials;

namespace Identity.Shared.Tests.Credentials;

public sealed class JsonDraftTests
{
    [Fact]
    public void Set_ExistingName_ReplacesInPlaceAndNewNameAppends()
    {
        var draft = JsonDraft.From(Parse("""{"a":1,"b":2,"c":3}"""));

        draft.Set("b", "two");
        draft.Set("d", Parse("[4]"));

        Assert.Equal("""{"a":1,"b":"two","c":3,"d":[4]}""", Write(draft));
    }

    [Fact]
    public void TryGetNonNull_JsonNull_IsPresentButNotNonNull()
    {
        var draft = JsonDraft.From(Parse("""{"a":null}"""));

        Assert.True(draft.TryGet("a", out var value));
        Assert.True(value.IsNull);
        Assert.False(draft.TryGetNonNull("a", out _));
        Assert.False(draft.TryGet("b", out _));
    }

    [Fact]
    public void Take_RemovesAndGivesTheValue_AbsentGivesDefault()
    {
        var draft = JsonDraft.From(Parse("""{"a":1,"b":2}"""));

        var taken = draft.Take("a");
        var absent = draft.Take("z");

        Assert.Equal(1, taken.Element!.Value.GetInt32());
        Assert.Null(absent.Element);
        Assert.Equal("""{"b":2}""", Write(draft));
    }

    [Fact]
    public void Reordered_NamedMembersFirstInThatOrder_RestKeepTheirOrder()
    {
        var draft = JsonDraft.From(Parse("""{"x":1,"type":2,"y":null,"@context":3}"""));

        Assert.Equal("""{"@context":3,"type":2,"x":1,"y":null}""", Write(draft.Reordered(["@context", "id", "type"])));
    }

    [Fact]
    public void Union_FlattensOneLevel_SkipsNullsAndRepeatedStrings_KeepsOtherValues()
    {
        var union = JsonDraftValue.Union(Parse("""["a",null,{"k":1}]"""), default, Parse("\"a\""), Parse("""["b",{"k":1},["a"]]"""), Parse("null"));

        var draft = new JsonDraft();
        draft.Set("u", union);
        Assert.Equal(5, union.Count);
        Assert.Equal("""{"u":["a",{"k":1},"b",{"k":1},["a"]]}""", Write(draft));
    }

    [Fact]
    public void Nested_DraftsAndMadeStrings_WriteAsJson()
    {
        var inner = JsonDraft.From(Parse("""{"name":"N"}"""));
        inner.Insert(0, "id", "did:example:\"quoted\"");
        var outer = new JsonDraft();
        outer.Set("issuer", inner);

        Assert.Equal("""{"issuer":{"id":"did:example:\"quoted\"","name":"N"}}""", Write(outer));
    }

    [Theory]
    [InlineData("\"did:example:a\"", "did:example:a", true)]
    [InlineData("\"did:example:\\u0061\"", "did:example:a", true)]
    [InlineData("\"did:example:b\"", "did:example:a", false)]
    [InlineData("1", "1", false)]
    [InlineData("null", "null", false)]
    public void EqualsString_OnlyAStringOfTheSameText(string json, string text, bool expected)
    {
        Assert.Equal(expected, JsonDraftValue.FromElement(Parse(json)).EqualsString(text));
    }

    [Theory]
    [InlineData("""{"a":1,"b":[1,2]}""", """{"b":[1,2],"a":1}""", true)]
    [InlineData("""[1,2]""", """[2,1]""", false)]
    [InlineData("null", "null", true)]
    [InlineData("\"x\"", "\"y\"", false)]
    public void EqualsElement_JsonEquality(string left, string right, bool expected)
    {
        Assert.Equal(expected, JsonDraftValue.FromElement(Parse(left)).EqualsElement(Parse(right)));
        Assert.False(default(JsonDraftValue).EqualsElement(Parse(right)));
    }

    private static JsonElement Parse(string json) => JsonElement.Parse(json);

    private static string Write(JsonDraft draft)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            draft.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
