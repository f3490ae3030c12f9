import Foundation
import GraphQL

/// The API's schema: `schema/schema.graphql` bound to the resolvers. Start-up fails when the file
/// and the resolvers disagree, never a request.
public enum APISchema {
    public static func load(from file: URL) throws -> ExecutableSchema {
        let sdl = try String(contentsOf: file, encoding: .utf8)
        let schema = try buildSchema(sdl: sdl, scalars: Scalars.all)
        return try ExecutableSchema(schema: schema, resolvers: APIResolvers.all)
    }
}
