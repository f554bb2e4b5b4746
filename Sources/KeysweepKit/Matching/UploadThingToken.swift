/// An UploadThing v7 token: base64 of `{"apiKey": "sk_live_…", "appId": …, "regions": […]}`. The
/// key is `sk_live_` or `sk_test_` and 64 hex digits, the app id a name of letters and digits.
enum UploadThingToken {
    static func isValid(_ token: [UInt8]) -> Bool {
        guard let object = JWTShape.jsonObject(base64URL: token[...]),
              let key = object["apiKey"] as? String, let app = object["appId"] as? String, !app.isEmpty,
              app.utf8.allSatisfy(ValueShape.isIdentifierByte) else { return false }
        let bytes = Array(key.utf8)
        guard bytes.starts(with: Array("sk_live_".utf8)) || bytes.starts(with: Array("sk_test_".utf8)) else { return false }
        let digits = bytes.dropFirst(8)
        return digits.count == 64 && digits.allSatisfy(ValueShape.isLowercaseHexDigit)
    }
}
