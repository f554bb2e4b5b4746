import Digest
import PCRE2

/// Finds secrets in bytes: keyword prefilter, then the selected rules' patterns, then entropy,
/// structural validators, the placeholder filter and inline allow comments.
///
/// One matcher per worker thread: it owns its PCRE2 scratch and selection bitset, and shares the
/// compiled rules read-only. It is pure with respect to its input: the same bytes give the same
/// matches.
public final class Matcher {
    public let ruleSet: RuleSet
    let scratch: MatchScratch
    private var selection: RuleSelection
    /// The patterns this worker has used, taken once from the shared rule set: a lazily compiled
    /// pattern sits behind a lock, and taking it for every blob cost a lock per selected rule.
    private var patterns: [CompiledPattern.Value?]
    /// For each used pattern, its groups named after a part of a credential (`user`, `host`, ...).
    private var partGroups: [[(name: CredentialPartName, group: Int)]?]
    /// Where keywords end in the blob being scanned, and per rule the ends of its keywords (only
    /// the rules touched are filled; see `startWindows`).
    var hits: [KeywordHit] = []
    var hitEnds: [[Int]]
    var rulesWithHitEnds: [Int] = []
    /// The start windows of the rule being run, kept between rules and blobs for its capacity.
    private var windowBuffer: [ClosedRange<Int>] = []
    /// The companions' keywords, once a blob needed them, and where they occur in the blob.
    private var companionPrefilter: KeywordPrefilter?
    private var companionSelection = RuleSelection(ruleCount: 0)
    private var companionHits: [KeywordHit] = []
    let encodedValues = EncodedValues()
    /// False keeps matches that inline comments or the generic-density rule would hide.
    let suppress: Bool
    /// Whether patterns are JIT compiled (see `ScanOptions.compilesJIT`).
    let compilesJIT: Bool
    /// False runs every pattern over the whole blob, as if no rule had a reach: the tests compare
    /// the two.
    var usesStartWindows = true
    /// True for text decrypted under a key the scan found: its values were encrypted by someone
    /// who meant them secret, so 40 or 64 hex digits there are not taken for a digest, nor a UUID
    /// for a record's id (a GitHub token of 40 hex digits in a Jenkins `<password>`).
    var valuesWereEncrypted = false
    /// With `--rule-stats`: what each rule cost this worker, by rule index (empty otherwise).
    private(set) var ruleCosts: [RuleCost] = []
    var measuresRules: Bool {
        get { !ruleCosts.isEmpty }
        set { ruleCosts = newValue ? Array(repeating: RuleCost(), count: ruleSet.rules.count) : [] }
    }

    public init(ruleSet: RuleSet, limits: MatchScratch.Limits = MatchScratch.Limits(), suppress: Bool = true,
                compilesJIT: Bool = true) {
        self.ruleSet = ruleSet
        self.suppress = suppress
        self.compilesJIT = compilesJIT
        self.scratch = MatchScratch(limits: limits)
        // The prefilter's groups: the rules, the decoding layer's markers, the rules' anchors.
        self.selection = RuleSelection(ruleCount: ruleSet.prefilter.ruleCount)
        patterns = Array(repeating: nil, count: ruleSet.rules.count)
        partGroups = Array(repeating: nil, count: ruleSet.rules.count)
        hitEnds = Array(repeating: [], count: ruleSet.prefilter.ruleCount)
    }

    /// The pattern of rule `index`, the number of its `secret` group and its reach.
    private func pattern(of index: Int) -> CompiledPattern.Value {
        if let known = patterns[index] { return known }
        let compiled = ruleSet.rules[index].pattern(jit: compilesJIT)
        patterns[index] = compiled
        partGroups[index] = compiled.pattern.groupNumbers.compactMap { name, group in
            CredentialPartName(rawValue: name).flatMap { $0 == .secret ? nil : (name: $0, group: group) }
        }.sorted { $0.group < $1.group }
        return compiled
    }

    /// Matches in `bytes`, and in the values one encoding layer down (see `EncodedValues`).
    /// `hits`, when given, are the keyword hits of `bytes`, found already (see `DeltaHits`).
    public func scan(_ bytes: UnsafeRawBufferPointer) -> BlobScan { scan(bytes, hits: nil) }

