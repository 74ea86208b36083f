import Foundation

/// Forge answers and webhook deliveries read into typed models with Foundation's `JSONDecoder`.
/// A field a model needs that is absent, null or of another type is a `MissingField` naming its
/// dotted path ("pull_request.head.sha", "check_suite.pull_requests.0.number"); bytes that are
/// not JSON, or not the object or list the model is, are `NotJSON`.
enum ForgeJSONDecoder {
    static func decode<Model: Decodable>(_ model: Model.Type, from data: Data) throws -> Model {
        do {
            return try JSONDecoder().decode(model, from: data)
        } catch let error as DecodingError {
            throw failure(of: error, size: data.count)
        } catch let error as UnexpectedValue {
            throw MissingField(path: dotted(error.codingPath), expected: error.expected)
        }
    }

    /// The field that failed, or why the whole body could not be read.
    static func failure(of error: DecodingError, size: Int) -> any Error {
        switch error {
        case .keyNotFound(let key, let context):
            return MissingField(path: dotted(context.codingPath + [key]), expected: "field")
        case .valueNotFound(let type, let context), .typeMismatch(let type, let context):
            guard !context.codingPath.isEmpty else {
                return NotJSON(reason: "the top level is not \(name(of: type)) (\(size) bytes received)")
            }
            return MissingField(path: dotted(context.codingPath), expected: name(of: type))
        case .dataCorrupted(let context):
            guard !context.codingPath.isEmpty else {
                let reason = size == 0 ? "the body is empty" : context.debugDescription
                return NotJSON(reason: "\(reason); \(size) bytes received")
            }
            return MissingField(
                path: dotted(context.codingPath), expected: "readable value (\(context.debugDescription))")
        @unknown default:
            return NotJSON(reason: "\(error)")
        }
    }

    /// `a.b.0.c`: keys by name, list items by index.
    static func dotted(_ path: [any CodingKey]) -> String {
        path.map { key in key.intValue.map(String.init) ?? key.stringValue }.joined(separator: ".")
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "string"
        case is Int.Type, is Int64.Type: "integer"
        case is Bool.Type: "boolean"
        case is Double.Type: "number"
        case is [Any].Type: "array"
        default: "object"
        }
    }
}

/// A field a model needs is absent, null or of another type; `path` is dotted from the top.
struct MissingField: Error, Equatable {
    var path: String
    /// What was expected there: "field" (absent), "string", "integer", "object"...
    var expected: String
}

/// The bytes are not JSON, or not the shape of the model.
struct NotJSON: Error, Equatable {
    var reason: String
}

/// Thrown by a model's own `init(from:)` when a value is there but not one it can use (a
/// repository path without an owner); it carries the decoder's path, which a plain error would lose.
struct UnexpectedValue: Error {
    var codingPath: [any CodingKey]
    var expected: String
}
