import Foundation
import JSONKit
import JSONSchema

/// A contract that could not be loaded: which file, and what was wrong with it.
package struct APIContractError: Error, CustomStringConvertible, Sendable {
    package var file: String
    package var reason: String

    package var description: String { "cannot load the API contract from \(file): \(reason)" }

    static func readJSON(at url: URL) throws -> JSONValue {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw APIContractError(file: url.path, reason: "the file cannot be read (\(error.localizedDescription))")
        }
        do {
            return try JSONValue(jsonData: data)
        } catch {
            throw APIContractError(file: url.path, reason: "\(error)")
        }
    }
}
