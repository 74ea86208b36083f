import Foundation

/// What a sign-in route answers, before it becomes an HTTP response: a redirect or a small page,
/// with the cookies to set. Nothing in it carries a token or a secret.
struct SignInAnswer: Sendable {
    var status: Int
    var location: String?
    var setCookies: [String] = []
    var html: String?

    static func redirect(_ location: String, setting cookies: [String] = []) -> SignInAnswer {
        SignInAnswer(status: 303, location: location, setCookies: cookies)
    }

    static func page(_ status: Int, title: String, _ body: String, setting cookies: [String] = []) -> SignInAnswer {
        let document = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(title)) · Shipshape</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2328}
            a.button,button{display:inline-block;margin:.25rem 0;padding:.5rem 1rem;border:1px solid #1f6feb;border-radius:6px;
            background:#1f6feb;color:#fff;text-decoration:none;font-size:1rem;cursor:pointer}</style></head>
            <body><h1>\(escape(title))</h1>\(body)</body></html>
            """
        return SignInAnswer(status: status, setCookies: cookies, html: document)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
