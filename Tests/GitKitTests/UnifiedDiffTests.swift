import Foundation
import ShipshapeTesting
import Testing

@testable import GitKit

/// The diffs `fix --dry-run`, upgrade reports and fork-PR replies print: git's own format, so a
/// reader can `git apply` them.
@Suite struct UnifiedDiffTests {
    @Test func aChangeIsOneHunkWithItsContext() throws {
        let diff = try UnifiedDiff.render(old: "a\nb\nc\nd\n", new: "a\nB\nc\nd\ne\n", path: "x.yaml")
        #expect(diff.hasPrefix("diff --git a/x.yaml b/x.yaml\n"))
        #expect(diff.hasSuffix("--- a/x.yaml\n+++ b/x.yaml\n@@ -1,4 +1,5 @@\n a\n-b\n+B\n c\n d\n+e\n"))
        #expect(try UnifiedDiff.render(old: "same\n", new: "same\n", path: "x.yaml").isEmpty)
    }

    /// The old writer printed no change at all for these.
    @Test func aMissingFinalNewlineIsAChange() throws {
        let diff = try UnifiedDiff.render(old: "a: 1\n", new: "a: 1", path: "x.yaml")
        #expect(diff.hasSuffix("@@ -1 +1 @@\n-a: 1\n+a: 1\n\\ No newline at end of file\n"))
    }

    /// The old writer printed `-1,0` for an empty old side.
    @Test func anEmptySideStartsAtLineZero() throws {
        #expect(
            try UnifiedDiff.render(old: "", new: "new: file\n", path: "x.yaml").hasSuffix("@@ -0,0 +1 @@\n+new: file\n")
        )
        #expect(
            try UnifiedDiff.render(old: "old: file\n", new: "", path: "x.yaml").hasSuffix("@@ -1 +0,0 @@\n-old: file\n")
        )
    }

    @Test func aNulByteStillGivesText() throws {
        let diff = try UnifiedDiff.render(
            old: Array("a: \u{0}1\n".utf8), new: Array("a: \u{0}2\n".utf8), path: "x.yaml")
        #expect(diff.contains("+a: \u{0}2\n"), "\(diff)")
    }

    /// Edits near both ends of a 3,000-line file (the old writer built a 72 MB table for this)
    /// come out as two hunks that `git apply` turns the old file into the new one with.
    @Test func editsFarApartApplyWithGit() throws {
        let old = (1...3_000).map { "line: \($0)\n" }.joined()
        var lines = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[1] = "line: two"
        lines[2_998] = "line: almost last"
        let new = lines.joined(separator: "\n")
        let diff = try UnifiedDiff.render(old: old, new: new, path: "big.yaml")
        #expect(diff.components(separatedBy: "\n@@ ").count == 3, "two hunks")
        let fixture = try GitFixture()
        defer { fixture.shutdown() }
        let folder = fixture.path("apply")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try old.write(toFile: folder + "/big.yaml", atomically: true, encoding: .utf8)
        try diff.write(toFile: folder + "/change.patch", atomically: true, encoding: .utf8)
        try fixture.git("init", "-q", in: folder)
        try fixture.git("apply", "change.patch", in: folder)
        #expect(try String(contentsOfFile: folder + "/big.yaml", encoding: .utf8) == new)
    }
}
