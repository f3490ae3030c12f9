/// Spec §5.4.1 Argument Names: arguments must be defined by the field or directive.
final class KnownArgumentNamesRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterArgument, .enterDirective, .leaveDirective]
    private var documentDirectiveArguments: [String: [String]] = [:]
    /// Directive arguments are checked at the directive, so argument events inside are ignored.
    private var insideDirective = false
    init(context: ValidationContext) {
        self.context = context
        for case .directive(let definition) in context.document.definitions {
            documentDirectiveArguments[definition.name.value] = definition.arguments.map(\.name.value)
        }
    }

    func enterDirective(_ node: Directive) {
        insideDirective = true
        let name = node.name.value
        let known: [String]
        if let directive = context.schema.directive(named: name) {
            known = directive.arguments.map(\.name)
        } else if let names = documentDirectiveArguments[name] {
            known = names
        } else {
            return
        }
        for argument in node.arguments where !known.contains(argument.name.value) {
            let argumentName = argument.name.value
            context.report(
                "Unknown argument \"\(argumentName)\" on directive \"@\(name)\"."
                    + didYouMean(suggestionList(argumentName, known)),
                at: argument.sourceLocation
            )
        }
    }

    func leaveDirective(_ node: Directive) { insideDirective = false }

    func enterArgument(_ node: Argument) {
        if insideDirective { return }
        let typeInfo = context.typeInfo
        guard typeInfo.argument == nil, let fieldDef = typeInfo.fieldDef, let parentType = typeInfo.parentType
        else { return }
        let argumentName = node.name.value
        context.report(
            "Unknown argument \"\(argumentName)\" on field \"\(parentType.name).\(fieldDef.name)\"."
                + didYouMean(suggestionList(argumentName, fieldDef.arguments.map(\.name))),
            at: node.sourceLocation
        )
    }
}
