import Digest

/// Finds the encrypted settings that a key found by the scan opens (Rails credentials, a Symfony
/// vault, dotenv's files), in the repository or folders scanned: beside a key file, in a folder
/// above it, at the root, read at the key's commit in history. The enrichment names what a key
/// opens (`facts`); where the key decrypts a file, the scan matches its text (`plaintext`).
struct EncryptedFileFinder {
    let workspace: Workspace
    /// The folders the scan was given (`Enricher.scanRoots`), for keys found in folders.
    let scanRoots: [String]

    /// A key's cipher and, when the files it guards were found, which it opens and the names of
    /// what that holds; nil for a rule that is no such key. The validator says the format.
    func facts(_ finding: Finding) -> PrivateKeyFacts? {
        switch finding.rule.validator {
        case .railsMasterKey: railsKeyFacts(finding)
        case .sodiumBoxKeyPair: symfonyKeyFacts(finding)
        case .dotenvVaultKey: dotenvVaultKeyFacts(finding)
        case .secp256k1PrivateKey: dotenvxKeyFacts(finding)
        case .jenkinsMasterKey: jenkinsKeyFacts(finding)
        default: nil
        }
    }

    /// The file a key decrypts and its text, for the formats whose files are decrypted here
    /// (Rails credentials, dotenv-vault entries, dotenvx env files, a Jenkins home's
    /// `credentials.xml`), from the first of `locations` that leads to one.
    func plaintext(openedBy secret: [UInt8], validator: StructuralValidator?, at locations: [Location]) -> (path: String, text: [UInt8], location: Location)? {
        let candidates: ((Location) -> [String])? = switch validator {
        case .railsMasterKey: railsCandidates
        case .dotenvVaultKey: dotenvVaultCandidates
        case .secp256k1PrivateKey: { siblingPaths(Self.dotenvxFiles, of: $0) }
        case .jenkinsMasterKey: jenkinsCandidates
        default: nil
        }
        guard let candidates else { return nil }
        let tried = Array(locations.prefix(validator == .secp256k1PrivateKey ? 2 : 4))
        return firstOpened(tried, candidates: candidates) { file, path, location in
            decrypt(file, at: path, secret, validator) { read($0, at: location) }
        }
    }

    /// The text of the file at `path` in HEAD's tree (the working tree outside history) under
    /// the key, when it opens it.
    func plaintextAtHead(_ path: String, openedBy secret: [UInt8], validator: StructuralValidator?) -> [UInt8]? {
        workspace.headContents(of: path).flatMap { decrypt($0, at: path, secret, validator, read: workspace.headContents(of:)) }
    }

    /// `file`, read at `path`, decrypted under the key `secret`; `read` gives the other files a
    /// format needs beside it (a Jenkins home's `secrets/hudson.util.Secret`).
    private func decrypt(_ file: [UInt8], at path: String, _ secret: [UInt8], _ validator: StructuralValidator?,
                         read: (String) -> [UInt8]?) -> [UInt8]? {
        switch validator {
        case .railsMasterKey: RailsCredentials(file: file, hexKey: secret)?.plaintext
        case .dotenvVaultKey: DotenvEncryptedFiles.openVault(file, hexKey: secret)?.plaintext
        case .secp256k1PrivateKey: ValueShape.bytes(ofHex: secret).flatMap { DotenvEncryptedFiles.decryptedText(of: file, privateKey: $0) }
        case .jenkinsMasterKey: jenkinsCredentials(secret, forFileAt: path, read: read)?.opened(xml: file)?.text
        default: nil
        }
    }

    /// What a Rails credentials key opens: the encrypted credentials file beside a key file
    /// (`config/master.key` → `config/credentials.yml.enc`), or, for a key assigned in text
    /// (`RAILS_MASTER_KEY=` in a deploy file), `config/credentials.yml.enc` at the root of the
    /// repository or scanned folder. The first file the key opens gives the settings' names.
    private func railsKeyFacts(_ finding: Finding) -> PrivateKeyFacts {
        let opened = firstOpened(finding.locations, candidates: railsCandidates) { file, _, _ in
            RailsCredentials(file: file, hexKey: finding.secret)?.settingNames
        }
        return PrivateKeyFacts(algorithm: "AES-128-GCM", bits: 128, opens: opened.map { ($0.path, $0.text) })
    }

    private func railsCandidates(_ location: Location) -> [String] {
        location.isWholeFile ? RailsMasterKey.encryptedFilePath(forKeyAt: location.path).map { [$0] } ?? []
            : rootPaths(["config/credentials.yml.enc"], of: location)
    }

