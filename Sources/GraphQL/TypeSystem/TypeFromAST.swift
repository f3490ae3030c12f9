extension GraphQLSchema {
    /// graphql-js `typeFromAST`: the schema type a written type reference denotes, or `nil`
    /// when its named type does not exist.
    public func type(from node: TypeNode) -> GraphQLType? {
        switch node {
        case .named(let named): type(named: named.name.value).map(GraphQLType.named)
        case .list(let list): type(from: list.type).map(GraphQLType.list)
        case .nonNull(let nonNull): type(from: nonNull.type).map(GraphQLType.nonNull)
        }
    }

    /// graphql-js `isTypeSubTypeOf`: whether a value of `maybeSubType` may be used where
    /// `superType` is expected (non-null narrows nullable; objects/interfaces narrow abstract types).
    public func isTypeSubType(_ maybeSubType: GraphQLType, of superType: GraphQLType) -> Bool {
        if maybeSubType == superType { return true }
        if case .nonNull(let superInner) = superType {
            if case .nonNull(let subInner) = maybeSubType { return isTypeSubType(subInner, of: superInner) }
            return false
        }
        if case .nonNull(let subInner) = maybeSubType { return isTypeSubType(subInner, of: superType) }
        if case .list(let superItem) = superType {
            if case .list(let subItem) = maybeSubType { return isTypeSubType(subItem, of: superItem) }
            return false
        }
        if case .list = maybeSubType { return false }
        guard case .named(let superNamed) = superType, case .named(let subNamed) = maybeSubType else { return false }
        switch subNamed {
        case .object, .interface:
            return superNamed.isAbstractType && isSubType(abstract: superNamed, maybeSub: subNamed)
        default:
            return false
        }
    }
}
