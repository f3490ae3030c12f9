@testable import GraphQL

/// One place where pipeline tests turn text into a document.
enum PipelineTestParsing {
    static func parse(_ text: String) throws -> Document {
        try GraphQL.parse(text)
    }
}
