@testable import Kustomize

/// The error building `folder` of `files` throws, nil when it builds.
func buildError(_ files: [String: String], folder: String = "app") -> KustomizeError? {
    do {
        _ = try KustomizeBuilder(fileSystem: MemoryFileSystem(files)).build(folder: folder)
        return nil
    } catch let error as KustomizeError {
        return error
    } catch {
        return nil
    }
}
