import Testing

@testable import Policy

/// The JMESPath subset, the scalar pattern operators and the condition operators, each against
/// what Kyverno (and the JMESPath specification) gives.
@Suite struct KyvernoExpressionTests {
    static let pod = KyvernoValue.parseJSON(
        """
        {"spec": {"initContainers": [{"name": "init", "ports": [{"hostPort": 7000}]}],
                  "containers": [{"name": "a", "securityContext": {"capabilities": {"drop": ["all"]}}}, {"name": "b", "ports": [{"hostPort": 5500}]}],
                  "volumes": [{"name": "v", "hostPath": {"path": "/"}}]}}
        """)!

    @Test(arguments: [
        ("spec.[ephemeralContainers, initContainers, containers][].ports[].hostPort", "[7000,5500]"),
        ("spec.containers[].securityContext.capabilities.drop[].to_upper(@)", "[\"ALL\"]"),
        ("spec.volumes[].keys(@)[]", "[\"name\",\"hostPath\"]"),
        ("spec.missing[].x || `[]` | length(@)", "0"),
        ("spec.containers[0].name", "\"a\""),
        ("spec.containers[*].name", "[\"a\",\"b\"]"),
        ("spec.nothing || 'BACKGROUND'", "\"BACKGROUND\""),
    ])
    func jmesPath(_ expression: String, _ expected: String) throws {
        #expect(try JMESPath.parse(expression).evaluate(Self.pod).json == expected)
    }

    @Test(arguments: ["spec.containers[?name == 'a']", "sum(spec.x)", "spec.{a: b}", "a[1:2]"])
    func unsupportedJMESPathIsAParseError(_ expression: String) {
        #expect(throws: JMESPath.ParseError.self) { try JMESPath.parse(expression) }
    }

    @Test(arguments: [
        ("8080", ">1024", true), ("80", ">1024", false), ("250m", "<=1", true), ("2Gi", "<1Gi", false),
        ("5500", "5000-6000", true), ("7000", "5000!-6000", true), ("nginx:latest", "!*:latest", false),
        ("docker.io/nginx", "eu.foo.io/* | bar.io/*", false), ("bar.io/x", "eu.foo.io/* | bar.io/*", true),
        ("", "?*", false),
    ])
    func scalarPattern(_ value: String, _ pattern: String, _ expected: Bool) {
        #expect(
            KyvernoScalarPattern.matches(KyvernoValue(.string(value)), pattern: KyvernoValue(.string(pattern)))
                == expected)
    }

    @Test func anchorsDecideBetweenFailAndSkip() throws {
        let container = KyvernoValue.parseJSON(#"{"image": "nginx:latest", "imagePullPolicy": "IfNotPresent"}"#)!
        let conditional = KyvernoValue.parseJSON(#"{"(image)": "*:latest", "imagePullPolicy": "Always"}"#)!
        #expect(
            KyvernoPatternMatcher.match(container, conditional)?.isSkip == false,
            "the condition holds, the policy fails")
        let unmet = KyvernoValue.parseJSON(#"{"(image)": "*:1.0", "imagePullPolicy": "Always"}"#)!
        #expect(KyvernoPatternMatcher.match(container, unmet)?.isSkip == true, "the condition does not hold: skip")
        let negation = KyvernoValue.parseJSON(#"{"X(imagePullPolicy)": "null"}"#)!
        #expect(KyvernoPatternMatcher.match(container, negation)?.kind == .negation)
        let existence = KyvernoValue.parseJSON(#"{"^(list)": [{"a": 1}]}"#)!
        #expect(
            KyvernoPatternMatcher.match(KyvernoValue.parseJSON(#"{"list": [{"a": 2}, {"a": 1}]}"#)!, existence) == nil)
        #expect(KyvernoPatternMatcher.match(KyvernoValue.parseJSON(#"{"list": [{"a": 2}]}"#)!, existence) != nil)
    }

    @Test func setOperators() {
        let ports = KyvernoValue.parseJSON("[7000, 5500]")!
        #expect(KyvernoConditions.compare(ports, "AnyNotIn", KyvernoValue(.string("5000-6000"))))
        #expect(!KyvernoConditions.compare(ports, "AllNotIn", KyvernoValue(.string("5000-6000"))))
        #expect(KyvernoConditions.compare(KyvernoValue(.string("ALL")), "AnyNotIn", KyvernoValue.parseJSON("[]")!))
        #expect(
            KyvernoConditions.compare(KyvernoValue(.string("NET_RAW")), "AnyIn", KyvernoValue.parseJSON(#"["NET_*"]"#)!)
        )
        #expect(
            KyvernoConditions.compare(
                KyvernoValue(.string("batch/v1beta1")), "Equals", KyvernoValue(.string("batch/*"))))
        #expect(KyvernoConditions.compare(KyvernoValue(.int(3)), "GreaterThan", KyvernoValue(.string("2"))))
    }
}
