/// A value read for nothing but its presence: a GraphQL mutation's answer, an issue's
/// `pull_request` (an optional `Ignored` is nil when the field is absent or null).
struct Ignored: Decodable {
    init(from decoder: any Decoder) throws {}
}
