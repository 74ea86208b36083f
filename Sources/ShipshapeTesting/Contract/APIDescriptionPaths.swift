import JSONKit
import JSONSchema

/// Operations added to an API description's `paths`, for the supplements that describe what the
/// copies in `shared/forge/` lack.
enum APIDescriptionPaths {
    /// `root` with each operation of `added` set at its path and method, replacing one there.
    static func adding(_ added: [String: [String: JSONValue]], to root: inout [String: JSONValue]) {
        var allPaths = root["paths"]?.objectValue ?? [:]
        for (path, operations) in added {
            var item = allPaths[path]?.objectValue ?? [:]
            for (method, operation) in operations { item[method] = operation }
            allPaths[path] = .object(item)
        }
        root["paths"] = .object(allPaths)
    }
}
