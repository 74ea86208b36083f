import Testing

@testable import Upgrades

@Suite struct ImageReferenceTests {
    @Test(arguments: [
        ("nginx:1.27", "docker.io", "library/nginx", "1.27", nil as String?, "nginx", "registry-1.docker.io"),
        (
            "grafana/grafana:11.0.0", "docker.io", "grafana/grafana", "11.0.0", nil, "grafana/grafana",
            "registry-1.docker.io"
        ),
        ("docker.io/library/redis:7", "docker.io", "library/redis", "7", nil, "redis", "registry-1.docker.io"),
        (
            "ghcr.io/org/app:v1.2.3@sha256:abc", "ghcr.io", "org/app", "v1.2.3", "sha256:abc", "ghcr.io/org/app",
            "ghcr.io"
        ),
        (
            "127.0.0.1:5000/team/api:2.0", "127.0.0.1:5000", "team/api", "2.0", nil, "127.0.0.1:5000/team/api",
            "127.0.0.1:5000"
        ),
        ("localhost/app:1", "localhost", "app", "1", nil, "localhost/app", "localhost"),
        (
            "registry.k8s.io/ingress-nginx/controller:v1.11.2", "registry.k8s.io", "ingress-nginx/controller",
            "v1.11.2", nil,
            "registry.k8s.io/ingress-nginx/controller", "registry.k8s.io"
        ),
    ])
    func parses(
        _ text: String, _ registry: String, _ repository: String, _ tag: String, _ digest: String?, _ display: String,
        _ apiHost: String
    ) throws {
        let image = try #require(ImageReference(parsing: text))
        #expect(image.registry == registry)
        #expect(image.repository == repository)
        #expect(image.tag == tag)
        #expect(image.digest == digest)
        #expect(image.displayName == display)
        #expect(image.apiHost == apiHost)
    }

    @Test func withoutTagHasNone() throws {
        let image = try #require(ImageReference(parsing: "quay.io/prometheus/node-exporter"))
        #expect(image.tag == nil)
        #expect(image.registry == "quay.io")
    }

    @Test(arguments: ["", "nginx:", "{{ .Values.image }}", "Nginx:1", "a//b:1", "app:1@nodigest", "$IMAGE"])
    func refuses(_ text: String) {
        #expect(ImageReference(parsing: text) == nil)
    }
}
