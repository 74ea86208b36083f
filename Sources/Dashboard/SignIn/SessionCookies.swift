import Foundation

/// The dashboard's two cookies, signed with `SessionKeys`: the session of a signed-in person,
/// and the short-lived sign-in attempt that binds the OAuth `state` to the browser that asked.
struct DashboardSession: Codable, Sendable, Equatable {
    var id: String
    var forge: String
    var login: String
    var csrfToken: String
    /// Seconds since 1970.
    var expires: Int
    /// The forge token, sealed (`SessionKeys.seal`).
    var sealedToken: String
}

struct SignInAttempt: Codable, Sendable, Equatable {
    var state: String
    var forge: String
    /// The dashboard path to return to.
    var next: String
    var expires: Int
}

/// Reading and writing cookies: the `Cookie` header a browser sends and the `Set-Cookie`
/// header that sets one HttpOnly, SameSite=Lax, on `/dashboard`, Secure when the dashboard is https.
struct CookieJar: Sendable {
    static let session = "shipshape_session"
    static let attempt = "shipshape_sign_in"
    let keys: SessionKeys
    let secure: Bool

    /// The cookie `name` of a `Cookie` header.
    static func value(_ name: String, in header: String?) -> String? {
        for pair in (header ?? "").split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    func read<Value: Decodable>(_ type: Value.Type, named name: String, from header: String?) -> Value? {
        guard let value = Self.value(name, in: header), let payload = keys.verify(value) else { return nil }
        return try? JSONDecoder().decode(type, from: payload)
    }

    func setCookie(_ name: String, _ value: some Encodable, maxAge: Int) -> String {
        let payload = (try? JSONEncoder().encode(value)) ?? Data()
        return attributes(name, keys.sign(payload), maxAge: maxAge)
    }

    func clearCookie(_ name: String) -> String { attributes(name, "", maxAge: 0) }

    private func attributes(_ name: String, _ value: String, maxAge: Int) -> String {
        "\(name)=\(value); Path=/dashboard; Max-Age=\(maxAge); HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
    }
}
