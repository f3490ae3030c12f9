/// The response under construction: one node per object or list, filled level by level.
///
/// A node knows its parent and its slot there, so a `null` found deep in the tree can be propagated
/// up to the nearest nullable position after the parents were already built (spec 6.4.4).
///
/// Parents hold children strongly through their slots; the parent link is `unowned` to avoid cycles.
/// Nodes dropped from the tree by null propagation are kept by the run's `ResultArena`, which the
/// `ExecutionResult` owns, so their pending children's parent links stay valid.
final class ResultNode: ManagedBuffer<ResultNodeHeader, ResultSlot> {
    /// A node and its slots in one allocation, every slot `null`.
    static func make(parent: ResultNode?, slot: Int, slotIsNonNull: Bool, plan: ObjectPlan?, count: Int) -> ResultNode {
        let buffer = ResultNode.create(minimumCapacity: count) { _ in
            ResultNodeHeader(parent: parent, slot: slot, slotIsNonNull: slotIsNonNull, plan: plan, count: count)
        }
        let node = unsafeDowncast(buffer, to: ResultNode.self)
        node.withUnsafeMutablePointerToElements { $0.initialize(repeating: .null, count: count) }
        return node
    }

    deinit {
        // Slot by slot: a specialized destroy per slot is cheaper than the runtime's generic array destroy.
        withUnsafeMutablePointers { header, slots in
            for index in 0..<header.pointee.count { _ = (slots + index).move() }
        }
    }

    // Header fields are read through pointers: the executor is the only writer, so the exclusivity
    // checks a stored `var` would cost are not needed on this hot path.
    var parent: ResultNode? { withUnsafeMutablePointerToHeader { $0.pointee.parent } }
    /// Field index in the parent object plan, or item index in the parent list.
    var slot: Int { withUnsafeMutablePointerToHeader { $0.pointee.slot } }
    /// Whether this node's own position is non-null, so a null here nulls the parent too.
    var slotIsNonNull: Bool { withUnsafeMutablePointerToHeader { $0.pointee.slotIsNonNull } }
    /// The object plan for object nodes; `nil` for lists.
    var plan: ObjectPlan? { withUnsafeMutablePointerToHeader { $0.pointee.plan } }
    /// Number of slots: the plan's field count, or the list's length.
    var count: Int { withUnsafeMutablePointerToHeader { $0.pointee.count } }
    var isNull: Bool {
        get { withUnsafeMutablePointerToHeader { $0.pointee.isNull } }
        set { withUnsafeMutablePointerToHeader { $0.pointee.isNull = newValue } }
    }

    subscript(index: Int) -> ResultSlot {
        get { withUnsafeMutablePointerToElements { $0[index] } }
        set { withUnsafeMutablePointerToElements { $0[index] = newValue } }
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
    func write(into sink: inout ByteSink) {
        if sink.exceeded { return }
        withUnsafeMutablePointers { header, slots in
            if header.pointee.isNull {
                sink.appendNull()
                return
            }
            let count = header.pointee.count
            if let plan = header.pointee.plan {
                if count == 0 {
                    sink.reserve(2)
                    sink.appendReserved(UInt8(ascii: "{"))
                    sink.appendReserved(UInt8(ascii: "}"))
                    return
                }
                let keys = plan.keyBytes
                let offsets = plan.keyOffsets
                for index in 0..<count where !sink.exceeded {
                    let start = offsets[index]
                    sink.append(keys + start, count: offsets[index + 1] - start)
                    slots[index].write(into: &sink)
                }
                sink.append(UInt8(ascii: "}"))
            } else {
                sink.append(UInt8(ascii: "["))
                for index in 0..<count where !sink.exceeded {
                    if index > 0 { sink.append(UInt8(ascii: ",")) }
                    slots[index].write(into: &sink)
                }
                sink.append(UInt8(ascii: "]"))
            }
        }
    }

    /// This node as a `JSON` value (for tests and callers that post-process results).
    var json: JSON {
        if isNull { return .null }
        if let plan {
            var object = JSONObject()
            for index in 0..<count { object[plan.fields[index].responseKey] = self[index].json }
            return .object(object)
        }
        return .array((0..<count).map { self[$0].json })
    }
}

/// One completed position of the response.
enum ResultSlot {
    case null
    case leaf(JSON)
    case node(ResultNode)
    /// A resolver's already completed JSON (`ResolvedValue.serialized`).
    case serialized([UInt8])

    @inline(__always)
    func write(into sink: inout ByteSink) {
        switch self {
        case .null: sink.appendNull()
        case .leaf(let value):
            switch value {
            case .string(let string): sink.appendString(string)
            case .int(let int): sink.appendInt(int)
            case .double(let double): sink.appendDouble(double)
            case .bool(let flag):
                if flag { sink.append([0x74, 0x72, 0x75, 0x65]) } else { sink.append([0x66, 0x61, 0x6C, 0x73, 0x65]) }
            default:
                var buffer: [UInt8] = []
                JSONWriter.write(value, into: &buffer)
                sink.append(buffer)
            }
        case .node(let node): node.write(into: &sink)
        case .serialized(let bytes): sink.append(bytes)
        }
    }

    var json: JSON {
        switch self {
        case .null: .null
        case .leaf(let value): value
        case .node(let node): node.json
        case .serialized(let bytes): (try? JSON.parse(bytes)) ?? .null
        }
    }
}

/// A slot of a node, as resolvers see it: enough to compute the response path lazily.
struct ResultPosition: Sendable {
    /// Only read (for paths) outside the executor; nodes are immutable where paths are concerned.
    nonisolated(unsafe) let node: ResultNode
    let slot: Int

    var path: [PathComponent] {
        var components = node.path
        components.append(node.component(for: slot))
        return components
    }
}

/// A node's fixed part, stored in front of its slots.
struct ResultNodeHeader {
    unowned let parent: ResultNode?
    let slot: Int
    let slotIsNonNull: Bool
    let plan: ObjectPlan?
    let count: Int
    var isNull = false
}

/// Keeps alive the nodes that null propagation dropped from the tree (a list that failed after some
/// of its items were created), so the parent links of their pending children stay valid until the
/// result is released. Every other node is owned by its parent's slot.
final class ResultArena: @unchecked Sendable {
    @exclusivity(unchecked) private(set) var orphans: [ResultNode] = []
    /// Every node created, to size the response buffer.
    @exclusivity(unchecked) private(set) var nodeCount = 0

    func adopt(_ node: ResultNode) -> ResultNode {
        orphans.append(node)
        return node
    }

    @inline(__always)
    func counted(_ node: ResultNode) -> ResultNode {
        nodeCount += 1
        return node
    }
}