    func scan(_ bytes: UnsafeRawBufferPointer, hits known: [KeywordHit]?) -> BlobScan {
        if let keyFile = scanKeyFile(bytes) { return keyFile }
        var result = scanPlain(bytes, hits: known)
        let markers = Set(EncodedValues.Marker.allCases.filter { selection.contains(ruleSet.rules.count + $0.rawValue) })
        scanEncodedValues(in: bytes, markers: markers, into: &result)
        return result
    }

    /// Matches in the bytes as they are.
    func scanPlain(_ bytes: UnsafeRawBufferPointer, hits known: [KeywordHit]? = nil) -> BlobScan {
        var result = BlobScan()
        selection.removeAll()
        let selected: Int
        if let known {
            hits = known
            selected = ruleSet.prefilter.select(from: known, into: &selection)
        } else {
            hits.removeAll(keepingCapacity: true)
            selected = ruleSet.prefilter.select(in: bytes, into: &selection, hits: &hits)
        }
        guard selected > 0 else { return result }
        noteHitEnds()
        var found: [Candidate] = []
        var rejected: [Candidate] = []
        var allowance = suppress ? InlineAllowance(bytes: bytes) : nil
        // Secrets that a specific rule's validator proved fake; rules that judge a value only by
        // its context (generic rules, and others validated as `assignment-value`, such as an
        // `Authorization: Bearer` header) may not report them.
        var disproved: Set<[UInt8]> = []
        var examples: Set<[UInt8]> = []
        for index in selection.indices where index < ruleSet.rules.count && ruleSet.rules[index].rule.isReportedAlone {
            run(index, over: bytes, into: &found, rejected: &rejected, disproved: &disproved, examples: &examples,
                allowance: &allowance, result: &result)
        }
        if !disproved.isEmpty {
            found.removeAll { ruleSet.rules[$0.rule].rule.judgesByContext && disproved.contains(Array(bytes[$0.span])) }
        }
        // A specific rule's type marker and a few characters, which that rule did not report, is a
        // token of that kind cut short (see `TypeMarkers`): rules judging by context leave it.
        let specific = found.filter { !ruleSet.rules[$0.rule].rule.judgesByContext }
        found.removeAll { candidate in
            ruleSet.rules[candidate.rule].rule.judgesByContext && ruleSet.typeMarkers.isShortToken(bytes[candidate.span])
                && !specific.contains { $0.span.overlaps(candidate.span) }
        }
        if let accepted = allowance?.acceptedSecrets, !accepted.isEmpty {
            found.removeAll { ruleSet.rules[$0.rule].rule.judgesByContext && accepted.contains(Array(bytes[$0.span])) }
        }
        if suppress { dropGenericMatchesInDataFiles(&found, bytes: bytes, counting: &result) }
        guard !found.isEmpty || !rejected.isEmpty else { return result }
        runCompanions(of: found, over: bytes, into: &found, allowance: &allowance, result: &result)
        found = OverlapResolver.resolve(found, rules: ruleSet.plainRules, bytes: bytes)
        let bounds = (found + rejected).flatMap { [$0.span.lowerBound, $0.span.upperBound] + $0.inner.flatMap { [$0.span.lowerBound, $0.span.upperBound] } }
        let positions = TextPositionResolver.resolve(bounds, in: bytes)
        for index in found.indices { found[index].line = positions[found[index].span.lowerBound]?.line ?? 1 }
        let assemblies = CredentialAssembler.assemble(found, rules: ruleSet.plainRules)
            + rejected.map { CredentialAssembler.Assembly(primary: $0, parts: []) }
        let holdsKey = found.contains { ruleSet.rules[$0.rule].rule.kind == .privateKey }
        let certificate = holdsKey ? CompanionCertificate(in: bytes) : .notLookedFor
        let rejectedSpans = Set(rejected)
        let documentation = DocumentationBlocks(in: bytes)
        let inlineTests = InlineTestModules(in: bytes)
        result.matches = assemblies.map { assembly in
            let item = assembly.primary
            let secret = identity(of: item, in: bytes)
            var match = BlobMatch(
                ruleIndex: item.rule, secret: secret, entropy: Entropy.shannon(secret),
                start: position(item.span.lowerBound, positions), end: position(item.span.upperBound, positions),
                lineContext: LineContext.hash(around: item.span, in: bytes)
            )
            if ruleSet.rules[item.rule].rule.kind == .privateKey { match.companionCertificate = certificate }
            match.rejected = rejectedSpans.contains(item)
            match.yieldedRules = item.yielded
            match.blockContext = documentation.context(at: item.span.lowerBound)
                ?? inlineTests.context(at: item.span.lowerBound)
                ?? MadeUpNames.context(before: item.span.lowerBound, in: bytes)
                ?? ExamplePhrase.context(before: item.span.lowerBound, in: bytes)
            let inner = item.inner.map { (name: $0.name, rule: item.rule, span: $0.span) }
            // A part the match holds itself (a URL's own host) is not taken again from a setting
            // beside it (`DB_HOST=` above the URL): one host, the one the secret is used with.
            let assembled = assembly.parts.filter { part in !inner.contains { $0.name == part.name } }
            match.parts = (assembled.map { (name: $0.name, rule: $0.candidate.rule, span: $0.candidate.span) } + inner).map { part in
                PartMatch(name: part.name, ruleIndex: part.rule, secret: Array(bytes[part.span]),
                          start: position(part.span.lowerBound, positions), end: position(part.span.upperBound, positions),
                          lineContext: LineContext.hash(around: part.span, in: bytes))
            }
            return match
        }
        return result
    }

