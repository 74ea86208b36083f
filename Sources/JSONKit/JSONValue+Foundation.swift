import Foundation

/// JSON text read and written with Foundation's `JSONSerialization`, which keeps what a schema
/// needs apart: its booleans are their own kind of `NSNumber`, integers are read exactly into
/// 64 bits, and fractions and exponents (`1.0`, `1e3`) are read as doubles. Nesting deeper than
/// 512 levels is refused by the reader.
extension JSONValue {
    /// Why a JSON text could not be read: Foundation's reason, which names the character offset.
    package struct ReadingError: Error, CustomStringConvertible, Sendable {
        package var reason: String
        package var description: String { "not JSON: \(reason)" }
    }

    package init(jsonData data: Data) throws(ReadingError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw ReadingError(reason: (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)")
        }
        self.init(foundation: object)
    }

    package init(jsonText text: String) throws(ReadingError) {
        try self.init(jsonData: Data(text.utf8))
    }

    private init(foundation object: Any) {
        switch object {
        case let text as String: self = .string(text)
        case let number as NSNumber: self = Self.number(number)
        case let items as [Any]: self = .array(items.map(JSONValue.init(foundation:)))
        case let members as [String: Any]: self = .object(members.mapValues(JSONValue.init(foundation:)))
        default: self = .null
        }
    }

    /// `c` is the type JSONSerialization gives `true` and `false`; `d` any number with a fraction
    /// or an exponent; `Q` an integer past `Int64.max` (kept as the nearest double); the rest are
    /// integers that fit in 64 bits.
    private static func number(_ number: NSNumber) -> JSONValue {
        switch String(cString: number.objCType) {
        case "c", "B": .bool(number.boolValue)
        case "d", "f": .number(number.doubleValue)
        case "Q": number.uint64Value <= UInt64(Int64.max) ? .integer(number.int64Value) : .number(number.doubleValue)
        default: .integer(number.int64Value)
        }
    }

    /// Compact JSON with object keys sorted, so equal values give equal bytes; slashes are not
    /// escaped, and integers are written as integers (`9`, never `9.0`). What forges receive.
    package var jsonData: Data {
        // A fragment of any JSON value is always writable: the only failures are non-JSON objects.
        (try? JSONSerialization.data(
            withJSONObject: foundation, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]))
            ?? Data()
    }

    package var jsonText: String { String(decoding: jsonData, as: UTF8.self) }

    private var foundation: Any {
        switch self {
        case .null: NSNull()
        case .bool(let flag): NSNumber(value: flag)
        case .integer(let whole): NSNumber(value: whole)
        case .number(let number): number.isFinite ? NSNumber(value: number) : NSNull()
        case .string(let text): text
        case .array(let items): items.map(\.foundation)
        case .object(let members): members.mapValues(\.foundation)
        }
    }
}
