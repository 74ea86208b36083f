import ArgumentParser
import FileNames
import Fixes
import Foundation
import GitKit
import Kustomize
import Manifests
import Policy
import Rendering

/// `shipshape fix PATH...`: applies the checks' fixes as minimal edits.
struct FixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract:
            "Fix what the checks know how to fix, editing the files in place (or printing a diff with --dry-run).",
        discussion: """
            Only the offending keys change: comments, key order, quoting and indentation stay as written.
            Fixes a person should look at first (readOnlyRootFilesystem, automountServiceAccountToken) apply
            only when named with --checks. Charts are rendered as `check` renders them, and a finding on a rendered
            object is fixed in the values that produced the field (the HelmRelease's values, a values file).
            A kustomize patch is never fixed as if it were a whole object: a value a patch sets is fixed in the patch
            (found through the objects its roots build), and the base documents are fixed as written.
            Exit status: 0 when done, 1 on errors.
            """
    )

    @Argument(help: "Files and folders to fix.")
    var paths: [String]

    @Option(
        help:
            "Which checks' fixes to apply: a comma-separated list of check ids, or all (default: every fix that applies by default)."
    )
    var checks: String?

    @Flag(name: .customLong("dry-run"), help: "Print a unified diff instead of writing the files.")
    var dryRun = false

    @Option(help: "A Shipshape or Polaris configuration file.")
    var config: String?

    @OptionGroup var rendering: RenderOptions

    func validate() throws {
        guard let checks, checks != "all" else { return }
        let unknown = checks.split(separator: ",").map(String.init).filter { !Catalogue.ids.contains($0) }
        if !unknown.isEmpty { throw ValidationError("unknown check id(s): \(unknown.joined(separator: ", "))") }
    }

    func run() async throws {
        let setup = try RunSetup.load(configPath: config, kubeVersion: nil)
        let selection: FixEngine.Selection =
            switch checks {
            case nil: .defaults
            case "all": .all
            case let list?: .checks(Set(list.split(separator: ",").map(String.init)))
            }
        let listing: ManifestWalker.Listing
        do { listing = try ManifestWalker.list(CommandLinePaths.restore(paths)) } catch {
            throw CommandFailure("\(error)")
        }
        for note in listing.skipped { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
        for failure in listing.unreadable { FileHandle.standardError.write(Data("error: \(failure)\n".utf8)) }
        let files = listing.files
        let context = setup.engine.context(paths: files) { path in try FileContents.read(path) }
        let engine = FixEngine(policy: setup.engine, selection: selection, context: context)
        var fixedCount = 0
        var changedFiles = 0
        var unfixedByCheck: [String: Int] = [:]
        var unwritten = 0
        let kustomize = try await rendering.kustomizePlan(files: files, settingsFile: config) {
            setup.configuration.isIgnored(path: $0)
        }
        for path in files {
            let original = try FileContents.read(path)
            let outcome = engine.fix(path: path, bytes: original)
            // A patch names only the fields it changes: "no probes, no resources" are not its to
            // fix. What it sets is fixed below, through the objects its roots build.
            if kustomize.isPatch(path) { continue }
            for item in outcome.unfixed { unfixedByCheck[item.finding.checkID, default: 0] += 1 }
            guard !outcome.applied.isEmpty || outcome.unfixed.contains(where: { !$0.why.hasPrefix("no automatic fix") })
            else { continue }
            print(FileName.escaped(path))
            for item in outcome.applied {
                print(
                    "  fixed    \(item.finding.position) \(item.finding.checkID)\(item.finding.container.map { " (container \($0))" } ?? ""): \(item.reason)"
                )
            }
            for item in outcome.unfixed where !item.why.hasPrefix("no automatic fix") {
                print("  not fixed \(item.finding.position) \(item.finding.checkID): \(item.why)")
            }
            guard outcome.bytes != original else { continue }
            fixedCount += outcome.applied.count
            changedFiles += 1
            if dryRun {
                print(try UnifiedDiff.render(old: original, new: outcome.bytes, path: path), terminator: "")
            } else {
                // A file that cannot be written (read-only, a full disk) is named and left as it
                // was; the other files are still fixed.
                do { try FileContents.write(outcome.bytes, to: path) } catch {
                    FileHandle.standardError.write(Data("error: \(FileName.escaped(path)): \(error.reason)\n".utf8))
                    unwritten += 1
                }
            }
        }
        for written in [try fixPatches(kustomize, engine: engine), try await fixValues(files: files, engine: engine)] {
            unwritten += written.unwritten
            fixedCount += written.fixed
            changedFiles += written.files
        }
        // Most first, ties by check id: a dictionary's order changes from run to run.
        let withoutFix = unfixedByCheck.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
            "\($0.key) \($0.value)"
        }.joined(separator: ", ")
        print(
            "\(dryRun ? "Would fix" : "Fixed") \(fixedCount) finding(s) in \(changedFiles) file(s)"
                + (withoutFix.isEmpty ? "" : "; not fixed: \(withoutFix)"))
        if !listing.unreadable.isEmpty || unwritten > 0 { throw ExitCode(1) }
    }

    /// Findings on rendered objects, fixed in the values that produced their fields.
    private func fixValues(files: [String], engine: FixEngine) async throws -> (fixed: Int, files: Int, unwritten: Int)
    {
        let rendered = try await rendering.render(files: files, settingsFile: config)
        guard !rendered.generated.isEmpty else { return (0, 0, 0) }
        let fixer = ValuesFixer(engine: engine)
        var edits: [ValuesFixer.Edit] = []
        var seen = Set<String>()
        for stream in rendered.generated {
            let plan = fixer.plan(stream, source: RenderOptions.read)
            for edit in plan.edits where seen.insert("\(edit.file)|\(edit.finding.fingerprint)").inserted {
                edits.append(edit)
            }
            for (finding, why) in plan.unfixed where seen.insert("unfixed|\(finding.fingerprint)").inserted {
                print("\(finding.file)\n  not fixed \(finding.position) \(finding.checkID): \(why)")
            }
        }
        return try write(edits, where: "in the values")
    }

    /// Findings on the objects kustomize roots build whose value a patch file set: fixed in the
    /// patch, at the line the value's provenance names (the base is fixed as written above).
    private func fixPatches(_ plan: KustomizeCheckPlan, engine: FixEngine) throws -> (
        fixed: Int, files: Int, unwritten: Int
    ) {
        let fixer = ValuesFixer(engine: engine)
        var edits: [ValuesFixer.Edit] = []
        var seen = Set<String>()
        for root in plan.builtRoots {
            // A base under several overlays with one patch: one edit.
            for edit in fixer.plan(root.generatedManifestsAsText(), source: RenderOptions.read).edits
            where plan.isPatch(edit.file) && seen.insert(edit.target).inserted {
                edits.append(edit)
            }
        }
        return try write(edits, where: "in the patch")
    }

    /// Applies edits to the files they name and prints them (or their diff with --dry-run).
    private func write(_ edits: [ValuesFixer.Edit], where place: String) throws -> (
        fixed: Int, files: Int, unwritten: Int
    ) {
        let changed: [String: [UInt8]]
        do { changed = try ValuesFixer.apply(edits, source: RenderOptions.read) } catch {
            throw CommandFailure("\(error)")
        }
        var unwritten = 0
        for (path, bytes) in changed.sorted(by: { $0.key < $1.key }) {
            print(FileName.escaped(path))
            for edit in edits where edit.file == path {
                print(
                    "  fixed    \(edit.finding.position) \(edit.finding.checkID)\(edit.finding.container.map { " (container \($0))" } ?? "") \(place): \(edit.reason)"
                )
            }
            let original = try FileContents.read(path)
            if dryRun {
                print(try UnifiedDiff.render(old: original, new: bytes, path: path), terminator: "")
            } else {
                do { try FileContents.write(bytes, to: path) } catch {
                    FileHandle.standardError.write(Data("error: \(FileName.escaped(path)): \(error.reason)\n".utf8))
                    unwritten += 1
                }
            }
        }
        return (edits.filter { changed[$0.file] != nil }.count, changed.count, unwritten)
    }
}
