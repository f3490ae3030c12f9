import GraphQL

/// One page of a Relay connection, whatever its nodes: each node with its cursor, whether more follow, and how to
/// count them all when the schema's connection has `totalCount` (counted only when selected).
struct Connection<Node: Sendable>: GraphQLObject {
    var edges: [Edge<Node>]
    var hasNextPage: Bool
    var totalCount: (@Sendable () throws -> Int)?

    init(edges: [Edge<Node>], hasNextPage: Bool, totalCount: (@Sendable () throws -> Int)? = nil) {
        self.edges = edges
        self.hasNextPage = hasNextPage
        self.totalCount = totalCount
    }

    /// The page of `nodes`, each with the cursor `cursor` gives it.
    init(_ nodes: some Sequence<Node>, hasNextPage: Bool, cursor: (Node) -> String, totalCount: (@Sendable () throws -> Int)? = nil) {
        edges = nodes.map { Edge(node: $0, cursor: cursor($0)) }
        self.hasNextPage = hasNextPage
        self.totalCount = totalCount
    }
}

struct Edge<Node: Sendable>: GraphQLObject {
    var node: Node
    var cursor: String
}

struct PageInfo: GraphQLObject {
    var hasNextPage: Bool
    var endCursor: String?
}

extension Resolvers {
    /// `PageInfo`, the one type every connection shares.
    static var pageInfo: Resolvers {
        var resolvers = Resolvers()
        resolvers.object("PageInfo", of: PageInfo.self) { object in
            object.field("hasNextPage") { info, _ in info.hasNextPage }
            object.field("endCursor") { info, _ in info.endCursor }
        }
        return resolvers
    }

    /// Binds `<name>Connection` (`edges`, `pageInfo`, and `totalCount` when `counted`) and `<name>Edge` (`cursor`,
    /// `node`) to `Connection<Node>`.
    mutating func connection<Node: ResolvedValueConvertible>(_ name: String, of nodeType: Node.Type, counted: Bool = false) {
        object("\(name)Connection", of: Connection<Node>.self) { object in
            object.field("edges") { connection, _ in connection.edges }
            object.field("pageInfo") { connection, _ in
                PageInfo(hasNextPage: connection.hasNextPage, endCursor: connection.edges.last?.cursor)
            }
            if counted {
                object.field("totalCount") { connection, _ in try connection.totalCount?() ?? connection.edges.count }
            }
        }
        object("\(name)Edge", of: Edge<Node>.self) { object in
            object.field("cursor") { edge, _ in edge.cursor }
            object.field("node") { edge, _ in edge.node }
        }
    }
}