    /// What a Symfony vault decryption key opens: the vault whose public key is the key's own,
    /// in the folder of a `<env>.decrypt.private.php` file, or, for `SYMFONY_DECRYPTION_SECRET`
    /// in text, in `config/secrets/<env>/` at the root for the usual environments; named by the
    /// folder, and its secrets by the vault's list file.
    private func symfonyKeyFacts(_ finding: Finding) -> PrivateKeyFacts {
        guard let publicKey = SymfonyVault.publicKey(ofKeyPair: finding.secret) else {
            return PrivateKeyFacts(algorithm: "X25519", bits: 256, encrypted: false)
        }
        let publicKeyFile = ".encrypt.public.php"
        let opened = firstOpened(finding.locations, candidates: { location in
            let vaults = SymfonyVault.vaultFolder(forKeyAt: location.path).map { [$0] }
                ?? ["prod", "dev", "staging", "test"].flatMap { environment in
                    rootPaths(["config/secrets/\(environment)/"], of: location).map { ($0, environment) }
                }
            return vaults.map { $0.folder + $0.environment + publicKeyFile }
        }, open: { file, path, location in
            let listPath = String(path.dropLast(publicKeyFile.count)) + ".list.php"
            return SymfonyVault(publicKeyFile: file, listFile: read(listPath, at: location), publicKey: publicKey)?.secretNames
        })
        let folder = opened.map { (String($0.path.prefix(through: $0.path.lastIndex(of: "/") ?? $0.path.startIndex)), $0.text) }
        return PrivateKeyFacts(algorithm: "X25519", bits: 256, opens: folder)
    }

    /// What a Jenkins master key opens: the `credentials.xml` of its Jenkins home (the folder above
    /// `secrets/`), when `secrets/hudson.util.Secret` beside the key opens under it; named by the
    /// elements whose stored secrets it decrypts (`password`, `privateKey`).
    private func jenkinsKeyFacts(_ finding: Finding) -> PrivateKeyFacts {
        let opened = firstOpened(finding.locations, candidates: jenkinsCandidates) { file, path, location in
            jenkinsCredentials(finding.secret, forFileAt: path) { read($0, at: location) }?.opened(xml: file)?.names
        }
        return PrivateKeyFacts(algorithm: "AES-128", bits: 128, opens: opened.map { ($0.path, $0.text) })
    }

    /// A whole master key file's Jenkins home's `credentials.xml`.
    private func jenkinsCandidates(_ location: Location) -> [String] {
        guard location.isWholeFile, location.member.isEmpty,
              let home = JenkinsMasterKey.home(ofKeyAt: location.path) else { return [] }
        return [home + "credentials.xml"]
    }

    /// The key of the stored secrets in the file at `path`, a Jenkins home's file, under the master
    /// key `secret`, read from `secrets/hudson.util.Secret` in that home: the file's folder or one
    /// of the four above it (`jobs/<folder>/jobs/<name>/config.xml`).
    private func jenkinsCredentials(_ secret: [UInt8], forFileAt path: String,
                                    read: (String) -> [UInt8]?) -> JenkinsCredentials? {
        var folder = Substring(path)
        for _ in 0..<5 {
            let slash = folder.lastIndex(of: "/")
            if let credentials = jenkinsCredentials(secret, home: slash.map { String(folder[...$0]) } ?? "", read: read) {
                return credentials
            }
            guard let slash else { return nil }
            folder = folder[..<slash]
        }
        return nil
    }

    private func jenkinsCredentials(_ secret: [UInt8], home: String, read: (String) -> [UInt8]?) -> JenkinsCredentials? {
        read(home + "secrets/hudson.util.Secret").flatMap { JenkinsCredentials(masterKey: secret, secretFile: $0) }
    }

