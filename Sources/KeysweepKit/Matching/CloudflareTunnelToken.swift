import Foundation

/// A Cloudflare Tunnel token, as `cloudflared tunnel run --token` and `cloudflared service install`
/// take it: base64 of `{"a": account tag, "t": tunnel id, "s": tunnel secret}`. The tag is 32 hex
/// digits, the id a UUID, the secret base64 of 32 bytes or more. Whoever holds it runs a connector
/// of the tunnel and receives the traffic routed to it.
enum CloudflareTunnelToken {
    static func isValid(_ token: [UInt8]) -> Bool {
        guard let data = JWTShape.decodeBase64URL(token[...]),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let account = object["a"] as? String, let tunnel = object["t"] as? String,
              let secret = object["s"] as? String else { return false }
        let tag = Array(account.utf8), id = Array(tunnel.utf8)
        guard tag.count == 32, tag.allSatisfy(ValueShape.isHexDigit), AssignmentValueFilter.looksLikeDigestOrUUID(id), id.count == 36
        else { return false }
        return (JWTShape.decodeBase64URL(Array(secret.utf8)[...])?.count ?? 0) >= 32
    }
}
