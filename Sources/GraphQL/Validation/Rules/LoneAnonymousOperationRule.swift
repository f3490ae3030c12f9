/// Spec §5.2.3.1 Lone Anonymous Operation: the `{ ... }` shorthand only works when it is the
/// document's only operation.
final class LoneAnonymousOperationRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterOperation]
    init(context: ValidationContext) { self.context = context }

    func enterOperation(_ node: OperationDefinition) {
        if node.name == nil && context.operations.count > 1 {
            context.report("This anonymous operation must be the only defined operation.", at: node.sourceLocation)
        }
    }
}
