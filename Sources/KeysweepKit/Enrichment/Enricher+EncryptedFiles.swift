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
    /// repository or scanned folder, read at the location's commit in history. The first file
    /// the key opens gives the names of the settings it holds.
    func railsKeyFacts(_ finding: Finding, workspace: Workspace) -> PrivateKeyFacts {
        var key = PrivateKeyFacts(algorithm: "AES-128-GCM", bits: 128, encrypted: false)
        var tried: Set<String> = []
        // Each candidate is a file read (a blob lookup in history): a few places are enough.
        for location in finding.locations.prefix(4) {
            let paths = location.isWholeFile ? RailsMasterKey.encryptedFilePath(forKeyAt: location.path).map { [$0] } ?? []
                : rootPaths(["config/credentials.yml.enc"], of: location, in: workspace)
            for path in paths {
                guard let file = read(path, at: location, in: workspace, tried: &tried),
                      let credentials = RailsCredentials(file: file, hexKey: finding.secret) else { continue }
                key.decrypts = path
                key.decryptedSettings = credentials.settingNames
                return key
            }
        }
        return key
    }

    /// What a Symfony vault decryption key opens: the vault whose public key is the key's own,
    /// in the folder of a `<env>.decrypt.private.php` file, or, for `SYMFONY_DECRYPTION_SECRET`
    /// in text, in `config/secrets/<env>/` at the root for the usual environments.
    func symfonyKeyFacts(_ finding: Finding, workspace: Workspace) -> PrivateKeyFacts {
        var key = PrivateKeyFacts(algorithm: "X25519", bits: 256, encrypted: false)
        guard let publicKey = SymfonyVault.publicKey(ofKeyPair: finding.secret) else { return key }
        var tried: Set<String> = []
        for location in finding.locations.prefix(4) {
            let vaults = SymfonyVault.vaultFolder(forKeyAt: location.path).map { [$0] }
                ?? ["prod", "dev", "staging", "test"].flatMap { environment in
                    rootPaths(["config/secrets/\(environment)/"], of: location, in: workspace).map { ($0, environment) }
                }
            for (folder, environment) in vaults {
                guard let publicFile = read(folder + "\(environment).encrypt.public.php", at: location, in: workspace, tried: &tried)
                else { continue }
                let listFile = read(folder + "\(environment).list.php", at: location, in: workspace, tried: &tried)
                guard let vault = SymfonyVault(publicKeyFile: publicFile, listFile: listFile, publicKey: publicKey) else { continue }
                key.decrypts = folder
                key.decryptedSettings = vault.secretNames
                return key
            }
        }
        return key
    }

    /// What a dotenv-vault key opens: the first entry of a `.env.vault` beside it, in a folder
    /// above (a key in a service's `deploy/` script), or at the root, that it decrypts (the key's
    /// URI names its environment), and the variables that entry sets.
    func dotenvVaultKeyFacts(_ finding: Finding, workspace: Workspace) -> PrivateKeyFacts {
        var key = PrivateKeyFacts(algorithm: "AES-256-GCM", bits: 256, encrypted: false)
        var tried: Set<String> = []
        for location in finding.locations.prefix(4) {
            for path in siblingPaths([".env.vault"], of: location, levelsUp: 2) + rootPaths([".env.vault"], of: location, in: workspace) {
                guard let file = read(path, at: location, in: workspace, tried: &tried),
                      let opened = DotenvEncryptedFiles.openVault(file, hexKey: finding.secret) else { continue }
                key.decrypts = path
                key.decryptedSettings = opened.names
                return key
            }
        }
        return key
    }

    /// What a dotenvx private key opens: the env file beside it whose `DOTENV_PUBLIC_KEY` is its
    /// public key, named by the variables it holds encrypted.
    func dotenvxKeyFacts(_ finding: Finding, workspace: Workspace) -> PrivateKeyFacts {
        var key = PrivateKeyFacts(algorithm: "secp256k1", bits: 256, encrypted: false)
        guard let scalar = ValueShape.bytes(ofHex: finding.secret),
              let publicKey = Secp256k1.compressedPublicKey(ofPrivateKey: scalar) else { return key }
        var tried: Set<String> = []
        let envFiles = [".env", ".env.production", ".env.prod", ".env.staging", ".env.development", ".env.dev",
                        ".env.test", ".env.ci", ".env.preview", ".env.local"]
        for location in finding.locations.prefix(2) {
            for path in siblingPaths(envFiles, of: location) {
                guard let file = read(path, at: location, in: workspace, tried: &tried),
                      let names = DotenvEncryptedFiles.encryptedNames(in: file, publicKey: publicKey) else { continue }
                key.decrypts = path
                key.decryptedSettings = names
                return key
            }
        }
        return key
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

    /// The file at `path` beside `location` (at its commit, in history); nil when it cannot be
    /// read, or was read already for this finding (`tried` holds what was).
    private func read(_ path: String, at location: Location, in workspace: Workspace, tried: inout Set<String>) -> [UInt8]? {
        guard tried.insert((location.commit?.id ?? "") + ":" + path).inserted else { return nil }
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
