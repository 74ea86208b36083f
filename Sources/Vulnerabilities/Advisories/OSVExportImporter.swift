import Archives
import Foundation
import HTTPKit

/// Imports one of OSV's per-ecosystem export archives (`<ecosystem>/all.zip`, one JSON record per
/// entry) from a file or a URL into an `AdvisoryStore`. A record that is not valid OSV is
/// reported with its entry name and skipped; the rest are imported together, or none are.
package struct OSVExportImporter: Sendable {
    package struct Limits: Sendable {
        package var archiveBytes: Int
        package var recordBytes: Int
        package var records: Int

        package init(archiveBytes: Int = 2 << 30, recordBytes: Int = 4 << 20, records: Int = 2_000_000) {
            self.archiveBytes = archiveBytes
            self.recordBytes = recordBytes
            self.records = records
        }
    }

    package struct Summary: Sendable, Equatable {
        package var export: String
        package var imported: Int
        /// `entry: reason` for each record left out.
        package var problems: [String]
    }

    private let http: any HTTPClient
    private let limits: Limits

    package init(http: any HTTPClient, limits: Limits = Limits()) {
        self.http = http
        self.limits = limits
    }

    /// `export`: the name the records are kept under (replaced on the next import of the same
    /// name); by default the URL's or path's folder (`…/Debian/all.zip` → `Debian`), else its file name.
    package func importExport(from source: String, export: String? = nil, into database: any AdvisoryStore, now: Date)
        async throws -> Summary
    {
        let archive = try await read(source)
        let name = export ?? Self.exportName(source)
        let reader: ZipReader
        do { reader = try ZipReader(archive, maximumEntries: limits.records) } catch {
            throw AdvisoryImportError(source: source, reason: error.description)
        }
        var records: [OSVRecord] = []
        var problems: [String] = []
        let decoder = JSONDecoder()
        for entry in reader.entries where entry.name.hasSuffix(".json") {
            do {
                let bytes = try reader.contents(of: entry, limit: limits.recordBytes)
                records.append(try decoder.decode(OSVRecord.self, from: Data(bytes)))
            } catch let error as ArchiveError {
                problems.append("\(entry.name): \(error.reason)")
            } catch {
                problems.append("\(entry.name): not an OSV record (\(Self.describe(error)))")
            }
        }
        try await database.replace(export: name, with: records.filter { $0.withdrawn == nil }, source: source, at: now)
        return Summary(export: name, imported: records.count, problems: problems)
    }

    private func read(_ source: String) async throws -> [UInt8] {
        if let url = URL(string: source), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" {
            let response = try await http.send(HTTPRequest(url: url, timeout: .seconds(600)))
            guard response.isSuccess else {
                throw AdvisoryImportError(source: source, reason: "the server answered \(response.status)")
            }
            guard response.body.count <= limits.archiveBytes else {
                throw AdvisoryImportError(
                    source: source, reason: "is larger than \(limits.archiveBytes >> 20) MiB; refused")
            }
            return Array(response.body)
        }
        let path = source.hasPrefix("file://") ? String(source.dropFirst(7)) : source
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        guard let size else { throw AdvisoryImportError(source: source, reason: "no such file") }
        guard size <= limits.archiveBytes else {
            throw AdvisoryImportError(
                source: source, reason: "is larger than \(limits.archiveBytes >> 20) MiB; refused")
        }
        do { return Array(try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
            throw AdvisoryImportError(source: source, reason: "cannot be read (\(error.localizedDescription))")
        }
    }

    static func exportName(_ source: String) -> String {
        let components = (URL(string: source)?.path ?? source).split(separator: "/")
        if components.count >= 2, components.last == "all.zip" { return String(components[components.count - 2]) }
        return components.last.map { String($0.split(separator: ".").first ?? $0) } ?? source
    }

    /// A decoding error's path and problem in a line (`affected[0].package: missing ecosystem`).
    static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .keyNotFound(let key, let context): return "missing \(key.stringValue)" + path(context)
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return context.debugDescription + path(context)
        case .dataCorrupted(let context): return "not JSON: \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    /// ` at affected[0].package`, or nothing at the top level.
    private static func path(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? "" : " at " + path.trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }
}

/// An advisory export that could not be imported: which source, and why.
package struct AdvisoryImportError: Error, Sendable, CustomStringConvertible {
    package var source: String
    package var reason: String
    package var description: String { "\(source): \(reason)" }
}
