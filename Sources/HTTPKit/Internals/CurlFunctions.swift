internal import CCurl

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The libcurl functions HTTPKit calls, looked up once in the library opened at run time. Linking
/// libcurl instead would load it and the 31 shared libraries it needs (TLS, Kerberos, LDAP, IDN,
/// HTTP/2, ...) into every shipshape process at start, and bind their symbols, though most runs
/// never make a request: that was more than half of `shipshape --version`'s instructions.
///
/// `@unchecked Sendable`: it holds only function addresses, which never change.
package final class CurlFunctions: @unchecked Sendable {
    #if canImport(Darwin)
        package static let libraryName = "libcurl.4.dylib"
    #else
        package static let libraryName = "libcurl.so.4"
    #endif

    let globalInit: shipshape_curl_global_init_fn
    let easyStrerror: shipshape_curl_easy_strerror_fn
    let easyInit: shipshape_curl_easy_init_fn
    let easyCleanup: shipshape_curl_easy_cleanup_fn
    let easyReset: shipshape_curl_easy_reset_fn
    let easyPerform: shipshape_curl_easy_perform_fn
    let slistAppend: shipshape_curl_slist_append_fn
    let slistFreeAll: shipshape_curl_slist_free_all_fn
    /// Variadic in C: kept untyped and called through the shim's typed wrappers.
    let easySetopt: UnsafeMutableRawPointer
    let easyGetinfo: UnsafeMutableRawPointer

    /// Opens `library` (a file name the dynamic loader searches for, or a path); throws, naming
    /// the library, when it is not there or lacks one of the functions.
    package init(library: String = libraryName) throws(CurlUnavailable) {
        guard let handle = dlopen(library, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "unknown reason"
            throw CurlUnavailable(
                message: "\(library) could not be opened (\(reason)); install libcurl 7.85 or newer"
                    + " (Debian and Ubuntu: apt-get install libcurl4)")
        }
        func address(_ name: String) throws(CurlUnavailable) -> UnsafeMutableRawPointer {
            guard let address = dlsym(handle, name) else {
                throw CurlUnavailable(message: "\(library) has no \(name): it is not libcurl")
            }
            return address
        }
        func function<T>(_ name: String, as type: T.Type) throws(CurlUnavailable) -> T {
            unsafeBitCast(try address(name), to: type)
        }
        globalInit = try function("curl_global_init", as: shipshape_curl_global_init_fn.self)
        easyStrerror = try function("curl_easy_strerror", as: shipshape_curl_easy_strerror_fn.self)
        easyInit = try function("curl_easy_init", as: shipshape_curl_easy_init_fn.self)
        easyCleanup = try function("curl_easy_cleanup", as: shipshape_curl_easy_cleanup_fn.self)
        easyReset = try function("curl_easy_reset", as: shipshape_curl_easy_reset_fn.self)
        easyPerform = try function("curl_easy_perform", as: shipshape_curl_easy_perform_fn.self)
        slistAppend = try function("curl_slist_append", as: shipshape_curl_slist_append_fn.self)
        slistFreeAll = try function("curl_slist_free_all", as: shipshape_curl_slist_free_all_fn.self)
        easySetopt = try address("curl_easy_setopt")
        easyGetinfo = try address("curl_easy_getinfo")
    }

    func message(for code: CURLcode) -> String {
        easyStrerror(code).map { String(cString: $0) } ?? "libcurl error \(code.rawValue)"
    }
}

/// libcurl could not be opened or set up; the message names the library and what to install.
package struct CurlUnavailable: Error {
    package let message: String
}
