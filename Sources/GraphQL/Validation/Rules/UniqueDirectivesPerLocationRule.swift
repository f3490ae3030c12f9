/// Spec §5.7.3 Directives Are Unique per Location: a non-repeatable directive may appear at
/// most once on a node. Unknown directives are left to `KnownDirectivesRule`.
final class UniqueDirectivesPerLocationRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [
        .enterOperation, .enterFragmentDefinition, .enterVariableDefinition, .enterField,
        .enterFragmentSpread, .enterInlineFragment, .enterTypeSystemNode,
    ]
    /// Directives already seen on the schema definition and extensions, and per type name.
    private var schemaDirectives: [String: Directive] = [:]
    private var typeDirectives: [String: [String: Directive]] = [:]
    private var unique = Set<String>()
    init(context: ValidationContext) {
        self.context = context
        for directive in context.schema.directives where !directive.isRepeatable { unique.insert(directive.name) }
        for case .directive(let definition) in context.document.definitions {
            if definition.isRepeatable {
                unique.remove(definition.name.value)
            } else {
                unique.insert(definition.name.value)
            }
        }
    }

    func enterOperation(_ node: OperationDefinition) { check(node.directives) }
    func enterFragmentDefinition(_ node: FragmentDefinition) { check(node.directives) }
    func enterVariableDefinition(_ node: VariableDefinition) { check(node.directives) }
    func enterField(_ node: Field) { check(node.directives) }
    func enterFragmentSpread(_ node: FragmentSpread) { check(node.directives) }
    func enterInlineFragment(_ node: InlineFragment) { check(node.directives) }

    func enterTypeSystemNode(directives: [Directive], scope: TypeSystemDirectiveScope) {
        switch scope {
        case .node:
            check(directives)
        case .schema:
            check(directives, seen: &schemaDirectives)
        case .type(let name):
            check(directives, seen: &typeDirectives[name, default: [:]])
        }
    }

    private func check(_ directives: [Directive]) {
        if directives.count < 2 { return }
        var seen: [String: Directive] = [:]
        check(directives, seen: &seen)
    }

    private func check(_ directives: [Directive], seen: inout [String: Directive]) {
        for directive in directives {
            let name = directive.name.value
            guard unique.contains(name) else { continue }
            if let first = seen[name] {
                context.report(
                    "The directive \"@\(name)\" can only be used once at this location.",
                    [first.sourceLocation, directive.sourceLocation]
                )
            } else {
                seen[name] = directive
            }
        }
    }
}
