/// Secrets inside the encrypted settings that a key found by the scan decrypts: a Rails app's
/// `config/credentials.yml.enc` under its `master.key`, a dotenv-vault entry under its
/// `DOTENV_KEY`, a dotenvx env file's values under the private key in `.env.keys`, a Jenkins
/// home's `credentials.xml` and other XML files that hold stored secrets under its
/// `secrets/master.key`. Their text is
/// matched as any file's, and each match is placed at the encrypted file, at its line in the
/// decrypted text (`encoding` says so), at the commit of the key that opened it: an AWS key in
/// committed credentials is an AWS key finding, wherever else it is. (Texts sealed under keys
/// or passwords that the scan finds anywhere, Laravel's payloads among them, are
/// `SealedTextOpener`'s.)
enum DecryptedSettings {
    /// The encoding of a location found in decrypted text (see `Location.encoding`).
    static let encoding = "encrypted"

    /// Matches in the files that the keys among `matches` decrypt; each key opens one file, but a
    /// Jenkins master key, which also opens every file of its home where a stored secret was seen.
    /// `suppress` as the scan's: off, look-alikes and allowed secrets are listed too; what the
    /// matcher leaves out of the decrypted text is counted in `statistics`.
    /// In history, `secretsAtHead` gains the secrets that the file still holds at HEAD, under
    /// the same key: a key removed from the tree still opens the file left there.
    /// `ciphertexts` gains the locations of `matches` in a Jenkins file opened in place whose
    /// secret its decrypted text no longer holds: a stored secret's ciphertext (an older home's
    /// `<password>` base64), not a secret. `jenkinsFiles` gains, by master key, the files of its
    /// home it opened, `credentials.xml` first.
    static func matches(openedBy matches: [Match], ruleSet: RuleSet, finder: EncryptedFileFinder, suppress: Bool,
                        statistics: inout ScanStatistics, secretsAtHead: inout Set<[UInt8]>?,
                        ciphertexts: inout Set<Location>, jenkinsFiles: inout [[UInt8]: [String]]) -> [Match] {
        let keys = Dictionary(grouping: matches.filter { opens(ruleSet.rules[$0.ruleIndex].rule.validator) }, by: \.secret)
        guard !keys.isEmpty else { return [] }
        let matcher = Matcher(ruleSet: ruleSet, suppress: suppress)
        matcher.valuesWereEncrypted = true
        var found: [Match] = []
        var scanned: Set<String> = []
        // Carrier matches of Jenkins' stored secrets: the files beside `credentials.xml` that a
        // master key opens too.
        let storedSecrets = matches.filter { ruleSet.rules[$0.ruleIndex].rule.validator == .jenkinsStoredSecret }
            .map(\.location).sorted()
        // Keys in a fixed order, so that the same input gives the same report whatever the timing.
        for (secret, keyMatches) in keys.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            let validator = ruleSet.rules[keyMatches[0].ruleIndex].rule.validator
            let keyLocations = keyMatches.map(\.location).sorted()
            var files = finder.plaintext(openedBy: secret, validator: validator, at: keyLocations).map { [$0] } ?? []
            if validator == .jenkinsMasterKey {
                if !storedSecrets.isEmpty {
                    files += finder.jenkinsFiles(openedBy: secret, at: keyLocations, holding: storedSecrets)
                }
                var paths = jenkinsFiles[secret] ?? []
                for path in files.map(\.path) where !paths.contains(path) { paths.append(path) }
                if !paths.isEmpty { jenkinsFiles[secret] = paths }
            }
            for opened in files where scanned.insert((opened.location.commit?.id ?? "") + ":" + opened.path).inserted {
                // A Jenkins file is decrypted in place, every other byte kept: what it no longer holds
                // was replaced. (Other formats' texts hold the decrypted values alone.)
                if validator == .jenkinsMasterKey {
                    for plain in matches where plain.location.path == opened.path
                        && plain.location.commit?.id == opened.location.commit?.id
                        && !opened.text.contains(subsequence: plain.secret) {
                        ciphertexts.insert(plain.location)
                    }
                }
                let scan = opened.text.withUnsafeBytes { matcher.scan($0) }
                statistics.count(scan, path: opened.path)
                if secretsAtHead != nil, opened.location.commit != nil,
                   let atHead = finder.plaintextAtHead(opened.path, openedBy: secret, validator: validator) {
                    for blobMatch in scan.matches where atHead.contains(subsequence: blobMatch.secret) {
                        secretsAtHead?.insert(blobMatch.secret)
                    }
                }
                for blobMatch in scan.matches {
                    var match = Match(blobMatch, path: opened.path)
                    match.location.commit = opened.location.commit
                    match.location.repository = opened.location.repository
                    match.location.encoding = encoding
                    found.append(match)
                }
            }
        }
        return found
    }

    /// Whether keys validated as `validator` decrypt files whose text can be matched.
    private static func opens(_ validator: StructuralValidator?) -> Bool {
        validator == .railsMasterKey || validator == .dotenvVaultKey || validator == .secp256k1PrivateKey
            || validator == .jenkinsMasterKey
    }
}
