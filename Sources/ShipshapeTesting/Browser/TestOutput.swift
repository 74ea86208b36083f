import Foundation

/// Where a test writes what a person should look at afterwards (screenshots): under
/// `$SHIPSHAPE_TEST_OUTPUT` when set, else `.build/test-output/` of the package.
package enum TestOutput {
    package static func folder(_ name: String) -> URL {
        let root =
            ProcessInfo.processInfo.environment["SHIPSHAPE_TEST_OUTPUT"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: #filePath).appending(path: "../../../../.build/test-output").standardized
        return root.appending(path: name)
    }
}
