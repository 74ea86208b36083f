/// A text a template tests with `{{#name}}…{{/name}}`: Mustache shows the section of an empty
/// string (only false, nil and empty lists hide one), so an empty or absent text is `false`.
func sectionText(_ text: String?) -> Any {
    guard let text, !text.isEmpty else { return false }
    return text
}
