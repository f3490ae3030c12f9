/// Type-reference helpers the validation rules share (graphql-js `typeFromAST`,
/// `isTypeSubTypeOf`, `doTypesOverlap`).
extension GraphQLSchema {
    /// The schema type a written type reference denotes, or nil when its named type is unknown.
    func typeFromAST(_ node: TypeNode) -> GraphQLType? {
        switch node {
        case .named(let named): type(named: named.name.value).map { .named($0) }
        case .list(let list): typeFromAST(list.type).map { .list($0) }
        case .nonNull(let nonNull): typeFromAST(nonNull.type).map { .nonNull($0) }
        }
    }

    /// True when a value of `maybeSubType` is always acceptable where `superType` is expected.
    func isTypeSubTypeOf(_ maybeSubType: GraphQLType, _ superType: GraphQLType) -> Bool {
        if maybeSubType == superType { return true }
        if case .nonNull(let superInner) = superType {
            if case .nonNull(let subInner) = maybeSubType { return isTypeSubTypeOf(subInner, superInner) }
            return false
        }
        if case .nonNull(let subInner) = maybeSubType { return isTypeSubTypeOf(subInner, superType) }
        if case .list(let superItem) = superType {
            if case .list(let subItem) = maybeSubType { return isTypeSubTypeOf(subItem, superItem) }
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

    /// True when some object type could be both `a` and `b` (so a fragment on one may be spread
    /// inside the other).
    func doTypesOverlap(_ a: GraphQLNamedType, _ b: GraphQLNamedType) -> Bool {
        if a == b { return true }
        if a.isAbstractType {
            if b.isAbstractType {
                return possibleTypes(of: a).contains { isSubType(abstract: b, maybeSub: .object($0)) }
            }
            return isSubType(abstract: a, maybeSub: b)
        }
        if b.isAbstractType { return isSubType(abstract: b, maybeSub: a) }
        return false
    }
}
