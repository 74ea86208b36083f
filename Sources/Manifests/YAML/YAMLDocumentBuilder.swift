/// Builds a document from values in memory, for trees no file holds (objects a kustomization
/// builds): the engine checks them as it checks parsed documents, without writing them out as
/// text to parse again. Every node gets a position of its own (line = its place in the stream,
/// in order), so objects stay distinct; where a value was really written is the caller's to keep.
package struct YAMLDocumentBuilder {
    private var builder = YAMLTreeBuilder()
    /// Nodes placed so far in the stream, this document's included.
    package private(set) var nodes: Int

    /// `nodesBefore`: the `nodes` of the stream's previous document, so positions never repeat.
    package init(nodesBefore: Int = 0) {
        nodes = nodesBefore
        builder.beginDocument()
    }

    package mutating func scalar(_ text: String, style: YAMLScalar.Style, tag: String? = nil) {
        let position = nextPosition()
        var text = text
        text.withUTF8 { bytes in
            builder.scalar(bytes, style: style, tag: tag, anchor: nil, start: position, end: position)
        }
    }

    package mutating func beginMapping() { builder.open(isMapping: true, anchor: nil, start: nextPosition()) }
    package mutating func beginSequence() { builder.open(isMapping: false, anchor: nil, start: nextPosition()) }
    package mutating func end() { builder.close(end: SourcePosition(line: nodes, column: 1, offset: nodes)) }

    /// The document's root; nil when nothing was added.
    package mutating func finish() -> YAMLNode? { builder.finishDocument() }

    private mutating func nextPosition() -> SourcePosition {
        nodes += 1
        return SourcePosition(line: nodes, column: 1, offset: nodes)
    }
}

extension ManifestReader {
    /// The objects of documents built in memory (see `YAMLDocumentBuilder`), as if read from a
    /// file named `path` holding them in order.
    package static func read(path: String, documents: [YAMLNode]) -> ManifestFile {
        let objects = documents.enumerated().flatMap { index, root in
            self.objects(in: root, file: path, documentIndex: index)
        }
        return ManifestFile(
            path: path, kind: objects.isEmpty ? .notKubernetes : .kubernetes, documentCount: documents.count,
            objects: objects, syntaxErrors: [], byteCount: 0)
    }
}
