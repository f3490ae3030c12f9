import Testing
@testable import GraphQL

/// An executable document written to touch every construct, in deliberately untidy layout.
let executableKitchenSink = #"""
# A campaign dashboard
query Dashboard($id: ID!, $first: Int = 10, $filter: CampaignFilter = {status: ACTIVE, tags: ["a", "b"]}, $flag: Boolean! @deprecated) @live {
  campaign(id: $id) {
    id, name
    owner: createdBy { ...UserFields @defer(label: "owner") }
    ... on EmailCampaign @include(if: $flag) { subject }
    ... @skip(if: $flag) { budget(currency: EUR) }
    ... { __typename }
    stats(range: {from: "2024-01-01", to: null}, precision: 1.5e3, weights: [1, -2, 0.25], unit: PERCENT)
  }
}

"Launch a campaign"
mutation Launch("the campaign" $id: ID!) { launch(id: "c\"1\u00e9\n") { ok } }

subscription OnEvent @stream { event(kinds: [OPENED CLICKED], note: """
    block
      text
""") { id } }

"""User bits"""
fragment UserFields on User @owner { id email }

{ unnamed(truthy: true, falsy: false, nullish: null, list: [], object: {}) }

query { alsoShorthand }
"""#

let executableKitchenSinkPrinted = #"""
query Dashboard($id: ID!, $first: Int = 10, $filter: CampaignFilter = {status: ACTIVE, tags: ["a", "b"]}, $flag: Boolean! @deprecated) @live {
  campaign(id: $id) {
    id
    name
    owner: createdBy {
      ...UserFields @defer(label: "owner")
    }
    ... on EmailCampaign @include(if: $flag) {
      subject
    }
    ... @skip(if: $flag) {
      budget(currency: EUR)
    }
    ... {
      __typename
    }
    stats(
      range: {from: "2024-01-01", to: null}
      precision: 1.5e3
      weights: [1, -2, 0.25]
      unit: PERCENT
    )
  }
}

"Launch a campaign"
mutation Launch(
"the campaign"
$id: ID!
) {
  launch(id: "c\"1é\n") {
    ok
  }
}

subscription OnEvent @stream {
  event(kinds: [OPENED, CLICKED], note: """
  block
    text
  """) {
    id
  }
}

"""User bits"""
fragment UserFields on User @owner {
  id
  email
}

{
  unnamed(truthy: true, falsy: false, nullish: null, list: [], object: {})
}

{
  alsoShorthand
}
"""#

/// A type-system document covering every definition and extension form.
let schemaKitchenSink = #"""
"""The schema root"""
schema @link(url: "x") { query: Query mutation: Mutation subscription: Subscription }

"Point in time"
scalar DateTime @specifiedBy(url: "https://example.com/datetime")

"""
A campaign.
  Indented line.
"""
type Campaign implements & Node & Entity @key(fields: "id") {
  id: ID!
  "The name"
  name(locale: String = "en", fallback: Boolean = true @deprecated): String! @deprecated(reason: "Use title")
  tags: [String!]!
  stats("Range start" from: DateTime, to: DateTime): Stats
}

interface Entity implements Node { id: ID! }
interface Node { id: ID! }
union SearchResult @cached = | Campaign | User
enum Status { "Draft" DRAFT ACTIVE @deprecated ARCHIVED }
input CampaignFilter @oneOf { status: Status = ACTIVE, tags: [String!] = ["a"] nested: CampaignFilter }
directive @key(fields: String!) repeatable on OBJECT | INTERFACE
directive @cached(ttl: Int = 60) on | UNION | FIELD_DEFINITION
"""Marks things"""
directive @owner on FRAGMENT_DEFINITION

extend schema @extra { subscription: Subscription }
extend scalar DateTime @extra
extend type Campaign implements Versioned @extra { version: Int }
extend interface Entity @extra
extend union SearchResult = Team
extend enum Status { DELETED }
extend input CampaignFilter { archived: Boolean }
type Empty
"""#

let schemaKitchenSinkPrinted = #"""
"""The schema root"""
schema @link(url: "x") {
  query: Query
  mutation: Mutation
  subscription: Subscription
}

