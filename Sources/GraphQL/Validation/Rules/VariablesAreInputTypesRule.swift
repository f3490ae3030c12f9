/// Spec §5.8.2 Variables Are Input Types.
final class VariablesAreInputTypesRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterVariableDefinition]
    init(context: ValidationContext) { self.context = context }

    func enterVariableDefinition(_ node: VariableDefinition) {
        guard let type = context.schema.typeFromAST(node.type), !isInputType(type) else { return }
        context.report(
            "Variable \"$\(node.variable.name.value)\" cannot be non-input type \"\(LiteralPrinter.print(node.type))\".",
            at: node.type.sourceLocation
        )
    }
}
