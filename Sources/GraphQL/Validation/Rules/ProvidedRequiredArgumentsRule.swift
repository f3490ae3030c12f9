/// Spec §5.4.2.1 Required Arguments: non-null arguments without a default must be given.
/// Checked when leaving the node so errors found deeper come first (as graphql-js).
final class ProvidedRequiredArgumentsRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.leaveField, .leaveDirective]
    /// Required arguments of directives the document defines itself: (name, printed type).
    private var documentDirectiveRequirements: [String: [(String, String)]] = [:]
    init(context: ValidationContext) {
        self.context = context
        for case .directive(let definition) in context.document.definitions {
            documentDirectiveRequirements[definition.name.value] = definition.arguments.compactMap { argument in
                guard case .nonNull = argument.type, argument.defaultValue == nil else { return nil }
                return (argument.name.value, LiteralPrinter.print(argument.type))
            }
        }
    }

    func leaveField(_ node: Field) {
        guard let fieldDef = context.typeInfo.fieldDef else { return }
        for argument in fieldDef.arguments where isRequiredInputValue(argument) {
            if node.arguments.contains(where: { $0.name.value == argument.name }) { continue }
            context.report(
                "Field \"\(fieldDef.name)\" argument \"\(argument.name)\" of type \"\(argument.type.printed)\" is required, but it was not provided.",
                at: node.sourceLocation
            )
        }
    }

    func leaveDirective(_ node: Directive) {
        let name = node.name.value
        let required: [(String, String)]
        if let directive = context.schema.directive(named: name) {
            required = directive.arguments.filter(isRequiredInputValue).map { ($0.name, $0.type.printed) }
        } else if let fromDocument = documentDirectiveRequirements[name] {
            required = fromDocument
        } else {
            return
        }
        for (argumentName, typeString) in required {
            if node.arguments.contains(where: { $0.name.value == argumentName }) { continue }
            context.report(
                "Directive \"@\(name)\" argument \"\(argumentName)\" of type \"\(typeString)\" is required, but it was not provided.",
                at: node.sourceLocation
            )
        }
    }
}
