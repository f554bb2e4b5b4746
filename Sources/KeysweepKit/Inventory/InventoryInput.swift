import Foundation

/// One thing an inventory covers, with the name its locations carry: a repository (its history and
/// its working tree) or a plain folder.
public struct InventoryInput: Sendable, Equatable {
    public let name: String
    public let scan: ScanInput

    /// A git repository's top folder (or a bare repository) is scanned with its history, unless
    /// `history` is false; anything else as files. Names are folder names, made unique.
    public static func classify(_ paths: [String], history: Bool) throws(KeysweepError) -> [InventoryInput] {
        var inputs: [InventoryInput] = []
        var used: Set<String> = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw KeysweepError(.unreadableInput, path: path, String(cString: strerror(errno)))
            }
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            var name = URL(fileURLWithPath: absolute).lastPathComponent
            if name.hasSuffix(".git"), name.count > 4 { name.removeLast(4) }
            if name.isEmpty || name == "/" { name = path }
            var unique = name
            var counter = 2
            while used.contains(unique) {
                unique = "\(name)-\(counter)"
                counter += 1
            }
            used.insert(unique)
            let scan: ScanInput
            switch history ? repositoryKind(absolute) : nil {
            case .bare?: scan = .history(repository: path, revisions: .all, workingTree: false)
            case .workTree?: scan = .history(repository: path, revisions: .all, workingTree: true)
            case nil: scan = .paths([path])
            }
            inputs.append(InventoryInput(name: unique, scan: scan))
        }
        return inputs
    }

    private enum RepositoryKind { case bare, workTree }

    /// Whether `folder` is a bare repository or the top of a work tree (not a folder inside one).
    private static func repositoryKind(_ folder: String) -> RepositoryKind? {
        guard let output = try? GitProcess.output(repository: folder, ["rev-parse", "--is-bare-repository", "--show-toplevel"]) else { return nil }
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
        if lines.first == "true" { return .bare }
        guard lines.count >= 2 else { return nil }
        let top = URL(fileURLWithPath: lines[1]).resolvingSymlinksInPath().path
        return top == folder ? .workTree : nil
    }
}
