#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns a file's bytes into Kubernetes objects: parse, expand `kind: List`, classify.
package enum ManifestReader {
    package static func read(path: String, bytes: [UInt8], options: YAMLParseOptions = YAMLParseOptions())
        -> ManifestFile
    {
        let stream = YAMLParser.parse(bytes: bytes, options: options)
        if (!stream.errors.isEmpty || stream.hasComplexKeys) && looksLikeTemplate(bytes) {
            return ManifestFile(
                path: path, kind: .template, documentCount: stream.documents.count, objects: [], syntaxErrors: [],
                byteCount: bytes.count)
        }
        var objects: [KubernetesObject] = []
        for document in stream.documents {
            guard let root = document.root else { continue }
            objects.append(contentsOf: self.objects(in: root, file: path, documentIndex: document.index))
        }
        let kind: ManifestFile.Kind = objects.isEmpty && stream.errors.isEmpty ? .notKubernetes : .kubernetes
        return ManifestFile(
            path: path, kind: kind, documentCount: stream.documents.count + stream.errors.count,
            objects: objects, syntaxErrors: stream.errors, byteCount: bytes.count)
    }

    package static func read(path: String, text: String) -> ManifestFile {
        read(path: path, bytes: Array(text.utf8))
    }

    static func objects(in root: YAMLNode, file: String, documentIndex: Int) -> [KubernetesObject] {
        if root["kind"]?.string == "List", let items = root["items"]?.items {
            return items.enumerated().compactMap { index, item in
                KubernetesObject(
                    node: item, file: file, documentIndex: documentIndex,
                    path: DocumentPath.root.appending("items").appending(index: index))
            }
        }
        return KubernetesObject(node: root, file: file, documentIndex: documentIndex).map { [$0] } ?? []
    }

    /// Go template actions (`{{ ... }}`) are the mark of an unrendered Helm chart template.
    package static func looksLikeTemplate(_ bytes: [UInt8]) -> Bool {
        contains(bytes, "{{")
    }

    /// Whether `needle` occurs in `bytes`. Every file is scanned, so candidates are found with
    /// libc's `memchr` rather than a byte-by-byte loop.
    static func contains(_ bytes: [UInt8], _ needle: StaticString) -> Bool {
        ByteSearch.contains(
            bytes, pattern: UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount))
    }
}
