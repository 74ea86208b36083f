import Fixes
import Manifests

/// Writes upgrades into file contents: only the bytes of each version (and digest) change.
/// A value several dependencies share (one OCIRepository behind two HelmReleases) is written
/// once; an edit that would leave the file unparsable is refused.
package enum UpgradeEditor {
    package struct Outcome: Sendable {
        /// New contents per changed file.
        package var files: [String: [UInt8]] = [:]
        /// What those files held before, for diffs.
        package var originals: [String: [UInt8]] = [:]
        /// Upgrades written, and those that could not be, with why.
        package var applied: [Upgrade] = []
        package var refused: [(upgrade: Upgrade, reason: String)] = []
    }

    package static func apply(_ upgrades: [Upgrade], read: (String) throws -> [UInt8]) -> Outcome {
        var outcome = Outcome()
        var byFile: [String: [Upgrade]] = [:]
        for upgrade in upgrades where upgrade.isApplicable {
            byFile[upgrade.dependency.location.file, default: []].append(upgrade)
        }
        for (file, group) in byFile.sorted(by: { $0.key < $1.key }) {
            let original: [UInt8]
            do { original = try read(file) } catch {
                outcome.refused += group.map { ($0, "cannot read \(file): \(error)") }
                continue
            }
            var edits: [TextEdit: Upgrade] = [:]
            var written: [Upgrade] = []
            for upgrade in group {
                guard let newValue = upgrade.newValue, let range = upgrade.dependency.location.range else {
                    outcome.refused.append(
                        (
                            upgrade,
                            "\(upgrade.dependency.location): the version is not written as plain text on one line; edit it by hand"
                        ))
                    continue
                }
                guard original.indices.contains(range.lowerBound), range.upperBound <= original.count,
                    String(decoding: original[range], as: UTF8.self) == upgrade.dependency.currentValue
                else {
                    outcome.refused.append(
                        (upgrade, "\(upgrade.dependency.location): the file changed since it was scanned"))
                    continue
                }
                edits[TextEdit(range: range, replacement: newValue)] = upgrade
                if let digest = upgrade.newDigest, let digestRange = upgrade.dependency.digestLocation?.range {
                    edits[TextEdit(range: digestRange, replacement: digest)] = upgrade
                }
                written.append(upgrade)
            }
            do {
                let changed = try TextEdit.apply(Array(edits.keys), to: original)
                let before = YAMLParser.parse(bytes: original).errors.count
                guard YAMLParser.parse(bytes: changed).errors.count <= before else {
                    outcome.refused += written.map { ($0, "\(file): the edit would break the YAML; nothing written") }
                    continue
                }
                outcome.files[file] = changed
                outcome.originals[file] = original
                outcome.applied += written
            } catch {
                outcome.refused += written.map { ($0, "\(file): \(error)") }
            }
        }
        return outcome
    }
}
