import Foundation

/// Where OSV advisories are kept and looked up: `AdvisoryDatabase` (SQLite, for the CLI and a
/// service with a SQLite queue) or the PostgreSQL queue's database, which replicas share (the
/// bot's `PostgresJobQueue`). Both promise the same: an import replaces one export whole or not
/// at all, and a lookup sees one import or the next, never half of one.
package protocol AdvisoryStore: Sendable {
    /// Replaces everything an earlier import of `export` (e.g. `Debian`) brought, in one
    /// transaction: a failed import leaves the previous data whole. A record already kept under
    /// another export moves to this one (OSV ids are unique across exports).
    func replace(export: String, with records: [OSVRecord], source: String, at date: Date) async throws
    /// When and from where each export was last imported, by export name.
    func imports() async throws -> [AdvisoryImport]
    /// Every record naming one of `names` as an affected package (any ecosystem; the matcher
    /// checks which entry applies), by id, each once.
    func records(affecting names: Set<String>) async throws -> [OSVRecord]
}

/// When and from where one export was last imported, and how many records it kept.
package struct AdvisoryImport: Sendable, Hashable, Codable {
    package var export: String
    package var source: String
    package var importedAt: Date
    package var records: Int

    package init(export: String, source: String, importedAt: Date, records: Int) {
        self.export = export
        self.source = source
        self.importedAt = importedAt
        self.records = records
    }
}
