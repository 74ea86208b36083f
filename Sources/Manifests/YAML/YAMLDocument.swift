/// One document of a YAML stream (the text between `---` separators).
public struct YAMLDocument: Sendable {
    /// 0-based position of the document in its file.
    public var index: Int
    public var start: SourcePosition
    /// `nil` for a document that holds only comments.
    public var root: YAMLNode?

    public init(index: Int, start: SourcePosition, root: YAMLNode?) {
        self.index = index
        self.start = start
        self.root = root
    }
}

/// A place where the text is not valid YAML, as the parser reported it.
public struct YAMLSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var problem: String
    public var context: String?
    /// Where the finding belongs: the start of the broken construct when the parser names one.
    public var position: SourcePosition
    /// Where the parser noticed the problem; parsing resumes after it.
    public var detectedAt: SourcePosition

    public init(problem: String, context: String? = nil, position: SourcePosition, detectedAt: SourcePosition? = nil) {
        self.problem = problem
        self.context = context
        self.position = position
        self.detectedAt = detectedAt ?? position
    }

    public var description: String {
        if let context { return "\(problem) \(context)" }
        return problem
    }
}

/// Every document that could be read, and every syntax error met on the way.
/// A broken document does not hide the documents after it.
public struct YAMLStream: Sendable {
    public var documents: [YAMLDocument]
    public var errors: [YAMLSyntaxError]
    /// True when some mapping had a non-scalar key, which only unrendered templates
    /// (`{{ .Values.x }}` read as a flow mapping) produce in Kubernetes files.
    public var hasComplexKeys: Bool

    public init(documents: [YAMLDocument] = [], errors: [YAMLSyntaxError] = [], hasComplexKeys: Bool = false) {
        self.documents = documents
        self.errors = errors
        self.hasComplexKeys = hasComplexKeys
    }
}

/// What the parser may leave out of the trees it builds. libyaml still reads every byte (so
/// syntax errors are still found); only the Swift nodes are not made.
public struct YAMLParseOptions: Sendable {
    /// Kinds whose top-level `spec` no caller reads (CustomResourceDefinitions: a third of a
    /// typical tree's bytes, schema only). Applies when `kind` comes before `spec`, as it
    /// conventionally does.
    public var skipSpecOfKinds: Set<String>
    public var limits: YAMLLimits

    public init(skipSpecOfKinds: Set<String> = [], limits: YAMLLimits = .standard) {
        self.skipSpecOfKinds = skipSpecOfKinds
        self.limits = limits
    }
}
