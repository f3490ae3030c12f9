import Testing
@testable import GraphQL

@Suite struct InspectTests {
    @Test func numbersPrintLikeJavaScript() {
        #expect(jsNumberString(0) == "0")
        #expect(jsNumberString(3) == "3")
        #expect(jsNumberString(-1.5) == "-1.5")
        #expect(jsNumberString(0.1) == "0.1")
        #expect(jsNumberString(1e-7) == "1e-7")
        #expect(jsNumberString(1.5e-7) == "1.5e-7")
        #expect(jsNumberString(0.000001) == "0.000001")
        #expect(jsNumberString(1e20) == "100000000000000000000")
        #expect(jsNumberString(1.2345678901234568e20) == "123456789012345680000")
        #expect(jsNumberString(1e21) == "1e+21")
        #expect(jsNumberString(-2.5e300) == "-2.5e+300")
        #expect(jsNumberString(2_147_483_648) == "2147483648")
        #expect(jsNumberString(.infinity) == "Infinity")
    }

    @Test func valuesPrintLikeGraphQLJSInspect() {
        #expect(inspect(.string("a\"b\n")) == #""a\"b\n""#)
        #expect(inspect(.array([.int(1), .null, .bool(true)])) == "[1, null, true]")
        #expect(inspect(.object(JSONObject([("a", .array([.object(JSONObject([("b", .array([.int(1)]))]))]))])))
            == "{ a: [[Object]] }")
        #expect(inspect(.object(JSONObject([("a", .object(JSONObject([("b", .array([]))])))]))) == "{ a: { b: [] } }")
        #expect(inspect(.array((0..<12).map { JSON.int($0) })) == "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ... 2 more items]")
    }
}

@Suite struct SuggestionTests {
    @Test func suggestionsAreSortedByDistanceThenNaturally() {
        #expect(Suggestions.list("abc", options: ["a", "ab", "abc", "xyz"]) == ["abc", "ab", "a"])
        #expect(Suggestions.list("GraphQL", options: ["graphics", "SQL", "GraphQL", "quarks"]) == ["GraphQL", "graphics"])
        #expect(Suggestions.list("ab", options: ["AB", "ba"]) == ["AB", "ba"])
        #expect(Suggestions.list("t", options: ["t10", "t2", "t1"]) == ["t1", "t2"])
        #expect(Suggestions.list("t", options: ["t2", "t1", "t"]) == ["t", "t1", "t2"])
        #expect(Suggestions.naturalLess("t2", "t10"))
        #expect(!Suggestions.naturalLess("t10", "t2"))
        #expect(Suggestions.didYouMean(["a", "b", "c", "d", "e", "f"]) == " Did you mean \"a\", \"b\", \"c\", \"d\", or \"e\"?")
        #expect(Suggestions.didYouMean([]) == "")
    }
}
