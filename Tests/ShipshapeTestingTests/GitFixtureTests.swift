import Foundation
import ShipshapeTesting
import Testing

@Suite struct GitFixtureTests {
    /// A tool that writes more to stderr than a pipe holds (64 KiB) before it is done with stdout:
    /// read one pipe to its end and then the other, the fixture and the tool waited for each other.
    @Test func aToolWithLongMessagesIsReadToItsEnd() throws {
        let fixture = try GitFixture()
        defer { fixture.shutdown() }
        let output = try fixture.run(
            "sh", ["-c", "head -c 200000 /dev/zero >&2; echo done"], in: fixture.root.path)
        #expect(output == "done")
    }
}
