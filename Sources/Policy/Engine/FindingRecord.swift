import Manifests

/// A finding as bytes in `FindingSpill`'s file: numbers as LEB128 varints (signed ones zigzagged),
/// strings as their UTF-8 length and bytes, optionals behind a 0/1 byte.
enum FindingRecord {
    static func write(_ finding: Finding, to bytes: inout [UInt8]) {
        var writer = Writer(bytes: bytes)
        bytes = []
        writer.string(finding.checkID)
        writer.unsigned(UInt64(Severity.allCases.firstIndex(of: finding.severity) ?? 0))
        writer.unsigned(UInt64(CheckCategory.allCases.firstIndex(of: finding.category) ?? 0))
        writer.string(finding.file)
        writer.signed(finding.position.line)
        writer.signed(finding.position.column)
        writer.signed(finding.position.offset)
        writer.optional(finding.object) { writer, object in
            writer.string(object.apiVersion)
            writer.string(object.kind)
            writer.string(object.name)
            writer.optional(object.namespace) { $0.string($1) }
        }
        writer.optional(finding.container) { $0.string($1) }
        writer.unsigned(UInt64(finding.path.components.count))
        for component in finding.path.components {
            switch component {
            case .key(let key):
                writer.bytes.append(0)
                writer.string(key)
            case .index(let index):
                writer.bytes.append(1)
                writer.signed(index)
            }
        }
        writer.string(finding.message)
        writer.optional(finding.documentIndex) { $0.signed($1) }
        bytes = writer.bytes
    }

    /// The finding `write` wrote, or nil when the bytes are not one.
    static func read(_ bytes: [UInt8]) -> Finding? {
        var reader = Reader(bytes: bytes)
        guard let checkID = reader.string(), let severity = reader.element(of: Severity.allCases),
            let category = reader.element(of: CheckCategory.allCases), let file = reader.string(),
            let line = reader.signed(), let column = reader.signed(), let offset = reader.signed(),
            let object = reader.optional({ reader -> ObjectReference? in
                guard let apiVersion = reader.string(), let kind = reader.string(), let name = reader.string(),
                    let namespace = reader.optional({ $0.string() })
                else { return nil }
                return ObjectReference(apiVersion: apiVersion, kind: kind, namespace: namespace, name: name)
            }), let container = reader.optional({ $0.string() }), let count = reader.unsigned(), count <= bytes.count
        else { return nil }
        var components: [DocumentPath.Component] = []
        for _ in 0..<count {
            guard let tag = reader.byte() else { return nil }
            if tag == 0, let key = reader.string() {
                components.append(.key(key))
            } else if tag == 1, let index = reader.signed() {
                components.append(.index(index))
            } else {
                return nil
            }
        }
        guard let message = reader.string(), let documentIndex = reader.optional({ $0.signed() }), reader.isAtEnd
        else { return nil }
        return Finding(
            checkID: checkID, severity: severity, category: category, file: file,
            position: SourcePosition(line: line, column: column, offset: offset), object: object,
            container: container, path: DocumentPath(components), message: message, documentIndex: documentIndex)
    }

    struct Writer {
        var bytes: [UInt8]

        mutating func unsigned(_ value: UInt64) {
            var value = value
            while value >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }

        mutating func signed(_ value: Int) {
            let wide = Int64(value)
            unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
        }

        mutating func string(_ value: String) {
            unsigned(UInt64(value.utf8.count))
            bytes.append(contentsOf: value.utf8)
        }

        mutating func optional<Value>(_ value: Value?, _ write: (inout Writer, Value) -> Void) {
            guard let value else { return bytes.append(0) }
            bytes.append(1)
            write(&self, value)
        }
    }

    /// Every read returns nil past the end or on a malformed number (the outer optional of
    /// `optional` is the failure, the inner one the value).
    struct Reader {
        let bytes: [UInt8]
        var position = 0

        var isAtEnd: Bool { position == bytes.count }

        mutating func byte() -> UInt8? {
            guard position < bytes.count else { return nil }
            defer { position += 1 }
            return bytes[position]
        }

        mutating func unsigned() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while let byte = byte() {
                guard shift < 64 else { return nil }
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            return nil
        }

        mutating func signed() -> Int? {
            guard let raw = unsigned() else { return nil }
            return Int(Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
        }

        mutating func string() -> String? {
            guard let count = unsigned(), count <= UInt64(bytes.count - position) else { return nil }
            defer { position += Int(count) }
            return String(decoding: bytes[position..<position + Int(count)], as: UTF8.self)
        }

        mutating func element<Value>(of values: [Value]) -> Value? {
            guard let index = unsigned(), index < UInt64(values.count) else { return nil }
            return values[Int(index)]
        }

        mutating func optional<Value>(_ read: (inout Reader) -> Value?) -> Value?? {
            switch byte() {
            case 0: return .some(nil)
            case 1: return read(&self).map { .some($0) }
            default: return nil
            }
        }
    }
}
