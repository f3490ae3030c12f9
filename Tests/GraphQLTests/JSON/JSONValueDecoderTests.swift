import GraphQL
import Testing

@Suite struct JSONValueDecoderTests {
    struct Arguments: Decodable, Equatable {
        struct Input: Decodable, Equatable {
            var name: String
            var tags: [String]
            var limit: Int?
            var ratio: Double
            var nested: [Pair]?
        }
        struct Pair: Decodable, Equatable {
            var key: String
            var on: Bool
        }
        var input: Input
        var first: Int
    }

    @Test func decodesObjectsListsAndOptionals() throws {
        let value = JSON.object(JSONObject([
            ("first", .int(20)),
            ("input", .object(JSONObject([
                ("name", .string("Spring")), ("tags", .array([.string("a"), .string("b")])), ("limit", .null),
                ("ratio", .int(2)), ("nested", .array([.object(JSONObject([("key", .string("k")), ("on", .bool(true))]))])),
            ]))),
        ]))
        let decoded = try JSONValueDecoder().decode(Arguments.self, from: value)
        #expect(decoded == Arguments(
            input: .init(name: "Spring", tags: ["a", "b"], limit: nil, ratio: 2, nested: [.init(key: "k", on: true)]), first: 20))
    }

    @Test func aLeftOutOptionalIsNilAndAMissingRequiredKeyIsAnError() throws {
        let input = JSON.object(JSONObject([("name", .string("x")), ("tags", .array([])), ("ratio", .double(0.5))]))
        let decoded = try JSONValueDecoder().decode(Arguments.Input.self, from: input)
        #expect(decoded.limit == nil && decoded.nested == nil && decoded.ratio == 0.5)
        #expect(throws: DecodingError.self) {
            try JSONValueDecoder().decode(Arguments.Input.self, from: .object(JSONObject([("name", .string("x"))])))
        }
    }

    @Test func aMismatchNamesItsPath() throws {
        let value = JSON.object(JSONObject([("key", .string("k")), ("on", .string("yes"))]))
        do {
            _ = try JSONValueDecoder().decode([Arguments.Pair].self, from: .array([value]))
            Issue.record("a string decoded as a Bool")
        } catch DecodingError.typeMismatch(let type, let context) {
            #expect(ObjectIdentifier(type) == ObjectIdentifier(Bool.self))
            #expect(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } == ["0", "on"])
        }
    }
}
