import Foundation
import Testing

@testable import HTTPKit

/// libcurl is opened on the first request (`dlopen`), not linked: a machine without it must get an
/// error that names the library and what to install, not a crash or a loader message at start.
@Suite struct CurlLibraryLoadingTests {
    @Test func aMissingLibraryIsAnErrorNamingIt() {
        let error = #expect(throws: CurlUnavailable.self) {
            try CurlFunctions(library: "libcurl-not-installed.so.4")
        }
        #expect(error?.message.contains("libcurl-not-installed.so.4 could not be opened") == true)
        #expect(error?.message.contains("apt-get install libcurl4") == true)
    }

    @Test func aLibraryThatIsNotLibcurlIsAnErrorNamingTheMissingFunction() {
        // libz is loaded in every shipshape process, and has no curl_global_init.
        let error = #expect(throws: CurlUnavailable.self) { try CurlFunctions(library: "libz.so.1") }
        #expect(error?.message.contains("libz.so.1 has no curl_global_init") == true)
    }

}
