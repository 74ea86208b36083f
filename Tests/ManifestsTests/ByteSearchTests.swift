import Manifests
import Testing

@Suite struct ByteSearchTests {
    /// `ByteSearch.contains(text:_:)` stands in for `String.contains` in the paths kustomize
    /// builds clean: it must give String's answer, Characters and all.
    @Test(arguments: [
        "base/app", "./base", "base/./app", "base/../app", "base//app", "/", "", "a/", "..", "../x", "a/.",
        "overlays/prod/../../base", "https://github.com/org/repo//path?ref=v1", "repo.git//deploy",
        // Not ASCII: a combining accent after `/` makes one Character of the two, which String's
        // search does not see as `/`.
        "base/\u{301}./app", "base/./\u{301}app", "caf\u{E9}/./x", "\u{1F600}//x", "a/.\u{301}/b", "x?ref\u{301}=1",
        "line\r\n//x",
    ])
    func answersAsStringDoes(text: String) {
        #expect(ByteSearch.contains(text: text, "/./") == text.contains("/./"))
        #expect(ByteSearch.contains(text: text, "/../") == text.contains("/../"))
        #expect(ByteSearch.contains(text: text, "//") == text.contains("//"))
        #expect(ByteSearch.contains(text: text, "://") == text.contains("://"))
        #expect(ByteSearch.contains(text: text, "?ref=") == text.contains("?ref="))
        #expect(ByteSearch.contains(text: text, ".git//") == text.contains(".git//"))
    }

    /// `firstIndex(of:in:)` and `lastIndex(of:in:)` stand in for String's in `apiVersion`s and
    /// paths: the same index, Characters and all.
    @Test(arguments: [
        "apps/v1", "v1", "", "/", "a/b/c", "/abs", "trailing/", "caf\u{E9}/v1", "a/\u{301}b/c", "\u{600}/x/y",
        "line\r\n/x", "\u{1F600}/x",
    ])
    func findsTheIndexStringDoes(text: String) {
        #expect(ByteSearch.firstIndex(of: "/", in: text) == text.firstIndex(of: "/"))
        #expect(ByteSearch.lastIndex(of: "/", in: text) == text.lastIndex(of: "/"))
        #expect(ByteSearch.firstIndex(of: ".", in: text) == text.firstIndex(of: "."))
    }

    @Test func findsWordsAnywhere() {
        #expect(ByteSearch.contains(text: "a/./b", "/./"))
        #expect(ByteSearch.contains(text: "//", "//"))
        #expect(!ByteSearch.contains(text: "/", "//"))
        #expect(ByteSearch.contains(text: "anything", ""))
        // The Character-wise answer for text that is not ASCII: `/` + U+0301 is not `/`.
        #expect(!ByteSearch.contains(text: "a/./\u{301}b", "/./"))
        #expect(ByteSearch.contains(text: "caf\u{E9}/./x", "/./"))
    }
}
