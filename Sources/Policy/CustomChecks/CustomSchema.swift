import JSONSchema
import Manifests
import Synchronization

/// One schema of a custom check: compiled once when it has no template action, else rendered
/// for each object with Polaris' template variables and compiled (the last results are kept:
/// most objects render to one of a few texts).
final class CustomSchema: Sendable {
    private enum Source: Sendable {
        case compiled(Schema)
        case template(PolarisTemplate)
    }

    private let source: Source
    private let cache = Mutex<[String: Result<Schema, SchemaCompilationFailure>]>([:])
    private static let cacheLimit = 256

    /// What rendering gave for one object: a schema, nothing (the template rendered only
    /// blanks: Polaris' way of saying "no requirement here"), or why it failed.
    enum Rendered {
        case schema(Schema)
        case nothing
        case failure(String)
    }

    init(compiled: Schema) {
        source = .compiled(compiled)
    }

    init(template: PolarisTemplate) {
        source = .template(template)
    }

    var needsTemplateData: Bool {
        if case .template = source { true } else { false }
    }

    func schema(for data: SchemaInstance) -> Rendered {
        switch source {
        case .compiled(let schema):
            return .schema(schema)
        case .template(let template):
            let text: String
            do {
                text = try template.render(data)
            } catch {
                return .failure("its schema template could not be run: \(error)")
            }
            guard text.contains(where: { !$0.isWhitespace }) else { return .nothing }
            if let cached = cache.withLock({ $0[text] }) { return Self.rendered(cached) }
            let result: Result<Schema, SchemaCompilationFailure>
            do throws(SchemaCompilationFailure) {
                result = .success(try Schema(text: text))
            } catch {
                result = .failure(error)
            }
            cache.withLock { entries in
                if entries.count >= Self.cacheLimit { entries.removeAll() }
                entries[text] = result
            }
            return Self.rendered(result)
        }
    }

    private static func rendered(_ result: Result<Schema, SchemaCompilationFailure>) -> Rendered {
        switch result {
        case .success(let schema): .schema(schema)
        case .failure(let failure): .failure("its schema, as templated for this object, is not valid: \(failure)")
        }
    }
}
