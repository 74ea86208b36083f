import Foundation
import Manifests
import Policy

/// Argo CD `ApplicationSet` with list generators: the Applications its `spec.template` makes, one
/// per element of `list.elements`, with `{{key}}` (or `{{.key}}` with `goTemplate: true`)
/// replaced by the element's values. The template's text is substituted and read again, its lines
/// kept in place, so findings land on the ApplicationSet's own lines. Other generators (git,
/// clusters, matrix...) need a cluster or other repositories: a note.
enum ApplicationSetLists {
    /// Applications made from one ApplicationSet, at most: each is a render.
    static let elementLimit = 1_000

    /// The Applications of `applicationSet`, as objects of its file.
    static func applications(of applicationSet: KubernetesObject, fileBytes: [UInt8], notes: inout [RenderNote]) -> [(
        object: KubernetesObject, shift: PositionShift, bytes: [UInt8]
    )] {
        let note = { (message: String) in
            RenderNote(
                location: SourceLocation(file: applicationSet.file, position: applicationSet.anchor),
                message: "ApplicationSet \(applicationSet.name): \(message)")
        }
        guard let spec = applicationSet.node["spec"], let template = spec["template"], template.isMapping else {
            notes.append(note("no spec.template; not rendered"))
            return []
        }
        let goTemplate = spec["goTemplate"]?.bool == true
        var elements: [[String: String]] = []
        for generator in spec["generators"]?.items ?? [] {
            guard let list = generator["list"] else {
                let kind = generator.entries?.first?.keyText ?? "unknown"
                notes.append(
                    note(
                        "its \(kind) generator needs a cluster or other repositories; its Applications are not rendered"
                    ))
                continue
            }
            if generator["list", "template"] != nil {
                notes.append(note("a list generator's own template is not merged yet; the spec.template is used"))
            }
            for element in list["elements"]?.items ?? [] {
                guard elements.count < Self.elementLimit else {
                    notes.append(note("more than \(Self.elementLimit) list elements; the rest are not rendered"))
                    break
                }
                elements.append(element.stringMap)
            }
        }
        guard let text = templateText(template, in: fileBytes) else { return [] }
        var found: [(KubernetesObject, PositionShift, [UInt8])] = []
        for element in elements {
            var substituted = text.body
            for (key, value) in element {
                substituted = substituted.replacingOccurrences(
                    of: goTemplate ? "{{.\(key)}}" : "{{\(key)}}", with: value)
                if goTemplate { substituted = substituted.replacingOccurrences(of: "{{ .\(key) }}", with: value) }
            }
            let document = "apiVersion: argoproj.io/v1alpha1\nkind: Application\n" + substituted
            let bytes = Array(document.utf8)
            guard let root = YAMLParser.parse(bytes: bytes).documents.first?.root,
                let object = KubernetesObject(
                    node: root, file: applicationSet.file, documentIndex: applicationSet.documentIndex)
            else { continue }
            // The two header lines come first; the template's first line is its own.
            found.append((object, PositionShift(lines: text.firstLine - 3, columns: text.indent), bytes))
        }
        return found
    }

    /// The template mapping's lines, indentation removed.
    private static func templateText(_ template: YAMLNode, in bytes: [UInt8]) -> (
        body: String, firstLine: Int, indent: Int
    )? {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let first = template.start.line
        let last = min(template.end.line, lines.count)
        guard first >= 1, first <= last else { return nil }
        let indent = template.start.column - 1
        var body: [Substring] = []
        for number in first...last {
            let line = lines[number - 1]
            let blanks = line.prefix { $0 == " " }.count
            body.append(line.dropFirst(min(indent, blanks)))
        }
        return (body.joined(separator: "\n") + "\n", first, indent)
    }
}
