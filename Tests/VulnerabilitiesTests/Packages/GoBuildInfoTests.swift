import Testing

@testable import Vulnerabilities

/// A Go binary built in the test (Go 1.18+ embeds its build information inline).
@Suite(.enabled(if: GoFixture.isAvailable, "needs the go tool (Debian's golang-go; scripts/setup installs it)"))
struct GoBuildInfoTests {
    @Test func readsTheGoVersionAndModules() throws {
        let binary = try GoFixture.binary.get()
        let info = try #require(GoBuildInfo(binary: binary))
        #expect(info.goVersion.hasPrefix("go1."))
        #expect(info.main?.path == "example.com/hello")
        #expect(info.dependencies == [.init(path: "golang.org/x/text", version: "v0.3.7")])
        let packages = info.packages(foundIn: "app/hello")
        #expect(
            packages.map(\.name) == ["stdlib", "golang.org/x/text"],
            "the main module is (devel), which no advisory names")
        #expect(packages.first?.version == String(info.goVersion.dropFirst(2)))
    }

    @Test func otherFilesHoldNoBuildInfo() throws {
        let binary = try GoFixture.binary.get()
        #expect(GoBuildInfo(binary: Array("#!/bin/sh\necho hi\n".utf8)) == nil)
        // The ELF header alone, without the build information section.
        #expect(GoBuildInfo(binary: Array(binary.prefix(64))) == nil)
        // A header that claims more module text than the file holds.
        var cut = binary
        if let start = GoBuildInfo.find([0xff] + Array(" Go buildinf:".utf8), in: binary) {
            cut = Array(binary.prefix(start + 40))
        }
        #expect(GoBuildInfo(binary: cut) == nil)
    }
}