    /// The secret a candidate identifies: its bytes, and for a private key the block (or the
    /// armored body) as a `.pem` or `.asc` file writes it, so that its margin, indentation or line
    /// ends do not split one key into several findings; a key's DER in base64 is armored the same
    /// way, so that it is one finding with the `.pem` file it was taken from.
    private func identity(of candidate: Candidate, in bytes: UnsafeRawBufferPointer) -> [UInt8] {
        let text = Array(bytes[candidate.span])
        if ruleSet.rules[candidate.rule].rule.kind == .keyStore, let file = LenientBase64.decode(text) { return Self.keyStoreIdentity(file) }
        if ruleSet.rules[candidate.rule].rule.validator == .sodiumBoxKeyPair, let pair = SodiumKeyPair.identity(of: text) { return pair }
        guard ruleSet.rules[candidate.rule].rule.kind == .privateKey else { return text }
        if ruleSet.rules[candidate.rule].rule.validator == .derPrivateKey, let pem = PrivateKeyBody.armored(base64: text) { return pem }
        return PEMBlock.canonicalText(text) ?? Self.rawHexKey(text) ?? PEMBlock.canonicalBody(text)
    }

    /// A raw key in hex (`privatekey.raw`) without its `0x` and in lowercase: written either way
    /// (`PRIVATE_KEY=0x4C08…` in an `.env`, `privateKey: "4c08…"` in a test), it is one key.
    private static func rawHexKey(_ text: [UInt8]) -> [UInt8]? {
        let digits = text.count == 66 && text[0] == UInt8(ascii: "0") && (text[1] | 0x20) == UInt8(ascii: "x") ? text.dropFirst(2) : text[...]
        guard digits.count == 64, digits.allSatisfy(ValueShape.isHexDigit) else { return nil }
        return digits.map(KeywordPrefilter.fold)
    }

    private func position(_ offset: Int, _ positions: [Int: TextPosition]) -> TextPosition {
        positions[offset] ?? TextPosition(line: 1, column: 1)
    }

