/// The parents at one level that selected the same field with the same arguments.
final class BatchGroup {
    let typeID: Int
    let fieldName: String
    let arguments: JSONObject
    let firstPlan: FieldPlan
    var targets: [(plan: FieldPlan, position: ResultPosition)] = []
    var parents: [ResolvedValue] = []

    init(typeID: Int, fieldName: String, arguments: JSONObject, firstPlan: FieldPlan) {
        self.typeID = typeID
        self.fieldName = fieldName
        self.arguments = arguments
        self.firstPlan = firstPlan
    }
}

/// Batch resolvers: parents of one level are grouped by field and arguments, and each group is
/// resolved with one call.
extension ExecutionRun {
    func group(for plan: FieldPlan, arguments: JSONObject) -> BatchGroup {
        let typeID = plan.parentType.id
        for group in batchGroups
        where group.typeID == typeID && group.fieldName == plan.fieldName && group.arguments == arguments {
            return group
        }
        let group = BatchGroup(typeID: typeID, fieldName: plan.fieldName, arguments: arguments, firstPlan: plan)
        batchGroups.append(group)
        return group
    }

    /// Calls each synchronous batch resolver of the level once; `async` ones join the deferred calls.
    func runSyncBatches() {
        let groups = batchGroups
        batchGroups = []
        for group in groups {
            let plan = group.firstPlan
            let batchContext = BatchFieldContext(
                parents: group.parents, arguments: group.arguments, context: context,
                info: ResolveInfo(plan: plan, position: group.targets[0].position))
            guard case .resolver(let resolver) = plan.kind else { continue }
            switch resolver {
            case .batchSync(let resolve):
                let result: Result<[ResolvedValue], any Error>
                do { result = .success(try resolve(batchContext)) } catch { result = .failure(error) }
                distribute(result, to: group)
            case .batchAsync(let resolve):
                deferred.append(.batch(resolve, batchContext, group))
            default:
                continue
            }
        }
    }

    func distribute(_ result: Result<[ResolvedValue], any Error>, to group: BatchGroup) {
        switch result {
        case .success(let values) where values.count == group.targets.count:
            for (index, target) in group.targets.enumerated() {
                completeField(values[index], plan: target.plan, position: target.position)
            }
        case .success(let values):
            let error = BatchCountMismatch(
                coordinate: group.firstPlan.coordinate, expected: group.targets.count, actual: values.count)
            for target in group.targets { fieldError(error, plan: target.plan, position: target.position) }
        case .failure(let error):
            for target in group.targets { fieldError(error, plan: target.plan, position: target.position) }
        }
    }
}

extension BatchGroup {
    func append(plan: FieldPlan, position: ResultPosition, parent: ResolvedValue) {
        targets.append((plan, position))
        parents.append(parent)
    }
}

/// A batch resolver must return exactly one value per parent.
struct BatchCountMismatch: Error, CustomStringConvertible {
    var coordinate: String
    var expected: Int
    var actual: Int
    var description: String { "Batch resolver for \(coordinate) returned \(actual) values for \(expected) parents" }
}
