import Testing
@testable import GraphQL

/// The seam a planned read uses: a resolver reads its field's collected selection (`ResolveInfo.subfields(on:)`) and
/// answers the whole subtree as JSON it wrote itself (`SerializedJSON`), which the executor copies as is.
@Suite struct SerializedValueTests {
    let sdl = """
    type Query { page(first: Int = 2): Page, plain: String }
    type Page { items(tagged: Boolean): [Item!]!, total: Int }
    type Item { name: String!, tag: String }
    """

    /// A "planner" that writes each item's selected keys with the field name as value, and records what it saw.
    func executable(seen: CallLog) throws -> ExecutableSchema {
        var resolvers = Resolvers()
        resolvers.field("Query", "plain") { _ in "resolved" }
        resolvers.field("Query", "page") { context -> ResolvedValue in
            guard let page = context.info.subfields(on: "Page") else { return .null }
            var text = ""
            for (index, field) in page.fields.enumerated() {
                text += (index == 0 ? "{" : ",") + String(decoding: field.keyBytes, as: UTF8.self)
                if let items = field.subfields(on: "Item") {
                    let keys = items.fields.map { String(decoding: $0.keyBytes, as: UTF8.self) + "\"\($0.fieldName)\"" }
                    text += "[{" + keys.joined(separator: ",") + "}]"
                    seen.record("\(field.responseKey) \(try! field.arguments()["tagged"] == .bool(true)) \(items.fields.map(\.responseKey))")
                } else {
                    text += "7"
                    seen.record("\(field.responseKey) leaf: \(field.subfields(on: "Item") == nil)")
                }
            }
            return SerializedJSON(completed: Array((text + "}").utf8)).resolvedValue
        }
        resolvers.defaultResolvers(for: "Page")
        resolvers.defaultResolvers(for: "Item")
        return try ExecutableSchema(schema: try executionTestSchema(sdl), resolvers: resolvers)
    }

    @Test func aResolverAnswersItsWholeSelectionAsJSONItWrote() throws {
        let seen = CallLog()
        let response = try runSync(
            try executable(seen: seen),
            #"query($full: Boolean!) { plain page { all: items(tagged: true) { n: name tag @include(if: $full) ...More } total } } fragment More on Item { name }"#,
            variables: JSONObject([("full", .bool(false))]))
        #expect(response == #"{"data":{"plain":"resolved","page":{"all":[{"n":"name","name":"name"}],"total":7}}}"#)
        #expect(seen.all == [#"all true ["n", "name"]"#, "total leaf: true"])
    }

    @Test func aSerializedValueStandsForANonNullListAndForALeaf() throws {
        var resolvers = Resolvers()
        resolvers.field("Query", "plain") { _ in SerializedJSON(completed: Array(#""as \"is\"""#.utf8)) }
        resolvers.field("Query", "page") { _ in JSON.object(JSONObject([("total", .int(1))])) }
        resolvers.field("Page", "items") { _ in SerializedJSON(completed: Array(#"[{"name":"a"}]"#.utf8)) }
        resolvers.defaultResolvers(for: "Page")
        resolvers.defaultResolvers(for: "Item")
        let executable = try ExecutableSchema(schema: try executionTestSchema(sdl), resolvers: resolvers)
        #expect(try runSync(executable, "{ plain page { items { name } total } }")
            == #"{"data":{"plain":"as \"is\"","page":{"items":[{"name":"a"}],"total":1}}}"#)
    }
}
