/// Where a node sits inside its document: `spec.template.spec.containers[0].image`.
/// Findings carry it so a fingerprint survives lines moving around.
package struct DocumentPath: Sendable, Hashable, CustomStringConvertible {
    package enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    package var components: [Component]

    package init(_ components: [Component] = []) {
        self.components = components
    }

    package static let root = DocumentPath()

    package func appending(_ keys: String...) -> DocumentPath {
        DocumentPath(components + keys.map(Component.key))
    }

    package func appending(index: Int) -> DocumentPath {
        DocumentPath(components + [.index(index)])
    }

    package var description: String {
        // Built as bytes: string interpolation per component cost more than the checks that
        // made the path, in reports with tens of thousands of findings.
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text.append(UInt8(ascii: ".")) }
                text.append(contentsOf: key.utf8)
            case .index(let index):
                text.append(UInt8(ascii: "["))
                text.append(contentsOf: String(index).utf8)
                text.append(UInt8(ascii: "]"))
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
