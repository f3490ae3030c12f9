/// Spec §5.2.4.1 Single Root Field (September 2025 edition): a subscription selects exactly
/// one root field, which is not an introspection field, and its root selections use neither
/// `@skip` nor `@include` (the root field must not depend on variables).
final class SingleFieldSubscriptionsRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterOperation]
    init(context: ValidationContext) { self.context = context }

    func enterOperation(_ node: OperationDefinition) {
        guard node.operation == .subscription, let subscriptionType = context.schema.subscriptionType else { return }
        var collector = RootFieldCollector(context: context, rootType: .object(subscriptionType))
        collector.collect(node.selectionSet)
        let subject = node.name.map { "Subscription \"\($0.value)\"" } ?? "Anonymous Subscription"
        if !collector.conditionalDirectives.isEmpty {
            context.report(
                "\(subject) must not use `@skip` or `@include` directives in the top level selection.",
                collector.conditionalDirectives.map(\.sourceLocation)
            )
            return
        }
        if collector.groups.count > 1 {
            let extra = collector.groups.dropFirst().flatMap { $0.fields.map(\.sourceLocation) }
            context.report("\(subject) must select only one top level field.", extra)
        }
        for group in collector.groups where group.fields[0].name.value.hasPrefix("__") {
            context.report(
                "\(subject) must not select an introspection top level field.",
                group.fields.map(\.sourceLocation)
            )
        }
    }
}

/// The spec's `CollectSubscriptionFields`: root fields grouped by response key, following
/// fragments whose type condition applies, and noting every `@skip` / `@include` on the way.
private struct RootFieldCollector {
    let context: ValidationContext
    let rootType: GraphQLNamedType
    var groups: [(key: String, fields: [Field])] = []
    var groupIndexByKey: [String: Int] = [:]
    var conditionalDirectives: [Directive] = []
    var visitedFragments = Set<String>()

    init(context: ValidationContext, rootType: GraphQLNamedType) {
        self.context = context
        self.rootType = rootType
    }

    mutating func collect(_ selectionSet: SelectionSet) {
        for selection in selectionSet.selections {
            for directive in selection.directives where directive.name.value == "skip" || directive.name.value == "include" {
                conditionalDirectives.append(directive)
            }
            switch selection {
            case .field(let field):
                let key = field.responseKey
                if let index = groupIndexByKey[key] {
                    groups[index].fields.append(field)
                } else {
                    groupIndexByKey[key] = groups.count
                    groups.append((key, [field]))
                }
            case .fragmentSpread(let spread):
                let name = spread.name.value
                guard visitedFragments.insert(name).inserted, let fragment = context.fragment(named: name),
                    applies(fragment.typeCondition)
                else { continue }
                collect(fragment.selectionSet)
            case .inlineFragment(let inline):
                if let condition = inline.typeCondition, !applies(condition) { continue }
                collect(inline.selectionSet)
            }
        }
    }

    private func applies(_ condition: NamedType) -> Bool {
        guard let type = context.schema.type(named: condition.name.value) else { return false }
        if type == rootType { return true }
        return type.isAbstractType && context.schema.isSubType(abstract: type, maybeSub: rootType)
    }
}
