import Foundation

/// The `config.yml` a fixture's docker-registry runs with: filesystem storage in the fixture's
/// folder, loopback only, the access log on (it is what `requestLog()` reads), and the chosen auth.
struct RegistryConfiguration {
    enum Auth {
        case none
        case htpasswd(file: URL)
        case token(realm: URL, rootCertificateBundle: URL)
    }

    var storageFolder: URL
    var port: Int
    var auth: Auth
    /// `storage.cache.blobdescriptor: inmemory`, as Debian's own config.yml has it: a blob's size
    /// is remembered from its push, so a stored file that shrank afterwards is served cut short.
    var cachesBlobDescriptors = false

    var yaml: String {
        var text = """
            version: 0.1
            log:
              level: info
              formatter: json
              accesslog:
                disabled: false
            storage:
              filesystem:
                rootdirectory: \(quoted(storageFolder.path))
              delete:
                enabled: true
            \(cachesBlobDescriptors ? "  cache:\n    blobdescriptor: inmemory\n" : "")http:
              addr: 127.0.0.1:\(port)
            """
        switch auth {
        case .none:
            break
        case .htpasswd(let file):
            text += """

                auth:
                  htpasswd:
                    realm: shipshape-registry
                    path: \(quoted(file.path))
                """
        case .token(let realm, let bundle):
            text += """

                auth:
                  token:
                    realm: \(quoted(realm.absoluteString))
                    service: \(RegistryTokenIssuer.service)
                    issuer: \(RegistryTokenIssuer.issuer)
                    rootcertbundle: \(quoted(bundle.path))
                """
        }
        return text + "\n"
    }

    /// The htpasswd line for one user, bcrypt-hashed by apache2-utils' `htpasswd`, the only
    /// hash registry 2.8 accepts.
    static func htpasswdLine(user: String, password: String) throws -> String {
        let result = try ProcessRunner.tool("htpasswd", ["-Bbn", user, password])
        let line = result.output.split(separator: "\n").first.map(String.init) ?? ""
        guard result.status == 0, line.hasPrefix("\(user):$2") else {
            throw FixtureError("htpasswd could not hash the registry password: \(result.output)")
        }
        return line
    }

    private func quoted(_ text: String) -> String { SimpleYAML.quoted(text) }
}
