/// What a sign-in route answers, before it becomes an HTTP response: a redirect or a page made from
/// the dashboard's templates, with the cookies to set. Nothing in it carries a token or a secret.
struct SignInAnswer: Sendable {
    var status: Int
    var location: String?
    var setCookies: [String] = []
    var html: String?

    static func redirect(_ location: String, setting cookies: [String] = []) -> SignInAnswer {
        SignInAnswer(status: 303, location: location, setCookies: cookies)
    }

    static func page(_ status: Int, _ html: String, setting cookies: [String] = []) -> SignInAnswer {
        SignInAnswer(status: status, setCookies: cookies, html: html)
    }
}
