import HelmKit
import Manifests

/// The documents of rendered templates that Kubernetes would receive: each template's output
/// split at `---` lines; NOTES.txt, empty documents, documents that are only comments, and test
/// hooks (`helm.sh/hook: test`, which Flux and Argo CD do not run by default) are left out.
enum RenderedDocuments {
    struct Document: Sendable {
        /// The template's path in the chart (`podinfo/templates/deployment.yaml`).
        var template: String
        /// Its place among the documents of its template.
        var number: Int
        var text: String
        var root: YAMLNode?
    }

    static func split(_ templates: [HelmChart.RenderedTemplate]) -> [Document] {
        var documents: [Document] = []
        for template in templates where !template.template.hasSuffix("NOTES.txt") {
            var number = 0
            for chunk in chunks(of: template.manifest) {
                let stream = YAMLParser.parse(chunk)
                let root = stream.documents.first?.root
                guard stream.errors.isEmpty ? isObject(root) : true else { continue }
                if let hook = root?["metadata", "annotations", "helm.sh/hook"]?.string, hook.contains("test") {
                    continue
                }
                documents.append(Document(template: template.template, number: number, text: chunk, root: root))
                number += 1
            }
        }
        return documents
    }

    /// The YAML stream of `documents`, each behind its own `---`.
    static func stream(_ documents: [Document]) -> [UInt8] {
        var bytes: [UInt8] = []
        for document in documents {
            bytes += Array("---\n".utf8)
            bytes += Array(document.text.utf8)
            if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        }
        return bytes
    }

    private static func isObject(_ root: YAMLNode?) -> Bool {
        guard let root, root.isMapping else { return false }
        return root["kind"]?.string?.isEmpty == false && root["apiVersion"]?.string?.isEmpty == false
    }

    /// The parts of a template's output between `---` lines.
    private static func chunks(of text: String) -> [String] {
        var chunks: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "---" || line.hasPrefix("--- ") || line == "---\r" {
                chunks.append(current.joined(separator: "\n"))
                current = []
            } else {
                current.append(line)
            }
        }
        chunks.append(current.joined(separator: "\n"))
        return chunks.filter { chunk in
            chunk.split(separator: "\n").contains { line in
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                return !trimmed.isEmpty && !trimmed.hasPrefix("#")
            }
        }
    }
}
