/// A request the stand-in refuses, in the forge's own words; each dialect turns it into the
/// error body its forge sends. `@unchecked Sendable`: `errors` holds `Any` (strings and
/// dictionaries written as literals where the failure is made), never changed afterwards.
struct APIFailure: Error, @unchecked Sendable {
    var status: Int
    var message: String
    /// GitHub's `errors` array (strings or objects); ignored by dialects without one.
    var errors: [Any]? = nil

    static func notFound(_ message: String = "Not Found") -> APIFailure { APIFailure(status: 404, message: message) }
    static func forbidden(_ message: String) -> APIFailure { APIFailure(status: 403, message: message) }
    static func badRequest(_ message: String) -> APIFailure { APIFailure(status: 400, message: message) }
    static func unprocessable(_ message: String, errors: [Any]? = nil) -> APIFailure {
        APIFailure(status: 422, message: message, errors: errors)
    }
}
