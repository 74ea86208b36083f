import Foundation

extension JSONSchemaValidator {
    func checkString(
        _ text: String, _ keywords: [String: JSONValue], _ context: SchemaContext,
        _ violations: inout [String]
    ) {
        let length = text.unicodeScalars.count
        if let minimum = keywords["minLength"]?.doubleValue, Double(length) < minimum {
            violations.append("\(context.path): \(length) characters, expected at least \(Int(minimum))")
        }
        if let maximum = keywords["maxLength"]?.doubleValue, Double(length) > maximum {
            violations.append("\(context.path): \(length) characters, expected at most \(Int(maximum))")
        }
        if let pattern = keywords["pattern"]?.stringValue,
            let expression = try? NSRegularExpression(pattern: pattern),
            expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil
        {
            violations.append(
                "\(context.path): \(JSONValue.string(text).jsonText) does not match the pattern \(pattern)")
        }
    }

    /// `minimum`/`maximum` with draft 4's boolean `exclusiveMinimum`/`exclusiveMaximum` and
    /// draft 6's numeric ones.
    func checkNumber(
        _ value: JSONValue, _ keywords: [String: JSONValue], _ context: SchemaContext,
        _ violations: inout [String]
    ) {
        guard let number = value.doubleValue else { return }
        if let minimum = keywords["minimum"]?.doubleValue {
            let exclusive = keywords["exclusiveMinimum"] == .bool(true)
            if exclusive ? number <= minimum : number < minimum {
                violations.append(
                    "\(context.path): \(value.jsonText) is below the \(exclusive ? "exclusive " : "")minimum \(keywords["minimum"]?.jsonText ?? "")"
                )
            }
        }
        if let maximum = keywords["maximum"]?.doubleValue {
            let exclusive = keywords["exclusiveMaximum"] == .bool(true)
            if exclusive ? number >= maximum : number > maximum {
                violations.append(
                    "\(context.path): \(value.jsonText) is above the \(exclusive ? "exclusive " : "")maximum \(keywords["maximum"]?.jsonText ?? "")"
                )
            }
        }
        if let bound = keywords["exclusiveMinimum"]?.doubleValue, number <= bound {
            violations.append("\(context.path): \(value.jsonText) is not above \(bound)")
        }
        if let bound = keywords["exclusiveMaximum"]?.doubleValue, number >= bound {
            violations.append("\(context.path): \(value.jsonText) is not below \(bound)")
        }
    }
}
