/// A Cloudflare Tunnel token, as `cloudflared tunnel run --token` and `cloudflared service install`
/// take it: base64 of `{"a": account tag, "t": tunnel id, "s": tunnel secret}`. The tag is 32 hex
/// digits, the id a UUID, the secret base64 of 32 bytes or more. Whoever holds it runs a connector
/// of the tunnel and receives the traffic routed to it.
enum CloudflareTunnelToken {
    static func isValid(_ token: [UInt8]) -> Bool {
        guard let object = JWTShape.jsonObject(base64URL: token[...]), let account = object["a"] as? String,
              let tunnel = object["t"] as? String, let secret = object["s"] as? String else { return false }
        let tag = Array(account.utf8)
        guard tag.count == 32, tag.allSatisfy(ValueShape.isHexDigit), AssignmentValueFilter.isUUID(Array(tunnel.utf8))
        else { return false }
        return (JWTShape.decodeBase64URL(Array(secret.utf8)[...])?.count ?? 0) >= 32
    }
}
