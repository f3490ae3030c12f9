/// Spec §5.1.1 Executable Definitions: a document sent for execution may contain only
/// operations and fragments.
final class ExecutableDefinitionsRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterDocument]
    init(context: ValidationContext) { self.context = context }

    func enterDocument(_ node: Document) {
        for definition in node.definitions where !definition.isExecutable {
            let name: String
            switch definition {
            case .schema, .schemaExtension: name = "schema"
            case .type(let type): name = "\"" + type.name.value + "\""
            case .typeExtension(let type): name = "\"" + type.name.value + "\""
            case .directive(let directive): name = "\"" + directive.name.value + "\""
            case .operation, .fragment: continue
            }
            context.report("The \(name) definition is not executable.", at: definition.sourceLocation)
        }
    }
}
