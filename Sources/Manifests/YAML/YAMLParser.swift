internal import CYAML

/// Reads YAML (and JSON) text with libyaml's event parser into `YAMLNode` trees.
///
/// This is the only place that talks to libyaml. A syntax error ends libyaml's stream, so the
/// parser notes it and starts again at the next `---` line: one broken document costs only itself.
package enum YAMLParser {
    package static func parse(_ text: String, options: YAMLParseOptions = YAMLParseOptions()) -> YAMLStream {
        parse(bytes: Array(text.utf8), options: options)
    }

    package static func parse(bytes: [UInt8], options: YAMLParseOptions = YAMLParseOptions()) -> YAMLStream {
        // Trees index their bytes and nodes with 32-bit numbers.
        guard bytes.count < Int(Int32.max) / 2 else {
            return YAMLStream(errors: [
                YAMLSyntaxError(
                    problem: "the file is larger than 1 GiB, which Shipshape does not read",
                    position: SourcePosition(line: 1, column: 1))
            ])
        }
        guard bytes.count <= options.limits.maximumBytes else {
            let problem =
                "the file holds \(bytes.count) bytes, more than Shipshape's limit of \(options.limits.maximumBytes) bytes"
            return YAMLStream(errors: [YAMLSyntaxError(problem: problem, position: SourcePosition(line: 1, column: 1))])
        }
        var stream = YAMLStream()
        var restart = RestartPoint(byte: 0, line: 0, offset: 0)
        while true {
            let segment = parseSegment(
                bytes, from: restart, firstDocumentIndex: stream.documents.count, options: options)
            stream.documents.append(contentsOf: segment.documents)
            stream.hasComplexKeys = stream.hasComplexKeys || segment.hasComplexKeys
            guard let error = segment.error else { break }
            stream.errors.append(error)
            guard let next = RestartPoint.nextDocument(in: bytes, fromLine: error.detectedAt.line, after: restart)
            else { break }
            restart = next
        }
        return stream
    }

    private struct Segment {
        var documents: [YAMLDocument] = []
        var error: YAMLSyntaxError?
        var hasComplexKeys = false
    }

    private static func parseSegment(
        _ bytes: [UInt8], from restart: RestartPoint, firstDocumentIndex: Int, options: YAMLParseOptions
    ) -> Segment {
        var segment = Segment()
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            segment.error = YAMLSyntaxError(
                problem: "libyaml could not allocate a parser", position: SourcePosition(line: 1, column: 1))
            return segment
        }
        defer { yaml_parser_delete(&parser) }

        bytes.withUnsafeBufferPointer { buffer in
            let remaining = UnsafeBufferPointer(rebasing: buffer[restart.byte...])
            yaml_parser_set_input_string(&parser, remaining.baseAddress, remaining.count)
            var builder = YAMLTreeBuilder()
            var documentStart = SourcePosition(line: 1, column: 1)
            var event = yaml_event_t()
            /// Open collections of a value being skipped (see `YAMLParseOptions`); 0 when building.
            var skippedDepth = 0
            /// Open collections, skipped or not: the limit stops libyaml too, before deep flow
            /// nesting costs it quadratic time.
            var depth = 0
            func position(_ mark: yaml_mark_t) -> SourcePosition {
                SourcePosition(
                    line: Int(mark.line) + 1 + restart.line, column: Int(mark.column) + 1,
                    offset: Int(mark.index) + restart.offset)
            }
            parsing: while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    segment.error =
                        parser.error == YAML_READER_ERROR
                        ? readerError(parser, in: bytes, at: restart.byte + parser.problem_offset)
                        : syntaxError(
                            parser, problem: position(parser.problem_mark), context: position(parser.context_mark))
                    break parsing
                }
                switch event.type {
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    depth += 1
                    if depth > options.limits.maximumDepth {
                        segment.error = YAMLSyntaxError(
                            problem:
                                "collections nested deeper than \(options.limits.maximumDepth) levels, Shipshape's limit",
                            position: position(event.start_mark))
                        yaml_event_delete(&event)
                        break parsing
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: depth -= 1
                default: break
                }
                if skippedDepth > 0 {
                    switch event.type {
                    case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT: skippedDepth += 1
                    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: skippedDepth -= 1
                    default: break
                    }
                    yaml_event_delete(&event)
                    continue
                }
                let start = position(event.start_mark)
                let end = position(event.end_mark)
                switch event.type {
                case YAML_DOCUMENT_START_EVENT:
                    builder.beginDocument()
                    documentStart = start
                case YAML_DOCUMENT_END_EVENT:
                    segment.documents.append(
                        YAMLDocument(
                            index: firstDocumentIndex + segment.documents.count, start: documentStart,
                            root: meaningfulRoot(builder.finishDocument())))
                case YAML_SCALAR_EVENT:
                    let data = event.data.scalar
                    builder.scalar(
                        UnsafeBufferPointer(start: data.value, count: data.value == nil ? 0 : data.length),
                        style: style(data.style),
                        tag: data.tag.map { String(cString: $0) }, anchor: data.anchor.map { String(cString: $0) },
                        start: start, end: end)
                case YAML_ALIAS_EVENT:
                    let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                    if !builder.alias(name, start: start, end: end) {
                        segment.error = YAMLSyntaxError(problem: "found undefined alias *\(name)", position: start)
                        yaml_event_delete(&event)
                        break parsing
                    }
                    if builder.aliasedNodes > options.limits.maximumAliasedNodes {
                        segment.error = YAMLSyntaxError(
                            problem:
                                "aliases add more than \(options.limits.maximumAliasedNodes) nodes to the document, Shipshape's limit (*\(name) brings \(builder.aliasedNodes) so far)",
                            position: start)
                        yaml_event_delete(&event)
                        break parsing
                    }
                case YAML_SEQUENCE_START_EVENT where builder.skipsNextValue(options),
                    YAML_MAPPING_START_EVENT where builder.skipsNextValue(options):
                    skippedDepth = 1
                case YAML_SEQUENCE_START_EVENT:
                    builder.open(
                        isMapping: false, anchor: event.data.sequence_start.anchor.map { String(cString: $0) },
                        start: start)
                case YAML_MAPPING_START_EVENT:
                    builder.open(
                        isMapping: true, anchor: event.data.mapping_start.anchor.map { String(cString: $0) },
                        start: start)
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    builder.close(end: end)
                case YAML_STREAM_END_EVENT:
                    yaml_event_delete(&event)
                    break parsing
                default:
                    break
                }
                yaml_event_delete(&event)
            }
            segment.hasComplexKeys = builder.hasComplexKeys
        }
        return segment
    }

    /// A document whose only content is an empty plain scalar held nothing but comments.
    private static func meaningfulRoot(_ root: YAMLNode?) -> YAMLNode? {
        guard let root, !root.isNull else { return nil }
        return root
    }

    /// A construct left open (a flow sequence, a quoted string) is detected only where the text
    /// ends it wrongly; the error is placed where the construct began, which is the line to fix.
    private static func syntaxError(
        _ parser: yaml_parser_t, problem problemPosition: SourcePosition, context contextPosition: SourcePosition
    ) -> YAMLSyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        guard let context = parser.context.map({ String(cString: $0) }), contextPosition < problemPosition else {
            return YAMLSyntaxError(problem: problem, position: problemPosition, detectedAt: problemPosition)
        }
        return YAMLSyntaxError(
            problem: problem, context: "\(context) started here (detected at line \(problemPosition.line))",
            position: contextPosition, detectedAt: problemPosition)
    }

    /// libyaml decodes ahead of the parser, so a byte it cannot read (NUL, invalid UTF-8) comes
    /// with no mark, only its offset: the line and column are counted from that.
    private static func readerError(_ parser: yaml_parser_t, in bytes: [UInt8], at offset: Int) -> YAMLSyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable text"
        let end = min(offset, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        // A byte-order mark is no column (libyaml's marks skip it too).
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let firstColumn = lineStart == 0 && end >= 3 && bytes.starts(with: byteOrderMark) ? 3 : lineStart
        let column = bytes[firstColumn..<end].reduce(1) { count, byte in byte & 0xC0 == 0x80 ? count : count + 1 }
        let hex = String(parser.problem_value, radix: 16, uppercase: true)
        let value = parser.problem_value >= 0 ? " (0x\(hex.count < 2 ? "0" + hex : hex))" : ""
        let position = SourcePosition(line: line, column: column, offset: end)
        return YAMLSyntaxError(problem: problem + value, position: position, detectedAt: position)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
