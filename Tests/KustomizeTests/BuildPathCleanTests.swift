import Testing

@testable import Kustomize

/// `BuildPath.clean` answers clean paths with one pass over their bytes and cleans the others
/// part by part on bytes when ASCII: the same answer as cleaning every path part by part on
/// characters (the way before the quick ones), for every short path of
/// slashes, dots, letters, a combining mark and a prepended one.
@Suite struct BuildPathCleanTests {
    static func paths(of pieces: [String], upTo length: Int) -> [String] {
        var all = [""]
        var last = [""]
        for _ in 0..<length {
            last = last.flatMap { prefix in pieces.map { prefix + $0 } }
            all += last
        }
        return all
    }

    @Test func theQuickAnswerIsTheCarefulOne() {
        let ascii = Self.paths(of: ["a", ".", "/"], upTo: 8)
        for path in ascii + Self.paths(of: ["a", ".", "/", "\u{301}", "\u{600}"], upTo: 5) {
            let scalars = path.unicodeScalars.map(\.value)
            #expect(BuildPath.clean(path) == BuildPath.normalizedByCharacters(path), "\(scalars)")
            if BuildPath.isClean(path) { #expect(BuildPath.normalizedByCharacters(path) == path) }
        }
    }

    @Test func cleanPathsAreKnownAndOthersCleaned() {
        #expect(BuildPath.isClean("apps/web"))
        #expect(BuildPath.isClean("/abs/path"))
        #expect(BuildPath.isClean(".."))
        #expect(BuildPath.isClean("a/.hidden/...x"))
        for path in ["", ".", "./a", "a/", "a//b", "a/./b", "a/../b", "../a", "a/..", "a/.", "/", "//a", "/.."] {
            #expect(!BuildPath.isClean(path), "\(path)")
        }
        #expect(BuildPath.clean("a/./b/../c/") == "a/c")
        #expect(BuildPath.clean("/../a") == "/a")
        #expect(BuildPath.clean("../../a") == "../../a")
    }
}