    /// Runs rule `index` over the blob: candidates that pass its checks go to `found`; those its
    /// validator disproves are counted (and kept in `rejected` when suppressions are off). With a
    /// reach, only from where its matches can start (see `startWindows`).
    private func run(_ index: Int, over bytes: UnsafeRawBufferPointer, into found: inout [Candidate],
                     rejected: inout [Candidate], disproved: inout Set<[UInt8]>, examples: inout Set<[UInt8]>,
                     allowance: inout InlineAllowance?, result: inout BlobScan) {
        // The rule is read where a match needs it, not copied for every blob (a rule's strings and
        // lists cost a retain each: 1% of the CPU of Ansible's history).
        let (pattern, secretGroup, patternReach) = pattern(of: index)
        // Without a reach, one window of every start and no limit: the whole blob.
        let reach = usesStartWindows ? patternReach : nil
        var windows: [ClosedRange<Int>] = []
        swap(&windows, &windowBuffer)
        windows.removeAll(keepingCapacity: true)
        // Given back after the rule's cost is counted (deferred blocks run last first).
        defer { swap(&windows, &windowBuffer) }
        if let reach { startWindows(of: index, reach: reach, in: bytes, into: &windows) } else { windows.append(0...bytes.count) }
        let clock = measuresRules ? ContinuousClock.now : nil
        defer {
            if let clock {
                let (seconds, attoseconds) = (ContinuousClock.now - clock).components
                ruleCosts[index].nanoseconds += UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
                ruleCosts[index].blobs += 1
                ruleCosts[index].searchedBytes += windows.reduce(0) { $0 + min(bytes.count, $1.upperBound) - $1.lowerBound }
                ruleCosts[index].nearKeywords = reach != nil
            }
        }
        var start = 0
        for window in windows {
            start = max(start, window.lowerBound)
            matching: while start <= window.upperBound {
                switch pattern.firstMatch(in: bytes, from: start, startLimit: reach == nil ? nil : window.upperBound, scratch: scratch) {
                case .noMatch:
                    break matching
                case .limitHit(let message), .failed(let message):
                    result.limitHits.append(LimitHit(ruleID: ruleSet.rules[index].rule.id, message: message))
                    return
                case .match(let groups):
                    let whole = groups.whole
                    start = whole.isEmpty ? whole.upperBound + 1 : whole.upperBound
                    guard let secret = groups[secretGroup], !secret.isEmpty else { continue }
                    let name = Array(bytes[whole.lowerBound..<max(whole.lowerBound, secret.lowerBound)])
                    // Read only for a value of a digest's length, the one case it decides.
                    let qualifier = secret.count == 40 || secret.count == 64
                        ? QualifiedHexName.qualifier(before: whole.lowerBound, in: bytes) : []
                    var judgement = verdict(ruleSet.rules[index], secret: Array(bytes[secret]), name: name, qualifier: qualifier)
                    if judgement == .accepted, ruleSet.rules[index].rule.isGeneric,
                       isNoValue(secret, name: name, matchStart: whole.lowerBound, in: bytes) {
                        judgement = .rejected
                    }
                    // A value that is not a secret may hold the next assignment (`token =
                    // process.env.API_TOKEN || "v"`): context rules look again from its start.
                    if judgement != .accepted, ruleSet.rules[index].rule.judgesByContext, secret.lowerBound > whole.lowerBound {
                        start = secret.lowerBound
                    }
                    switch judgement {
                    case .accepted: break
                    case .rejected: continue
                    case .example:
                        if examples.insert(Array(bytes[secret])).inserted { result.suppressedExamples += 1 }
                        if !suppress { found.append(Candidate(rule: index, span: secret)) }
                        continue
                    case .disproved:
                        if disproved.insert(Array(bytes[secret])).inserted {
                            result.rejectedByValidator[ruleSet.rules[index].rule.id, default: 0] += 1
                            if !suppress { rejected.append(Candidate(rule: index, span: secret)) }
                        }
                        continue
                    }
                    if allowance?.allows(ruleID: ruleSet.rules[index].rule.id, secret: secret) == true {
                        result.suppressedInline += 1
                        if !ruleSet.rules[index].rule.judgesByContext { allowance?.acceptedSecrets.insert(Array(bytes[secret])) }
                    } else {
                        var candidate = Candidate(rule: index, span: secret)
                        candidate.inner = (partGroups[index] ?? []).compactMap { part in
                            groups[part.group].flatMap { $0.isEmpty ? nil : InnerPart(name: part.name, span: $0) }
                        }
                        found.append(candidate)
                    }
                }
            }
        }
    }

    /// What the bytes around a generic rule's value say it is not: code on a minified line, the
    /// first word of a text, a string that is no value of the name before it (`QuotedPair`), or a
    /// value under a name that says it is no secret (a stand-in, a published key), the next
    /// argument after a variable being read, a search box's or a page beacon's public key
    /// (`AlgoliaSearchKey`, `CloudflareBeaconToken`), or the name of the Kubernetes Secret that
    /// holds the value (`SecretObjectReference`).
    private func isNoValue(_ secret: Range<Int>, name: [UInt8], matchStart: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        !AssignmentValueFilter.isQuoted(afterName: name)
            && (MinifiedLine.holds(secret, in: bytes) || PlainScalarText.continues(after: secret, name: name, in: bytes))
            || QuotedPair.isNoPair(secret, matchStart: matchStart, in: bytes)
            || MadeUpNames.saysNoSecret(before: secret.lowerBound, in: bytes)
            || VariableUse.precedes(value: name, matchStart: matchStart, in: bytes)
            || AlgoliaSearchKey.holds(secret, in: bytes) || CloudflareBeaconToken.holds(secret, in: bytes)
            || SecretObjectReference.holds(secret, name: name, matchStart: matchStart, in: bytes)
    }

