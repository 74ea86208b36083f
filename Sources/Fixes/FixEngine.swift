import Manifests
import Policy

/// Fixes a file's findings one at a time with the checks' own recipes: check, edit the first
/// fixable finding in place, check again, until nothing fixable is left. Every fix is a minimal
/// text edit, so running it again on its own output changes nothing.
package struct FixEngine: Sendable {
    /// Which recipes run.
    package enum Selection: Sendable {
        /// Recipes that apply by default (not those a person should look at first).
        case defaults
        /// Every recipe.
        case all
        /// The recipes of these checks, including those that do not apply by default.
        case checks(Set<String>)
    }

    package struct Applied: Sendable {
        package var finding: Finding
        package var reason: String
        /// The document (0-based, in its file) and the paths in it the fix set or removed.
        package var document: Int
        package var editedPaths: [DocumentPath]
    }

    package struct Unfixed: Sendable {
        package var finding: Finding
        package var why: String
    }

    package struct Outcome: Sendable {
        package var bytes: [UInt8]
        package var applied: [Applied]
        package var unfixed: [Unfixed]
    }

    /// Fixes tried in one document before `fix` stops and says so.
    static let maximumFixesPerDocument = 1_000

    package var policy: PolicyEngine
    package var selection: Selection
    /// The rest of the tree, so cross-object findings are judged as `check` judges them.
    package var context: TreeFacts

    package init(policy: PolicyEngine, selection: Selection = .defaults, context: TreeFacts = TreeFacts()) {
        self.policy = policy
        self.selection = selection
        self.context = context
    }

    /// Fixes every selected finding of the file. Each document is fixed on its own (cross-object
    /// checks still see the whole tree through `context`), so the work grows with the file's size,
    /// not with its square. A file with a byte order mark, or in UTF-16, is fixed as UTF-8 text and
    /// written back as it came.
    package func fix(path: String, bytes original: [UInt8]) -> Outcome {
        let encoding = SourceEncoding(of: original)
        guard encoding != .utf8 else { return fixUTF8(path: path, bytes: original) }
        guard let text = encoding.utf8(original) else {
            let findings = policy.run(files: [(path, String(decoding: original, as: UTF8.self))], knownFacts: context)
                .findings
            return Outcome(
                bytes: original, applied: [],
                unfixed: findings.map { Unfixed(finding: $0, why: "the file is not valid UTF-16 text; fix it by hand") }
            )
        }
        var outcome = fixUTF8(path: path, bytes: text)
        outcome.bytes = outcome.bytes == text ? original : encoding.encode(outcome.bytes)
        return outcome
    }

    private func fixUTF8(path: String, bytes original: [UInt8]) -> Outcome {
        guard let chunks = DocumentChunks.split(original), chunks.count > 1 else {
            return fixDocuments(path: path, bytes: original)
        }
        // Cross-object checks judge a document with the file's other documents as context, as a
        // run over the whole file would; a caller's context (the whole tree) already holds them.
        var engine = self
        if context.workspace == nil {
            engine.context = policy.context(paths: [path]) { _ in original }
        }
        var outcome = Outcome(bytes: [], applied: [], unfixed: [])
        outcome.bytes.reserveCapacity(original.count)
        var documentsBefore = 0
        for chunk in chunks {
            let part = engine.fixDocuments(path: path, bytes: Array(chunk.bytes))
            outcome.bytes += part.bytes
            outcome.applied += part.applied.map { applied in
                var applied = applied
                applied.finding = Self.shifted(applied.finding, by: chunk)
                applied.document += documentsBefore
                return applied
            }
            outcome.unfixed += part.unfixed.map { Unfixed(finding: Self.shifted($0.finding, by: chunk), why: $0.why) }
            documentsBefore += YAMLParser.parse(bytes: Array(chunk.bytes)).documents.count
        }
        outcome.unfixed.sort { Finding.reportOrder($0.finding, $1.finding) }
        return outcome
    }

    /// A finding of a chunk, placed in the whole file.
    private static func shifted(_ finding: Finding, by chunk: DocumentChunk) -> Finding {
        var finding = finding
        finding.position = SourcePosition(
            line: finding.position.line + chunk.lineOffset, column: finding.position.column,
            offset: finding.position.offset + chunk.characterOffset)
        return finding
    }

    /// Fixes found one at a time, re-checking after each, until none is left to try.
    private func fixDocuments(path: String, bytes original: [UInt8]) -> Outcome {
        var bytes = original
        var applied: [Applied] = []
        var unfixed: [String: Unfixed] = [:]
        var attempted: Set<String> = []
        let recipes = Dictionary(
            uniqueKeysWithValues: policy.checks.compactMap { check in check.fix.map { (check.id, $0) } })
        // Cross-object findings without a recipe are not this command's business.
        let contextual = Set(policy.checks.filter { $0.needsWorkspace && $0.fix == nil }.map { $0.id })
        // Each pass tries a finding not tried before; the bound only guards against a recipe
        // that keeps making new findings, and says so when reached.
        for pass in 0...Self.maximumFixesPerDocument {
            let findings = policy.run(files: [(path, String(decoding: bytes, as: UTF8.self))], knownFacts: context)
                .findings
            // A fix that did not clear its finding is not reported as a fix.
            let remaining = Set(findings.map(\.fingerprint))
            for (index, fixed) in applied.enumerated().reversed() where remaining.contains(fixed.finding.fingerprint) {
                applied.remove(at: index)
                unfixed[fixed.finding.fingerprint] = Unfixed(
                    finding: fixed.finding, why: "the edit did not clear the finding (another setting overrides it)")
            }
            let candidates = findings.filter {
                !attempted.contains($0.fingerprint) && isSelected($0, recipes[$0.checkID])
            }
            guard
                let finding = candidates.first(where: { recipes[$0.checkID]?.runsAfterOthers != true })
                    ?? candidates.first,
                let recipe = recipes[finding.checkID]
            else {
                for finding in findings
                where !attempted.contains(finding.fingerprint) && unfixed[finding.fingerprint] == nil
                    && !contextual.contains(finding.checkID)
                {
                    unfixed[finding.fingerprint] = Unfixed(
                        finding: finding, why: whyNot(finding.checkID, recipes[finding.checkID]))
                }
                break
            }
            if pass == Self.maximumFixesPerDocument {
                for finding in candidates {
                    unfixed[finding.fingerprint] = Unfixed(
                        finding: finding,
                        why:
                            "not tried: \(Self.maximumFixesPerDocument) fixes in one document is the limit; run fix again"
                    )
                }
                break
            }
            attempted.insert(finding.fingerprint)
            do {
                let result = try apply(recipe, for: finding, path: path, to: bytes)
                bytes = result.bytes
                applied.append(
                    Applied(
                        finding: finding, reason: recipe.reason, document: result.document, editedPaths: result.paths))
            } catch {
                unfixed[finding.fingerprint] = Unfixed(finding: finding, why: "\(error)")
            }
        }
        return Outcome(
            bytes: bytes, applied: applied,
            unfixed: unfixed.values.sorted { Finding.reportOrder($0.finding, $1.finding) })
    }

    /// The file with this one finding fixed, or nil when no selected recipe clears it: what a
    /// review's suggestion block offers for the finding's lines. Like `fix`, a file with a byte
    /// order mark or in UTF-16 is edited as UTF-8 text and given back in its own encoding.
    package func fixing(_ finding: Finding, path: String, bytes: [UInt8]) -> [UInt8]? {
        let encoding = SourceEncoding(of: bytes)
        guard let text = encoding.utf8(bytes),
            let recipe = policy.checks.first(where: { $0.id == finding.checkID })?.fix, isSelected(finding, recipe),
            let fixed = try? apply(recipe, for: finding, path: path, to: text).bytes
        else { return nil }
        let after = policy.run(files: [(path, String(decoding: fixed, as: UTF8.self))], knownFacts: context).findings
        return after.contains { $0.fingerprint == finding.fingerprint } ? nil : encoding.encode(fixed)
    }

    private func isSelected(_ finding: Finding, _ recipe: FixRecipe?) -> Bool {
        guard let recipe else { return false }
        switch selection {
        case .defaults:
            return recipe.appliesByDefault
                || recipe.enabledBySetting.map {
                    policy.configuration.fixes.isEnabled($0, for: finding.container ?? "")
                } == true
        case .all: return true
        case .checks(let ids): return ids.contains(finding.checkID)
        }
    }

    private func whyNot(_ checkID: String, _ recipe: FixRecipe?) -> String {
        guard let recipe else { return "no automatic fix for \(checkID)" }
        if !recipe.appliesByDefault { return "not applied unless asked for (--checks \(checkID)): \(recipe.reason)" }
        return "not selected"
    }

    /// Each action edits a freshly parsed copy, so several actions on one object never clobber each other.
    private func apply(_ recipe: FixRecipe, for finding: Finding, path: String, to bytes: [UInt8]) throws -> (
        bytes: [UInt8], document: Int, paths: [DocumentPath]
    ) {
        var current = bytes
        var paths: [DocumentPath] = []
        var document = 0
        for action in recipe.actions {
            let (mapping, mappingPath, object) = try target(recipe.target, of: finding, path: path, in: current)
            document = object.documentIndex
            let editor = YAMLEditor(source: SourceText(bytes: current))
            let edit: TextEdit?
            switch action {
            case .set(let keys, let value):
                edit = try editor.set(
                    keys, to: try resolve(value, in: mapping, object: object, container: finding.container), in: mapping
                )
                paths.append(DocumentPath(mappingPath.components + keys.map(DocumentPath.Component.key)))
            case .migrateShape:
                let edits =
                    try IngressV1Migration.edits(for: object, editor: editor)
                    + HPAV2Migration.edits(for: object, editor: editor)
                guard !edits.isEmpty else { continue }
                current = try TextEdit.apply(edits, to: current)
                paths.append(object.path)
                continue
            case .addToList(let keys, let value):
                var list: YAMLNode? = mapping
                for key in keys { list = list?[key] }
                let item = try resolve(value, in: mapping, object: object, container: finding.container)
                if let list, list.isSequence {
                    edit = try editor.append(item, to: list)
                } else {
                    edit = try editor.set(keys, to: .sequence([item]), in: mapping)
                }
                paths.append(DocumentPath(mappingPath.components + keys.map(DocumentPath.Component.key)))
            case .removeFromList(let keys, let values):
                guard let list = node(at: keys.map(DocumentPath.Component.key)[...], from: mapping),
                    let items = list.items
                else {
                    throw EditError("no list at \(keys.joined(separator: "."))")
                }
                let removed = items.indices.filter {
                    items[$0].string.map { values.contains($0.uppercased()) } ?? false
                }
                guard !removed.isEmpty else { continue }
                paths.append(DocumentPath(mappingPath.components + keys.map(DocumentPath.Component.key)))
                if removed.count == items.count,
                    let parent = node(at: keys.dropLast().map(DocumentPath.Component.key)[...], from: mapping)
                {
                    edit = try editor.remove(keys[keys.count - 1], from: parent)
                } else {
                    current = try TextEdit.apply(try editor.removeItems(at: removed, from: list), to: current)
                    continue
                }
            case .setIfMissing(let keys, let value, let kinds):
                var existing: YAMLNode? = mapping
                for key in keys { existing = existing?[key] }
                guard kinds.contains(object.kind), existing == nil else { continue }
                edit = try editor.set(
                    keys, to: try resolve(value, in: mapping, object: object, container: finding.container), in: mapping
                )
                paths.append(DocumentPath(mappingPath.components + keys.map(DocumentPath.Component.key)))
            case .removeFindingKey:
                let components = Array(finding.path.components.dropFirst(object.path.components.count))
                guard case .key(let key)? = components.last,
                    let parent = node(at: components.dropLast(), from: object.node)
                else {
                    throw EditError("the finding does not point at a key")
                }
                edit = try editor.remove(key, from: parent)
                paths.append(finding.path)
            case .remove(let keys):
                paths.append(DocumentPath(mappingPath.components + keys.map(DocumentPath.Component.key)))
                var parent = mapping
                for key in keys.dropLast() {
                    guard let next = parent[key] else {
                        throw EditError("nothing to remove at \(keys.joined(separator: "."))")
                    }
                    parent = next
                }
                edit = try editor.remove(keys[keys.count - 1], from: parent)
            }
            if let edit { current = try TextEdit.apply([edit], to: current) }
        }
        guard current != bytes else { throw EditError("the fix would change nothing here; the finding needs a person") }
        return (current, document, paths)
    }

    /// The value to write, for values that depend on the object.
    private func resolve(_ value: FixValue, in mapping: YAMLNode, object: KubernetesObject, container: String?) throws
        -> YAMLValue
    {
        let settings = policy.configuration.fixes
        switch value {
        case .configuredRequest(let request, let otherwise):
            if let configured = settings.request(request, for: container ?? "") { return .plain(configured) }
            return try resolve(otherwise, in: mapping, object: object, container: container)
        case .plain(let text): return .plain(text)
        case .string(let text): return .string(text)
        case .list(let items): return .sequence(items.map(YAMLValue.string))
        case .copy(let keys, let otherwise):
            var node: YAMLNode? = mapping
            for key in keys { node = node?[key] }
            if let text = node?.string, !text.isEmpty { return .plain(text) }
            if let entries = node?.entries, !entries.isEmpty {
                return .mapping(
                    entries.compactMap { entry in entry.keyText.map { ($0, .string(entry.value.string ?? "")) } })
            }
            guard let otherwise else {
                throw EditError("nothing at \(keys.joined(separator: ".")) to build the value from")
            }
            return try resolve(otherwise, in: mapping, object: object, container: container)
        case .tcpProbeOnContainerPort:
            let ports = mapping["ports"]?.items ?? []
            let named = ports.first { $0["name"]?.string?.isEmpty == false }?["name"]?.string
            guard let port = named.map(YAMLValue.string) ?? ports.first?["containerPort"]?.string.map(YAMLValue.plain)
            else {
                throw EditError("the container exposes no port to probe: write the probe by hand")
            }
            if let path = settings.probePath {
                return .mapping([("httpGet", .mapping([("path", .string(path)), ("port", port)]))])
            }
            return .mapping([("tcpSocket", .mapping([("port", port)]))])
        case .replacementAPIVersion(let sameSchema):
            guard let entry = policy.settings.deprecations.entry(apiVersion: object.apiVersion, kind: object.kind)
            else {
                return .plain(object.apiVersion)
            }
            guard let replacement = entry.replacement else {
                throw EditError(
                    "\(object.apiVersion) \(object.kind) has no replacement\(entry.note.map { ": \($0)" } ?? "")")
            }
            guard sameSchema.contains("\(object.apiVersion) \(object.kind)") else {
                throw EditError(
                    "\(object.kind) changes shape in \(replacement): move it by hand (or wait for the migration fix)")
            }
            return .plain(replacement)
        }
    }

    private func node(at components: ArraySlice<DocumentPath.Component>, from root: YAMLNode) -> YAMLNode? {
        var node: YAMLNode? = root
        for component in components {
            switch component {
            case .key(let key): node = node?[key]
            case .index(let index): node = node?.items.flatMap { index < $0.count ? $0[index] : nil }
            }
        }
        return node
    }

    /// The mapping a recipe's paths start from, where it is in its document, and its object.
    private func target(_ target: FixRecipe.Target, of finding: Finding, path: String, in bytes: [UInt8]) throws -> (
        YAMLNode, DocumentPath, KubernetesObject
    ) {
        let file = ManifestReader.read(path: path, bytes: bytes)
        // By kind, namespace and name: a fix may just have changed the apiVersion.
        guard let wanted = finding.object,
            let object = file.objects.first(where: {
                $0.kind == wanted.kind && $0.name == wanted.name && $0.namespace == wanted.namespace
            })
        else {
            throw EditError("the object of the finding is no longer in the file")
        }
        switch target {
        case .object: return (object.node, object.path, object)
        case .podSpec:
            guard let pod = object.podTemplate else { throw EditError("\(object.reference) has no pod spec") }
            return (pod.spec, pod.path, object)
        case .container:
            guard let container = object.podTemplate?.allContainers.first(where: { $0.name == finding.container })
            else {
                throw EditError("no container \(finding.container ?? "?") in \(object.reference)")
            }
            return (container.node, container.path, object)
        }
    }
}
