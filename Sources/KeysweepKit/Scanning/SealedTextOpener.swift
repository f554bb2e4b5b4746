/// Sealed texts (Ansible Vault texts, Jasypt `ENC(…)` values; see `SealedText`) that the
/// passwords among a scan's matches open, and the secrets inside them: an AWS key in a
/// `group_vars/all/vault.yml` whose `.vault_pass` is committed is an AWS key finding, at the vault
/// file (at its line in the decrypted text) or at an inline value's own lines, in every place the
/// scan saw that text.
///
/// The texts are the matches of the carrier rules (`SealedFormat.textValidator`), wherever the
/// scan read them: folders, history, archives and images alike. One password opens any number of
/// them, so each password is tried on the texts of its format nearest to it first, within
/// `textLimit` tries, and all passwords within `tryLimit`; each try costs PBKDF2's rounds (a
/// millisecond or two), so a scan of many repositories spends seconds at most.
struct SealedTextOpener {
    /// What one password opened: the files that hold the texts and the settings they set, never
    /// their values, and the cipher of the first.
    struct Opened: Sendable, Equatable {
        var paths: [String] = []
        var names: [String] = []
        var cipher: String?
    }

    /// Tries per password, and tries per format in all.
    static let textLimit = 128
    static let tryLimit = 4096
    /// Places of one text where the secrets inside it are reported.
    static let placeLimit = 16

    let ruleSet: RuleSet
    let suppress: Bool

    /// The matches inside the texts that the passwords among `matches` open, and what each
    /// password opened. `secretsAtHead` (history) gains the secrets of texts still at HEAD.
    func open(_ matches: [Match], statistics: inout ScanStatistics, secretsAtHead: inout Set<[UInt8]>?)
        -> (matches: [Match], opened: [[UInt8]: Opened]) {
        var found: [Match] = []
        var opened: [[UInt8]: Opened] = [:]
        for format in SealedFormat.allCases {
            open(format, in: matches, found: &found, opened: &opened, statistics: &statistics, secretsAtHead: &secretsAtHead)
        }
        return (found, opened)
    }

    private func open(_ format: SealedFormat, in matches: [Match], found: inout [Match], opened: inout [[UInt8]: Opened],
                      statistics: inout ScanStatistics, secretsAtHead: inout Set<[UInt8]>?) {
        let passwords = locationsBySecret(matches, validator: format.passwordValidator)
        guard !passwords.isEmpty else { return }
        let texts = locationsBySecret(matches, validator: format.textValidator).compactMap { secret, locations in
            format.text(secret).map { (secret: secret, text: $0, locations: locations) }
        }
        guard !texts.isEmpty else { return }
        let matcher = Matcher(ruleSet: ruleSet, suppress: suppress)
        var openedTexts: Set<Int> = []
        var tries = 0
        for (password, passwordLocations) in passwords where tries < Self.tryLimit {
            let nearest = texts.indices.filter { !openedTexts.contains($0) }
                .map { (index: $0, nearness: Self.nearness(texts[$0].locations, to: passwordLocations)) }
                .sorted { $0.nearness != $1.nearness ? $0.nearness > $1.nearness : $0.index < $1.index }
            for index in nearest.prefix(min(Self.textLimit, Self.tryLimit - tries)).map(\.index) {
                tries += 1
                let sealed = texts[index]
                guard let (plaintext, cipher) = sealed.text.open(password: password) else { continue }
                openedTexts.insert(index)
                var record = opened[password] ?? Opened()
                record.cipher = record.cipher ?? cipher
                for path in sealed.locations.map(\.path) where !record.paths.contains(path) { record.paths.append(path) }
                for name in sealed.text.names(in: plaintext) where !record.names.contains(name) { record.names.append(name) }
                opened[password] = record
                let scan = sealed.text.matchedText(plaintext).withUnsafeBytes { matcher.scan($0) }
                statistics.count(scan, path: sealed.locations[0].path)
                let atHead = secretsAtHead?.contains(sealed.secret) == true
                // A whole-file match (a key file's shape) says nothing of an inline value.
                for blobMatch in scan.matches where sealed.text.variable == nil || blobMatch.start != blobMatch.end {
                    if atHead { secretsAtHead?.insert(blobMatch.secret) }
                    for place in sealed.locations.prefix(Self.placeLimit) {
                        found.append(Self.match(blobMatch, inside: sealed.text, at: place))
                    }
                }
            }
        }
    }

    /// A match in an opened text, placed at the text's place: a file's at its line in the
    /// decrypted text, an inline value's at the value's own span.
    private static func match(_ blobMatch: BlobMatch, inside text: any SealedText, at place: Location) -> Match {
        var match = Match(blobMatch, path: place.path, member: place.member, commit: place.commit)
        if text.variable != nil {
            match.location.start = place.start
            match.location.end = place.end
        }
        match.location.repository = place.repository
        match.location.encoding = DecryptedSettings.encoding
        return match
    }

    /// The distinct secrets of the matches of the rules validated as `validator`, each with its
    /// locations sorted, in the order of their first location (the same input, the same order).
    private func locationsBySecret(_ matches: [Match], validator: StructuralValidator) -> [(secret: [UInt8], locations: [Location])] {
        let grouped = Dictionary(grouping: matches.filter { ruleSet.rules[$0.ruleIndex].rule.validator == validator }, by: \.secret)
        return grouped.map { secret, matches in (secret, matches.map(\.location).sorted()) }.sorted { a, b in
            a.locations[0] != b.locations[0] ? a.locations[0] < b.locations[0] : a.secret.lexicographicallyPrecedes(b.secret)
        }
    }

    /// How near a text is to a password: the same repository, then the longest common folder
    /// of any of their places (a password file beside the vault files it opens).
    private static func nearness(_ text: [Location], to password: [Location]) -> Int {
        var best = 0
        for place in text.prefix(4) {
            for key in password.prefix(4) {
                let sameRepository = place.repository == key.repository ? 1 << 16 : 0
                let common = zip(place.path.split(separator: "/").dropLast(), key.path.split(separator: "/").dropLast())
                    .prefix { $0 == $1 }.count
                best = max(best, sameRepository + common)
            }
        }
        return best
    }
}
