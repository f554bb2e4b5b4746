import Digest

extension Enricher {
    /// For a key to encrypted settings: its cipher and, when the files it guards are in the
    /// repository or folder, which file it opens and the names of what that file holds. The
    /// rule's validator says which format the key is for.
    func encryptionKeyFacts(_ finding: Finding, workspace: Workspace) -> PrivateKeyFacts? {
        switch finding.rule.validator {
        case .railsMasterKey: railsKeyFacts(finding, workspace: workspace)
        case .sodiumBoxKeyPair: symfonyKeyFacts(finding, workspace: workspace)
        case .dotenvVaultKey: dotenvVaultKeyFacts(finding, workspace: workspace)
        case .secp256k1PrivateKey: dotenvxKeyFacts(finding, workspace: workspace)
        default: nil
        }
    }

    /// What a Rails credentials key opens: the encrypted credentials file beside a key file
    /// (`config/master.key` → `config/credentials.yml.enc`), or, for a key assigned in text
    /// (`RAILS_MASTER_KEY=` in a deploy file), `config/credentials.yml.enc` at the root of the
    /// repository or scanned folder. The first file the key opens gives the settings' names.
    func railsKeyFacts(_ finding: Finding, workspace: Workspace) -> PrivateKeyFacts {
        let opened = firstOpened(finding, in: workspace, candidates: { location in
            location.isWholeFile ? RailsMasterKey.encryptedFilePath(forKeyAt: location.path).map { [$0] } ?? []
                : rootPaths(["config/credentials.yml.enc"], of: location, in: workspace)
        }, open: { file, _, _ in RailsCredentials(file: file, hexKey: finding.secret)?.settingNames })
        return PrivateKeyFacts(algorithm: "AES-128-GCM", bits: 128, opens: opened)
    }

    /// What a Symfony vault decryption key opens: the vault whose public key is the key's own,
    /// in the folder of a `<env>.decrypt.private.php` file, or, for `SYMFONY_DECRYPTION_SECRET`
    /// in text, in `config/secrets/<env>/` at the root for the usual environments; named by the
    /// folder, and its secrets by the vault's list file.
    func symfonyKeyFacts(_ finding: Finding, workspace: Workspace) -> PrivateKeyFacts {
        guard let publicKey = SymfonyVault.publicKey(ofKeyPair: finding.secret) else {
            return PrivateKeyFacts(algorithm: "X25519", bits: 256, encrypted: false)
        }
        let publicKeyFile = ".encrypt.public.php"
        let opened = firstOpened(finding, in: workspace, candidates: { location in
            let vaults = SymfonyVault.vaultFolder(forKeyAt: location.path).map { [$0] }
                ?? ["prod", "dev", "staging", "test"].flatMap { environment in
                    rootPaths(["config/secrets/\(environment)/"], of: location, in: workspace).map { ($0, environment) }
                }
            return vaults.map { $0.folder + $0.environment + publicKeyFile }
        }, open: { file, path, location in
            let listPath = String(path.dropLast(publicKeyFile.count)) + ".list.php"
            return SymfonyVault(publicKeyFile: file, listFile: read(listPath, at: location, in: workspace), publicKey: publicKey)?.secretNames
        })
        let folder = opened.map { (String($0.path.prefix(through: $0.path.lastIndex(of: "/") ?? $0.path.startIndex)), $0.names) }
        return PrivateKeyFacts(algorithm: "X25519", bits: 256, opens: folder)
    }

    /// What a dotenv-vault key opens: the first entry of a `.env.vault` beside it, in a folder
    /// above (a key in a service's `deploy/` script), or at the root, that it decrypts (the key's
    /// URI names its environment), and the variables that entry sets.
    func dotenvVaultKeyFacts(_ finding: Finding, workspace: Workspace) -> PrivateKeyFacts {
        let opened = firstOpened(finding, in: workspace, candidates: { location in
            siblingPaths([".env.vault"], of: location, levelsUp: 2) + rootPaths([".env.vault"], of: location, in: workspace)
        }, open: { file, _, _ in DotenvEncryptedFiles.openVault(file, hexKey: finding.secret)?.names })
        return PrivateKeyFacts(algorithm: "AES-256-GCM", bits: 256, opens: opened)
    }

    /// What a dotenvx private key opens: the env file beside it whose `DOTENV_PUBLIC_KEY` is its
    /// public key, named by the variables it holds encrypted.
    func dotenvxKeyFacts(_ finding: Finding, workspace: Workspace) -> PrivateKeyFacts {
        guard let scalar = ValueShape.bytes(ofHex: finding.secret),
              let publicKey = Secp256k1.compressedPublicKey(ofPrivateKey: scalar) else {
            return PrivateKeyFacts(algorithm: "secp256k1", bits: 256, encrypted: false)
        }
        let envFiles = [".env", ".env.production", ".env.prod", ".env.staging", ".env.development", ".env.dev",
                        ".env.test", ".env.ci", ".env.preview", ".env.local"]
        let opened = firstOpened(finding, in: workspace, locations: 2, candidates: { siblingPaths(envFiles, of: $0) },
                                 open: { file, _, _ in DotenvEncryptedFiles.encryptedNames(in: file, publicKey: publicKey) })
        return PrivateKeyFacts(algorithm: "secp256k1", bits: 256, opens: opened)
    }

    /// The first candidate file that `open` reads as what the key opens, with the names it gives;
    /// candidates are paths for each of the finding's first locations (each a file read, a blob
    /// lookup in history, at the location's commit: a few places are enough), each read once.
    private func firstOpened(_ finding: Finding, in workspace: Workspace, locations: Int = 4,
                             candidates: (Location) -> [String],
                             open: (_ file: [UInt8], _ path: String, _ location: Location) -> [String]?) -> (path: String, names: [String])? {
        var tried: Set<String> = []
        for location in finding.locations.prefix(locations) {
            for path in candidates(location) where tried.insert((location.commit?.id ?? "") + ":" + path).inserted {
                guard let file = read(path, at: location, in: workspace), let names = open(file, path, location) else { continue }
                return (path, names)
            }
        }
        return nil
    }

    /// `names` in the folder of the file that holds `location`, then in up to `levelsUp` folders
    /// above it.
    private func siblingPaths(_ names: [String], of location: Location, levelsUp: Int = 0) -> [String] {
        guard location.member.isEmpty else { return [] }
        var folders: [Substring] = []
        var path = Substring(location.path)
        while folders.count <= levelsUp, let slash = path.lastIndex(of: "/") {
            path = path[..<slash]
            folders.append(path[...] + "/")
        }
        if folders.count <= levelsUp, !location.path.hasPrefix("/") { folders.append("") }
        return folders.flatMap { folder in names.map { folder + $0 } }
    }

    /// The file at `path` beside `location` (at its commit, in history), when it can be read.
    private func read(_ path: String, at location: Location, in workspace: Workspace) -> [UInt8]? {
        var candidate = location
        candidate.path = path
        candidate.blobID = nil
        candidate.member = ""
        return workspace.contents(of: candidate)
    }

    /// `relative` paths at the root of what was scanned, for a key written in a file anywhere in
    /// it: the repository's root, or each scanned folder that holds the location.
    private func rootPaths(_ relative: [String], of location: Location, in workspace: Workspace) -> [String] {
        guard location.member.isEmpty else { return [] }
        switch workspace.kind {
        case .repository, .workTree:
            return relative
        case .folders:
            let roots = scanRoots.filter { root in
                root == "." || location.path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
            }
            return roots.flatMap { root in relative.map { (root.hasSuffix("/") ? root : root + "/") + $0 } }
        case .detached:
            return []
        }
    }
}
