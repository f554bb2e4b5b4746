extension Enricher {
    /// What a Rails credentials key opens: the encrypted credentials file beside a key file
    /// (`config/master.key` → `config/credentials.yml.enc`), or, for a key assigned in text
    /// (`RAILS_MASTER_KEY=` in a deploy file), `config/credentials.yml.enc` at the root of the
    /// repository or scanned folder, read at the location's commit in history. The first file
    /// the key opens gives the names of the settings it holds.
    func railsKeyFacts(_ finding: Finding, workspace: Workspace) -> PrivateKeyFacts {
        var key = PrivateKeyFacts(algorithm: "AES-128-GCM", bits: 128, encrypted: false)
        var tried: Set<Location> = []
        // Each candidate is a file read (a blob lookup in history): a few places are enough.
        for location in finding.locations.prefix(4) {
            for path in encryptedFileCandidates(for: location, in: workspace) {
                var candidate = location
                candidate.path = path
                candidate.blobID = nil
                candidate.member = ""
                guard tried.insert(candidate).inserted, let file = workspace.contents(of: candidate),
                      let credentials = RailsCredentials(file: file, hexKey: finding.secret) else { continue }
                key.decrypts = path
                key.decryptedSettings = credentials.settingNames
                return key
            }
        }
        return key
    }

    private func encryptedFileCandidates(for location: Location, in workspace: Workspace) -> [String] {
        guard location.member.isEmpty else { return [] }
        if location.isWholeFile { return RailsMasterKey.encryptedFilePath(forKeyAt: location.path).map { [$0] } ?? [] }
        switch workspace.kind {
        case .repository, .workTree:
            return ["config/credentials.yml.enc"]
        case .folders:
            let roots = scanRoots.filter { root in
                root == "." || location.path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
            }
            return roots.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + "config/credentials.yml.enc" }
        case .detached:
            return []
        }
    }
}
