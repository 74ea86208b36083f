import Testing

@testable import Vulnerabilities

struct ApkDatabaseTests {
    /// The layout of a real `lib/apk/db/installed` (Alpine 3.20's busybox and libcrypto3 entries, shortened).
    static let installed = """
        C:Q1Jx4z0cFfz5Wl4uGDOCKZK3jvaIs=
        P:busybox
        V:1.36.1-r29
        A:x86_64
        S:507356
        I:926208
        T:Size optimized toolbox of many common UNIX utilities
        U:https://busybox.net/
        L:GPL-2.0-only
        o:busybox
        m:Sören Tempel <soeren+alpine@soeren-tempel.net>
        t:1716300000
        c:3d7d7a1d5a4f0d7f8d4b1a8f0b2d6b0f8e2a7c3d
        D:so:libc.musl-x86_64.so.1
        F:bin
        R:busybox
        a:0:0:755

        C:Q1abcdefabcdefabcdefabcdefabcd=
        P:libcrypto3
        V:3.3.0-r2
        A:x86_64
        o:openssl
        F:usr/lib
        R:libcrypto.so.3

        """

    @Test func readsNamesVersionsAndOrigins() {
        let packages = ApkDatabase.packages(in: Self.installed)
        #expect(packages.map(\.name) == ["busybox", "libcrypto3"])
        #expect(packages.map(\.version) == ["1.36.1-r29", "3.3.0-r2"])
        #expect(packages.map(\.sourceName) == ["busybox", "openssl"])
        #expect(packages.allSatisfy { $0.kind == .alpine && $0.foundIn == "lib/apk/db/installed" })
    }

    @Test func osReleaseGivesTheAlpineBranch() throws {
        let release = try #require(
            OSRelease(text: "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME=\"Alpine Linux v3.20\"\n")
        )
        #expect(release.osvEcosystem == "Alpine:v3.20")
        #expect(OSRelease(text: "ID=ubuntu\nVERSION_ID=\"22.04\"\n")?.osvEcosystem == "Ubuntu:22.04")
        #expect(OSRelease(text: "ID=\"rhel\"\nVERSION_ID=\"9.4\"\n")?.osvEcosystem == "Red Hat")
        #expect(OSRelease(text: "NAME=nothing\n") == nil)
    }
}