"Point in time"
scalar DateTime @specifiedBy(url: "https://example.com/datetime")

"""
A campaign.
  Indented line.
"""
type Campaign implements Node & Entity @key(fields: "id") {
  id: ID!
  "The name"
  name(locale: String = "en", fallback: Boolean = true @deprecated): String! @deprecated(reason: "Use title")
  tags: [String!]!
  stats(
    "Range start"
    from: DateTime
    to: DateTime
  ): Stats
}

interface Entity implements Node {
  id: ID!
}

interface Node {
  id: ID!
}

union SearchResult @cached = Campaign | User

enum Status {
  "Draft"
  DRAFT
  ACTIVE @deprecated
  ARCHIVED
}

input CampaignFilter @oneOf {
  status: Status = ACTIVE
  tags: [String!] = ["a"]
  nested: CampaignFilter
}

directive @key(fields: String!) repeatable on OBJECT | INTERFACE

directive @cached(ttl: Int = 60) on UNION | FIELD_DEFINITION

"""Marks things"""
directive @owner on FRAGMENT_DEFINITION

extend schema @extra {
  subscription: Subscription
}

extend scalar DateTime @extra

extend type Campaign implements Versioned @extra {
  version: Int
}

extend interface Entity @extra

extend union SearchResult = Team

extend enum Status {
  DELETED
}

extend input CampaignFilter {
  archived: Boolean
}

type Empty
"""#

@Suite struct PrinterTests {
    @Test func executableKitchenSinkPrintsCanonically() throws {
        let printed = print(try parse(executableKitchenSink))
        #expect(printed == executableKitchenSinkPrinted)
    }

    @Test func executableKitchenSinkRoundTripsStably() throws {
        let first = try parse(executableKitchenSink, options: ParseOptions(noLocation: true))
        let printed = print(first)
        let second = try parse(printed, options: ParseOptions(noLocation: true))
        #expect(second == first)
        #expect(print(second) == printed)
    }

    @Test func schemaKitchenSinkPrintsCanonically() throws {
        let printed = print(try parse(schemaKitchenSink))
        #expect(printed == schemaKitchenSinkPrinted)
    }

    @Test func schemaKitchenSinkRoundTripsStably() throws {
        let first = try parse(schemaKitchenSink, options: ParseOptions(noLocation: true))
        let printed = print(first)
        let second = try parse(printed, options: ParseOptions(noLocation: true))
        #expect(second == first)
        #expect(print(second) == printed)
    }

    @Test func printsQueryShorthandOnlyWhenNothingElseIsSet() throws {
        #expect(print(try parse("query { a }")) == "{\n  a\n}")
        #expect(print(try parse("query Q { a }")) == "query Q {\n  a\n}")
        #expect(print(try parse("query @d { a }")) == "query @d {\n  a\n}")
        #expect(print(try parse("query ($v: Int) { a }")) == "query ($v: Int) {\n  a\n}")
        #expect(print(try parse("mutation { a }")) == "mutation {\n  a\n}")
    }

    @Test func printsBlockStringArgumentsInsideIndentedBlocks() throws {
        let document = try parse("{ f(arg: \"\"\"\n  x\n  \"\"\") }")
        #expect(print(document) == "{\n  f(arg: \"\"\"x\"\"\")\n}")
        let multi = try parse("{ f(arg: \"\"\"\n  a\n    b\n\"\"\") }")
        #expect(print(multi) == "{\n  f(arg: \"\"\"\n  a\n    b\n  \"\"\")\n}")
    }

    @Test func printsStringEscapes() {
        #expect(printString("a\"b\\c\n\t\u{8}\u{C}\r\u{7}\u{7F}\u{9F}é😀") == #""a\"b\\c\n\t\b\f\r\u0007\u007F\u009Fé😀""#)
    }
}