    /// The other files of a Jenkins home that the master key `secret` (found at `keyLocations`)
    /// decrypts in place: those that hold the stored secrets at `carriers` (the global
    /// `config.xml`, plugins' settings, jobs', nodes' and users' `config.xml`), each read where
    /// its stored secret was seen, at most `jenkinsFileLimit` of them, `credentials.xml` left out
    /// (`plaintext(openedBy:…)` opens it).
    func jenkinsFiles(openedBy secret: [UInt8], at keyLocations: [Location], holding carriers: [Location])
        -> [(path: String, text: [UInt8], location: Location)] {
        let found: Set<String> = Set(keyLocations.prefix(4).compactMap { location in
            location.isWholeFile && location.member.isEmpty ? JenkinsMasterKey.home(ofKeyAt: location.path) : nil
        })
        // The innermost home first, whatever the order of the key's places.
        let homes = found.sorted { (a: String, b: String) in a.count != b.count ? a.count > b.count : a < b }
        var files: [(path: String, text: [UInt8], location: Location)] = []
        var tried: Set<String> = []
        var keys: [String: JenkinsCredentials?] = [:]
        for carrier in carriers where carrier.member.isEmpty && files.count < Self.jenkinsFileLimit {
            guard let home = homes.first(where: { carrier.path.hasPrefix($0) }), carrier.path != home + "credentials.xml",
                  tried.insert((carrier.commit?.id ?? "") + ":" + carrier.path).inserted else { continue }
            let keyID = (carrier.commit?.id ?? "") + ":" + home
            if keys[keyID] == nil { keys[keyID] = jenkinsCredentials(secret, home: home) { read($0, at: carrier) } }
            guard let credentials = keys[keyID] ?? nil, let file = read(carrier.path, at: carrier),
                  let opened = credentials.opened(xml: file) else { continue }
            files.append((carrier.path, opened.text, carrier))
        }
        return files
    }

    /// Files of one home opened beside `credentials.xml`: a home holds a few dozen jobs, and each
    /// file costs a read and an AES pass.
    static let jenkinsFileLimit = 256

    /// What a dotenv-vault key opens: the first entry of a `.env.vault` beside it, in a folder
    /// above (a key in a service's `deploy/` script), or at the root, that it decrypts (the key's
    /// URI names its environment), and the variables that entry sets.
    private func dotenvVaultKeyFacts(_ finding: Finding) -> PrivateKeyFacts {
        let opened = firstOpened(finding.locations, candidates: dotenvVaultCandidates) { file, _, _ in
            DotenvEncryptedFiles.openVault(file, hexKey: finding.secret)?.names
        }
        return PrivateKeyFacts(algorithm: "AES-256-GCM", bits: 256, opens: opened.map { ($0.path, $0.text) })
    }

    private func dotenvVaultCandidates(_ location: Location) -> [String] {
        siblingPaths([".env.vault"], of: location, levelsUp: 2) + rootPaths([".env.vault"], of: location)
    }

    /// What a dotenvx private key opens: the env file beside it whose `DOTENV_PUBLIC_KEY` is its
    /// public key, named by the variables it holds encrypted.
    private func dotenvxKeyFacts(_ finding: Finding) -> PrivateKeyFacts {
        guard let scalar = ValueShape.bytes(ofHex: finding.secret),
              let publicKey = Secp256k1.compressedPublicKey(ofPrivateKey: scalar) else {
            return PrivateKeyFacts(algorithm: "secp256k1", bits: 256, encrypted: false)
        }
        let opened = firstOpened(Array(finding.locations.prefix(2)), candidates: { siblingPaths(Self.dotenvxFiles, of: $0) },
                                 open: { file, _, _ in DotenvEncryptedFiles.encryptedNames(in: file, publicKey: publicKey) })
        return PrivateKeyFacts(algorithm: "secp256k1", bits: 256, opens: opened.map { ($0.path, $0.text) })
    }

    /// The env files a dotenvx key is looked for beside `.env.keys`.
    private static let dotenvxFiles = [".env", ".env.production", ".env.prod", ".env.staging", ".env.development", ".env.dev",
                                       ".env.test", ".env.ci", ".env.preview", ".env.local"]

    /// The first candidate file that `open` reads as what the key opens, with what `open` gives;
    /// candidates are paths for each of the first four locations (each a file read, a blob lookup
    /// in history, at the location's commit: a few places are enough), each read once.
    private func firstOpened<Opened>(_ locations: [Location], candidates: (Location) -> [String],
                                     open: (_ file: [UInt8], _ path: String, _ location: Location) -> Opened?)
        -> (path: String, text: Opened, location: Location)? {
        var tried: Set<String> = []
        for location in locations.prefix(4) {
            for path in candidates(location) where tried.insert((location.commit?.id ?? "") + ":" + path).inserted {
                guard let file = read(path, at: location), let opened = open(file, path, location) else { continue }
                return (path, opened, location)
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
    private func read(_ path: String, at location: Location) -> [UInt8]? {
        var candidate = location
        candidate.path = path
        candidate.blobID = nil
        candidate.member = ""
        return workspace.contents(of: candidate)
    }

    /// `relative` paths at the root of what was scanned, for a key written in a file anywhere in
    /// it: the repository's root, or each scanned folder that holds the location.
    private func rootPaths(_ relative: [String], of location: Location) -> [String] {
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
