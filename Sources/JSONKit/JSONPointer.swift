/// The escaping of JSON Pointer tokens (RFC 6901), shared by `JSONValue.pointee` and the
/// schema compiler's `$ref` keys.
package enum JSONPointer {
    package static func escaped(_ token: String) -> String {
        token.replacing("~", with: "~0").replacing("/", with: "~1")
    }

    package static func unescaped(_ token: Substring) -> String {
        String(token).replacing("~1", with: "/").replacing("~0", with: "~")
    }
}
