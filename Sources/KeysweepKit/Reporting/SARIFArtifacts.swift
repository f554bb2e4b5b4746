import Foundation

/// The `run.artifacts` of a SARIF log for locations inside archives: one artifact per archive
/// and per member, each member's `parentIndex` naming the archive that holds it (SARIF 3.24.3),
/// so that `app.war!WEB-INF/lib/conf.jar!application.properties` is three nested artifacts.
///
/// An artifact's `uri` is its archive's, `!`, and its member name, percent-encoded: a member
/// named `../x` stays `../x` inside its archive instead of being resolved against the folder.
struct SARIFArtifacts {
    private(set) var artifacts: [SARIF.Artifact] = []
    private var indexByURI: [String: Int] = [:]
    let sourceRoot: String

    init(sourceRoot: String) {
        self.sourceRoot = sourceRoot
    }

    /// The artifact location of `location`: for an archive member, its innermost artifact (added
    /// with its parents if new); otherwise the file, relative to `%SRCROOT%`.
    mutating func artifactLocation(of location: Location) -> SARIF.ArtifactLocation {
        let outer = String(location.path.dropLast(location.member.count))
        let outerURI = SARIFReporter.relativeURI(outer, root: sourceRoot)
        guard location.member.hasPrefix("!") else { return SARIF.ArtifactLocation(uri: outerURI, uriBaseId: "%SRCROOT%") }
        var uri = outerURI
        var index = add(uri: uri, parent: nil)
        for member in location.member.dropFirst().split(separator: "!", omittingEmptySubsequences: false) {
            uri += "!" + (member.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String(member))
            index = add(uri: uri, parent: index)
        }
        return SARIF.ArtifactLocation(uri: uri, uriBaseId: "%SRCROOT%", index: index)
    }

    private mutating func add(uri: String, parent: Int?) -> Int {
        if let index = indexByURI[uri] { return index }
        artifacts.append(SARIF.Artifact(location: SARIF.ArtifactLocation(uri: uri, uriBaseId: "%SRCROOT%"), parentIndex: parent))
        indexByURI[uri] = artifacts.count - 1
        return artifacts.count - 1
    }
}