    /// Rules with `alone: false` (a tenant id, a database host) run only on blobs where a rule of
    /// their credential matched: alone they are no finding, and most blobs need not pay for them.
    /// The prefilter left them out, so their keywords are looked for here, and a companion with a
    /// reach runs near them as the others do.
    private func runCompanions(of matched: [Candidate], over bytes: UnsafeRawBufferPointer, into found: inout [Candidate],
                               allowance: inout InlineAllowance?, result: inout BlobScan) {
        guard !ruleSet.companionIndices.isEmpty, !matched.isEmpty else { return }
        var credentials = Set(matched.compactMap { ruleSet.rules[$0.rule].rule.credential })
        if matched.contains(where: { ruleSet.rules[$0.rule].rule.isGeneric }) { credentials.formUnion(ruleSet.credentialsOfGenericSecrets) }
        let running = ruleSet.companionIndices.filter { index in
            ruleSet.rules[index].rule.credential.map(credentials.contains) ?? false
        }
        guard !running.isEmpty else { return }
        if usesStartWindows { noteCompanionHitEnds(in: bytes) }
        var ignored: [Candidate] = []
        var disproved: Set<[UInt8]> = []
        var examples: Set<[UInt8]> = []
        for index in running {
            run(index, over: bytes, into: &found, rejected: &ignored, disproved: &disproved, examples: &examples,
                allowance: &allowance, result: &result)
        }
    }

    /// Adds where the companions' keywords end in `bytes` to `hitEnds`, as `noteHitEnds` does for
    /// the prefilter's hits (and cleared with them).
    private func noteCompanionHitEnds(in bytes: UnsafeRawBufferPointer) {
        let prefilter = companionPrefilter ?? ruleSet.companionPrefilter
        if companionPrefilter == nil {
            companionPrefilter = prefilter
            companionSelection = RuleSelection(ruleCount: prefilter.ruleCount)
        }
        companionSelection.removeAll()
        companionHits.removeAll(keepingCapacity: true)
        _ = prefilter.select(in: bytes, into: &companionSelection, hits: &companionHits)
        for hit in companionHits {
            prefilter.forEachRule(of: hit) { noteHitEnd(hit.end, of: $0) }
        }
    }

    /// More distinct generic secrets than this in one blob marks it as data (test vectors, fixtures,
    /// dumps) rather than configuration: its generic matches are dropped and counted as suppressed.
    /// Specific rules are not affected.
    static let genericDensityLimit = 32

    private func dropGenericMatchesInDataFiles(_ found: inout [Candidate],
                                               bytes: UnsafeRawBufferPointer, counting result: inout BlobScan) {
        let generic = found.filter { ruleSet.rules[$0.rule].rule.isGeneric }
        guard !generic.isEmpty else { return }
        let values = Set(generic.map { Array(bytes[$0.span]) })
        let dense = generic.count > Self.genericDensityLimit && values.count > Self.genericDensityLimit
        guard dense || DigestListing.holds(Array(values), in: bytes, limit: Self.genericDensityLimit) else { return }
        found.removeAll { ruleSet.rules[$0.rule].rule.isGeneric }
        result.suppressedGenericInDataFile = generic.count
    }

    private enum Verdict {
        case accepted
        /// Too random-looking to trust, or a placeholder.
        case rejected
        /// A structural validator proved it is not the real thing (say, a wrong checksum).
        case disproved
        /// A value a provider publishes in its documentation (`AKIAIOSFODNN7EXAMPLE`).
        case example
    }

