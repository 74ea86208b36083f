import Foundation
import ShipshapeTesting

/// Reads an image back from a registry through its HTTP API, as a node's runtime pulls it:
/// the manifest by tag, then each blob by digest, each checked against its digest.
struct RegistryPull {
    let registry: URL
    let repository: String
    let scratch: URL

    func manifest(tag: String) throws -> [String: Any] {
        let file = try download("manifests/\(tag)", accept: "application/vnd.oci.image.manifest.v1+json")
        return try Self.object(Data(contentsOf: file))
    }

    /// The blob's bytes in a file, after checking its SHA-256 is `digest`.
    func blob(_ digest: String) throws -> URL {
        let file = try download("blobs/\(digest)", accept: "*/*")
        let sum = try ProcessRunner.tool("sha256sum", [file.path])
        guard sum.status == 0, "sha256:" + (sum.output.split(separator: " ").first ?? "") == digest else {
            throw FixtureError("blob \(digest) arrived with another digest: \(sum.output)")
        }
        return file
    }

    private func download(_ path: String, accept: String) throws -> URL {
        let file = scratch.appending(path: UUID().uuidString)
        let url = registry.appending(path: "v2/\(repository)/\(path)").absoluteString
        let result = try ProcessRunner.tool(
            "curl", ["-sSf", "--max-time", "300", "-H", "Accept: \(accept)", "-o", file.path, url])
        guard result.status == 0 else { throw FixtureError("GET \(url): \(result.output)") }
        return file
    }

    static func object(_ data: Data) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw FixtureError("not a JSON object")
        }
        return object
    }
}
