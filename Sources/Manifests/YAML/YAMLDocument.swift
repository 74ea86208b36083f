/// One document of a YAML stream (the text between `---` separators).
package struct YAMLDocument: Sendable {
    /// 0-based position of the document in its file.
    package var index: Int
    package var start: SourcePosition
    /// `nil` for a document that holds only comments.
    package var root: YAMLNode?

    package init(index: Int, start: SourcePosition, root: YAMLNode?) {
        self.index = index
        self.start = start
        self.root = root
    }
}

/// A place where the text is not valid YAML, as the parser reported it.
package struct YAMLSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    package var problem: String
    package var context: String?
    /// Where the finding belongs: the start of the broken construct when the parser names one.
    package var position: SourcePosition
    /// Where the parser noticed the problem; parsing resumes after it.
    package var detectedAt: SourcePosition

    package init(problem: String, context: String? = nil, position: SourcePosition, detectedAt: SourcePosition? = nil) {
        self.problem = problem
        self.context = context
        self.position = position
        self.detectedAt = detectedAt ?? position
    }

    package var description: String {
        if let context { return "\(problem) \(context)" }
        return problem
    }
}

/// Every document that could be read, and every syntax error met on the way.
/// A broken document does not hide the documents after it.
package struct YAMLStream: Sendable {
    package var documents: [YAMLDocument]
    package var errors: [YAMLSyntaxError]
    /// True when some mapping had a non-scalar key, which only unrendered templates
    /// (`{{ .Values.x }}` read as a flow mapping) produce in Kubernetes files.
    package var hasComplexKeys: Bool

    package init(documents: [YAMLDocument] = [], errors: [YAMLSyntaxError] = [], hasComplexKeys: Bool = false) {
        self.documents = documents
        self.errors = errors
        self.hasComplexKeys = hasComplexKeys
    }
}

/// What the parser may leave out of the trees it builds. libyaml still reads every byte (so
/// syntax errors are still found); only the Swift nodes are not made.
package struct YAMLParseOptions: Sendable {
    /// Kinds whose top-level `spec` no caller reads (CustomResourceDefinitions: a third of a
    /// typical tree's bytes, schema only). Applies when `kind` comes before `spec`, as it
    /// conventionally does.
    package var skipSpecOfKinds: Set<String>
    package var limits: YAMLLimits

    package init(skipSpecOfKinds: Set<String> = [], limits: YAMLLimits = .standard) {
        self.skipSpecOfKinds = skipSpecOfKinds
        self.limits = limits
    }
}
