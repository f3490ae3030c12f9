/// A literal or variable written in a document (argument values, defaults, list/object items).
public enum ValueNode: ASTNode {
    case variable(Variable)
    case int(IntValue)
    case float(FloatValue)
    case string(StringValue)
    case boolean(BooleanValue)
    case null(NullValue)
    case enumValue(EnumValue)
    case list(ListValue)
    case object(ObjectValue)

    public var loc: Location? {
        switch self {
        case .variable(let v): v.loc
        case .int(let v): v.loc
        case .float(let v): v.loc
        case .string(let v): v.loc
        case .boolean(let v): v.loc
        case .null(let v): v.loc
        case .enumValue(let v): v.loc
        case .list(let v): v.loc
        case .object(let v): v.loc
        }
    }

    /// True when the value is, or contains, a variable reference (so it is not a constant).
    public var containsVariable: Bool {
        switch self {
        case .variable: true
        case .list(let l): l.values.contains { $0.containsVariable }
        case .object(let o): o.fields.contains { $0.value.containsVariable }
        default: false
        }
    }
}

/// An integer literal, kept as written so coercion decides its range.
public struct IntValue: ASTNode {
    public var value: String
    public var loc: Location?
    public init(value: String, loc: Location? = nil) { self.value = value; self.loc = loc }
}

/// A float literal, kept as written so coercion decides its precision.
public struct FloatValue: ASTNode {
    public var value: String
    public var loc: Location?
    public init(value: String, loc: Location? = nil) { self.value = value; self.loc = loc }
}

/// A string literal after escape processing; `block` remembers `"""…"""` form for printing.
public struct StringValue: ASTNode {
    public var value: String
    public var block: Bool
    public var loc: Location?
    public init(value: String, block: Bool = false, loc: Location? = nil) {
        self.value = value
        self.block = block
        self.loc = loc
    }
}

/// `true` or `false`.
public struct BooleanValue: ASTNode {
    public var value: Bool
    public var loc: Location?
    public init(value: Bool, loc: Location? = nil) { self.value = value; self.loc = loc }
}

/// `null`.
public struct NullValue: ASTNode {
    public var loc: Location?
    public init(loc: Location? = nil) { self.loc = loc }
}

/// A bare name in value position, such as `RED`.
public struct EnumValue: ASTNode {
    public var value: String
    public var loc: Location?
    public init(value: String, loc: Location? = nil) { self.value = value; self.loc = loc }
}

/// `[a, b, c]`.
public struct ListValue: ASTNode {
    public var values: [ValueNode]
    public var loc: Location?
    public init(values: [ValueNode], loc: Location? = nil) { self.values = values; self.loc = loc }
}

/// `{ name: value, … }`.
public struct ObjectValue: ASTNode {
    public var fields: [ObjectField]
    public var loc: Location?
    public init(fields: [ObjectField], loc: Location? = nil) { self.fields = fields; self.loc = loc }
}

/// One `name: value` entry of an object literal.
public struct ObjectField: ASTNode {
    public var name: Name
    public var value: ValueNode
    public var loc: Location?
    public init(name: Name, value: ValueNode, loc: Location? = nil) {
        self.name = name
        self.value = value
        self.loc = loc
    }
}
