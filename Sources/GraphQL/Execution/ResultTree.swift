/// The response under construction: one node per object or list, filled level by level.
///
/// A node knows its parent and its slot there, so a `null` found deep in the tree can be propagated
/// up to the nearest nullable position after the parents were already built (spec 6.4.4).
///
/// Parents hold children strongly through their slots; the parent link is `unowned` to avoid cycles.
/// Every node is also kept alive by the run's arena (`ResultArena`), which the `ExecutionResult` owns,
/// so nodes dropped from the tree by null propagation stay valid while their children are pending.
final class ResultNode: @unchecked Sendable {
    unowned let parent: ResultNode?
    /// Field index in the parent object plan, or item index in the parent list.
    let slot: Int
    /// Whether this node's own position is non-null, so a null here nulls the parent too.
    let slotIsNonNull: Bool
    /// The object plan for object nodes; `nil` for lists.
    let plan: ObjectPlan?
    /// Number of slots: the plan's field count, or the list's length.
    let count: Int
    /// Slots live in a raw buffer: the executor is their only writer, so no exclusivity or
    /// copy-on-write checks are needed on this hot path.
    private let slots: UnsafeMutablePointer<ResultSlot>
    var isNull = false

    init(parent: ResultNode?, slot: Int, slotIsNonNull: Bool, plan: ObjectPlan?, count: Int) {
        self.parent = parent
        self.slot = slot
        self.slotIsNonNull = slotIsNonNull
        self.plan = plan
        self.count = count
        slots = .allocate(capacity: Swift.max(count, 1))
        slots.initialize(repeating: .null, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    subscript(index: Int) -> ResultSlot {
        get { slots[index] }
        set { slots[index] = newValue }
    }

    /// True when this node or an ancestor was nulled, so its pending fields need not run.
    var isInNulledSubtree: Bool {
        var node: ResultNode? = self
        while let current = node {
            if current.isNull { return true }
            node = current.parent
        }
        return false
    }

    /// Response path of this node (root is empty).
    var path: [PathComponent] {
        var components: [PathComponent] = []
        var node = self
        while let parent = node.parent {
            components.append(parent.component(for: node.slot))
            node = parent
        }
        components.reverse()
        return components
    }

    func component(for slot: Int) -> PathComponent {
        if let plan { return .key(plan.fields[slot].responseKey) }
        return .index(slot)
    }

    /// Writes this node as JSON; nulled nodes write `null`.
    func write(into buffer: inout [UInt8]) {
        if isNull {
            buffer.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
            return
        }
        if let plan {
            buffer.append(UInt8(ascii: "{"))
            let fields = plan.fields
            for index in 0..<count {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                buffer.append(contentsOf: fields[index].keyBytes)
                slots[index].write(into: &buffer)
            }
            buffer.append(UInt8(ascii: "}"))
        } else {
            buffer.append(UInt8(ascii: "["))
            for index in 0..<count {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                slots[index].write(into: &buffer)
            }
            buffer.append(UInt8(ascii: "]"))
        }
    }

    /// This node as a `JSON` value (for tests and callers that post-process results).
    var json: JSON {
        if isNull { return .null }
        if let plan {
            var object = JSONObject()
            for index in 0..<count { object[plan.fields[index].responseKey] = slots[index].json }
            return .object(object)
        }
        return .array((0..<count).map { slots[$0].json })
    }
}

/// One completed position of the response.
enum ResultSlot {
    case null
    case leaf(JSON)
    case node(ResultNode)

    func write(into buffer: inout [UInt8]) {
        switch self {
        case .null: buffer.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .leaf(let value):
            switch value {
            case .string(let string): JSONWriter.writeString(string, into: &buffer)
            case .int(let int): JSONWriter.writeInt(int, into: &buffer)
            default: JSONWriter.write(value, into: &buffer)
            }
        case .node(let node): node.write(into: &buffer)
        }
    }

    var json: JSON {
        switch self {
        case .null: .null
        case .leaf(let value): value
        case .node(let node): node.json
        }
    }
}

/// A slot of a node, as resolvers see it: enough to compute the response path lazily.
struct ResultPosition: Sendable {
    let node: ResultNode
    let slot: Int

    var path: [PathComponent] {
        var components = node.path
        components.append(node.component(for: slot))
        return components
    }
}

/// Owns every node of one execution so parent links stay valid until the result is released.
final class ResultArena: @unchecked Sendable {
    private(set) var nodes: [ResultNode] = []

    func adopt(_ node: ResultNode) -> ResultNode {
        nodes.append(node)
        return node
    }
}
