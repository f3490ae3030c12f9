/// Spec §5.2.1 Operation Type Existence (September 2025 edition): the schema must have a root
/// type for every operation kind the document uses.
final class KnownOperationTypesRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterOperation]
    init(context: ValidationContext) { self.context = context }

    func enterOperation(_ node: OperationDefinition) {
        if context.schema.rootType(for: node.operation) == nil {
            context.report(
                "The \(node.operation.rawValue) operation is not supported by the schema.",
                at: node.sourceLocation
            )
        }
    }
}