    /// Entropy, placeholder and structural validator checks for one candidate secret; `name` is the
    /// matched text before it (`CLIENT_SECRET = "` from where the rule's name matched), `qualifier`
    /// the identifier bytes before that (`ENCRYPTION_` of `ENCRYPTION_KEY`) for a value of 40 or 64 bytes.
    ///
    /// Rules that judge a value by the name beside it hold hex to the entropy its alphabet allows
    /// (`Authorization: Bearer cfcabd11…`, 3.63 bits, is a token whatever a base62 threshold says).
    private func verdict(_ rule: CompiledRule, secret: [UInt8], name: [UInt8], qualifier: [UInt8]) -> Verdict {
        if let minimum = rule.rule.minEntropy {
            let threshold = rule.rule.judgesByContext ? Entropy.genericThreshold(minimum, for: secret) : minimum
            if Entropy.shannon(secret) < threshold { return .rejected }
        }
        if PublishedTestKeys.contains(secret) { return .example }
        // A sealing password's stand-ins are judged once the texts are tried (see `SealingPassword`).
        if PlaceholderFilter.isPlaceholder(secret), rule.rule.validator?.isJudgedByWhatItOpens != true,
           rule.rule.validator?.isPublishedDefault(secret) != true { return .rejected }
        if rule.rule.isGeneric && AssignmentValueFilter.echoesName(secret, name: name) { return .rejected }
        // Tokens are random; a password may be made of words, and its own rules judge those.
        if rule.rule.isGeneric && rule.rule.kind != .password && AssignmentValueFilter.isCodeName(secret, name: name) {
            return .rejected
        }
        if rule.rule.isGeneric && !valuesWereEncrypted && AssignmentValueFilter.looksLikeDigestOrUUID(secret)
            && !AssignmentValueFilter.isHexSecretNamedSecret(secret, name: name, qualifier: qualifier)
            && !AssignmentValueFilter.isGeneratedUUIDNamedSecret(secret, name: name) {
            return .rejected
        }
        let valid: Bool
        switch rule.rule.validator {
        case nil: valid = true
        case .base62CRC32: valid = Base62Checksum.isValid(secret)
        case .jwt: valid = JWTShape.isValid(secret)
        case .assignmentValue: valid = AssignmentValueFilter.isPlausibleSecret(secret)
        case .keyValue: valid = AssignmentValueFilter.isPlausibleKey(secret)
        case .privateKey: valid = PrivateKeyBody.isValid(secret)
        case .derPrivateKey: valid = PrivateKeyBody.decode(unarmored: secret).flatMap(PrivateKeyBody.label(ofDER:)) != nil
        case .ageBech32: valid = Bech32.isAgeSecretKey(secret)
        case .natsSeed: valid = NATSSeed.isValid(secret)
        case .pypiMacaroon: valid = PyPIMacaroon.isValid(secret)
        case .basicAuth: valid = BasicCredentials.isValid(secret)
        case .grafanaCRC32: valid = GrafanaChecksum.isValid(secret)
        case .connectionPassword: valid = ConnectionPassword.isPlausible(secret)
        case .encodedValue:
            valid = !AssignmentValueFilter.encodesTestText(secret, orPath: true) && !AssignmentValueFilter.encodesPublicMaterial(secret)
        case .wordPassword: valid = WordPassword.isPlausible(secret)
        case .cephKey: valid = CephKey.isValid(secret)
        case .railsMasterKey: valid = RailsMasterKey.isPlausibleKey(secret)
        case .jenkinsMasterKey: valid = JenkinsMasterKey.isPlausibleKey(secret)
        case .jenkinsStoredSecret: valid = JenkinsCredentials.isStoredSecret(secret)
        case .sodiumBoxKeyPair: valid = SodiumKeyPair.bytes(of: secret) != nil
        case .dotenvVaultKey: valid = secret.count == 64 && ValueShape.bytes(ofHex: secret) != nil
        case .secp256k1PrivateKey: valid = secret.count == 64 && ValueShape.bytes(ofHex: secret).flatMap(Secp256k1.compressedPublicKey(ofPrivateKey:)) != nil
        case .laravelKey: valid = LaravelKey.bytes(of: secret) != nil
        case .nacosTokenKey: valid = NacosTokenKey.isValid(secret)
        case .cloudflareTunnelToken: valid = CloudflareTunnelToken.isValid(secret)
        case .uploadThingToken: valid = UploadThingToken.isValid(secret)
        case .ansibleVaultPassword, .jasyptPassword: valid = SealingPassword.isCandidate(secret)
        case .ansibleVaultText: valid = AnsibleVaultText(secret) != nil
        case .jasyptValue: valid = JasyptValue(secret) != nil
        case .laravelPayload: valid = LaravelPayload(secret) != nil
        case .pkcs12KeyStore, .pkcs12SealedKeyStore, .javaKeyStore, .keePassDatabase:
            valid = LenientBase64.decode(secret).map { KeyStoreFile.validator(of: $0) == rule.rule.validator } ?? false
        }
        if valid { return .accepted }
        // A bundle the sealed bundles' carrier leaves is keystore.pkcs12's to judge, no look-alike.
        if rule.rule.validator == .pkcs12SealedKeyStore { return .rejected }
        return rule.rule.isGeneric ? .rejected : .disproved
    }
}
