import Forge
import Foundation
import Hummingbird
import NIOCore

extension ForgeSignIn {
    /// Form bodies larger than this are refused: the sign-out form has one field.
    static let maximumFormBytes = 16 * 1024

    /// `/dashboard/sign-in`, `/dashboard/oauth/callback` and `/dashboard/sign-out`.
    package func addRoutes(to router: Router<BasicRequestContext>) {
        Self.addRoutes(to: router) { self }
    }

    /// The routes, answered by the sign-in `current` returns when a request comes (a test's
    /// server learns its port, and so its public address, only once it listens).
    static func addRoutes(to router: Router<BasicRequestContext>, current: @escaping @Sendable () -> ForgeSignIn) {
        router.get(.init(stringLiteral: SignInPaths.signIn)) { request, _ in
            let query = request.uri.queryParameters
            return Self.response(current().start(forge: query.get("forge"), next: query.get("next")))
        }
        router.get(.init(stringLiteral: SignInPaths.callback)) { request, _ in
            let query = request.uri.queryParameters
            return Self.response(
                await current().callback(
                    code: query.get("code"), state: query.get("state"), error: query.get("error"),
                    cookieHeader: request.headers[.cookie]))
        }
        router.get(.init(stringLiteral: SignInPaths.signOut)) { request, _ in
            Self.response(current().signOutPage(cookieHeader: request.headers[.cookie]))
        }
        router.post(.init(stringLiteral: SignInPaths.signOut)) { request, _ in
            let cookieHeader = request.headers[.cookie]
            guard let body = try? await request.body.collect(upTo: Self.maximumFormBytes) else {
                let signIn = current()
                return Self.response(
                    .page(
                        413,
                        signIn.templates.page(
                            .error, viewer: nil, ["title": "Sign-out failed", "message": "The form is too large."])))
            }
            return Self.response(current().signOut(cookieHeader: cookieHeader, csrf: FormFields(body)["csrf"]))
        }
    }

    static func response(_ answer: SignInAnswer) -> Response {
        // As every dashboard answer: nothing kept by a cache on the way, no script, no framing.
        var headers = DashboardResponse.securityHeaders
        if let location = answer.location { headers[.location] = location }
        if !answer.setCookies.isEmpty { headers[values: .setCookie] = answer.setCookies }
        var body = ByteBuffer()
        if let html = answer.html {
            headers[.contentType] = "text/html; charset=utf-8"
            body = ByteBuffer(string: html)
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: headers, body: .init(byteBuffer: body))
    }
}
