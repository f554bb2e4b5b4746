extension Matcher {
    /// A file that is nothing but a Rails credentials key or a Jenkins master key (see
    /// `RailsMasterKey`, `JenkinsMasterKey`): one match of the rule that reports those keys, at the
    /// file's start with no width, as a key store's (a comment would change the key: the file takes
    /// none). Nil for any other bytes.
    func scanKeyFile(_ bytes: UnsafeRawBufferPointer) -> BlobScan? {
        let found: (key: [UInt8], validator: StructuralValidator)? =
            RailsMasterKey.secret(ofKeyFile: bytes).map { ($0, .railsMasterKey) }
            ?? JenkinsMasterKey.secret(ofKeyFile: bytes).map { ($0, .jenkinsMasterKey) }
        guard let (key, validator) = found,
              let index = ruleSet.rules.firstIndex(where: { $0.rule.validator == validator }),
              Entropy.shannon(key) >= ruleSet.rules[index].rule.minEntropy ?? 0,
              !PlaceholderFilter.isPlaceholder(key)
        else { return nil }
        var scan = BlobScan()
        let start = TextPosition(line: 1, column: 1)
        scan.matches = [BlobMatch(ruleIndex: index, secret: key, entropy: Entropy.shannon(key), start: start, end: start, lineContext: "")]
        return scan
    }

    /// The matches in a file's bytes (a blob's, an archive member's, standard input's): those of
    /// its text, and the whole file as an Ansible Vault password file when it has the shape of
    /// one (see `AnsibleVaultPassword`), kept later only at a password file's path. Text that is
    /// no file (a decrypted value, a rule's example) is matched by `scan` alone.
    func scanFile(_ bytes: UnsafeRawBufferPointer, hits: [KeywordHit]? = nil) -> BlobScan {
        var result = scan(bytes, hits: hits)
        if let password = vaultPasswordFileMatch(bytes) { result.matches.append(password) }
        return result
    }

    /// A match of the rule that reports Ansible Vault passwords for the whole file, at its start
    /// with no width, when the file may be a password file.
    private func vaultPasswordFileMatch(_ bytes: UnsafeRawBufferPointer) -> BlobMatch? {
        guard let index = ruleSet.vaultPasswordRule, let password = AnsibleVaultPassword.secret(ofPasswordFile: bytes) else { return nil }
        let start = TextPosition(line: 1, column: 1)
        return BlobMatch(ruleIndex: index, secret: password, entropy: Entropy.shannon(password), start: start, end: start, lineContext: "")
    }
}
