import Campaigns
import Foundation
import GraphQL

extension ResolverContext {
    /// The field's arguments as `T`, decoded once from the values coercion produced (which the schema has already
    /// checked, so a failure here is a mismatch between `T` and the schema: an internal error).
    func arguments<T: Decodable>(as type: T.Type = T.self) throws -> T {
        try JSONValueDecoder().decode(T.self, from: .object(arguments))
    }
}

/// An input field that may be left out, given as `null`, or given: updates keep a field left out, and some refuse
/// or clear on `null` (Swift's `Optional` cannot tell the first two apart).
enum Nullable<Value: Decodable & Sendable>: Decodable, Sendable {
    case absent, null, value(Value)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .null : .value(try container.decode(Value.self))
    }

    /// The value given, nil when left out or null.
    var value: Value? { if case .value(let value) = self { value } else { nil } }

    var isNull: Bool { if case .null = self { true } else { false } }

    /// For a change: nil when left out, `.some(nil)` to clear, `.some(value)` to set.
    var patch: Value?? {
        switch self {
        case .absent: nil
        case .null: .some(nil)
        case .value(let value): .some(value)
        }
    }
}

/// Refuses the fields of an update given as `null` (`fields`: name → whether it was null), in the order given.
func refuseNull(_ fields: KeyValuePairs<String, Bool>) throws {
    for (name, isNull) in fields where isNull {
        throw UserError.badInput("\(name) cannot be null; leave it out to keep the current value.", field: "input.\(name)")
    }
}

extension KeyedDecodingContainer {
    /// A key left out is `.absent` (the synthesized decoding would call it missing).
    func decode<Value>(_ type: Nullable<Value>.Type, forKey key: Key) throws -> Nullable<Value> {
        guard contains(key) else { return .absent }
        return try Nullable(from: superDecoder(forKey: key))
    }
}

/// A `Decimal` as the client sent it, a numeric string or a JSON number; checked where its path is known. The scalar
/// passes any value through, so anything else reads as text that is no number.
struct DecimalInput: Decodable, Sendable {
    let text: String
    /// The value when the client sent a JSON integer.
    let integer: Int?

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        integer = try? container.decode(Int.self)
        if let text = try? container.decode(String.self) {
            self.text = text
        } else if let integer {
            text = String(integer)
        } else if let number = try? container.decode(Double.self), number.isFinite {
            // Swift's shortest round-trip form: 12.34 stays "12.34" (a Decimal conversion could add binary noise).
            text = "\(number)"
        } else {
            text = ""
        }
    }

    /// The amount, or nil when the text is not a number with at most 12 integer digits and 2 decimals.
    var money: Money? { Money(text) }

    /// The value: an integer as sent, any other number as an amount (`money`).
    var decimal: Decimal? { integer.map { Decimal($0) } ?? money?.value }
}

/// A value of one of the schema's enums, by its GraphQL name (`META_ADS`).
struct EnumInput<Value: APIEnum & Sendable>: Decodable, Sendable {
    let value: Value?

    init(from decoder: any Decoder) throws {
        value = Value(apiName: try decoder.singleValueContainer().decode(String.self))
    }
}

/// An `ID` argument: the object it names, once its type is known.
struct IDInput: Decodable, Sendable {
    let text: String

    init(from decoder: any Decoder) throws {
        text = try decoder.singleValueContainer().decode(String.self)
    }

    func id(of type: NodeType) -> UUID? { GlobalID.decode(text, as: type) }
}

/// A `DateTime` argument: RFC 3339, fractional seconds and offsets allowed (anything but a string reads as no date).
struct DateTimeInput: Decodable, Sendable {
    let text: String

    init(from decoder: any Decoder) throws {
        text = (try? decoder.singleValueContainer().decode(String.self)) ?? ""
    }

    var date: Date? { Date(dateTimeText: text) }
}
