import Foundation
import Masking
import Testing

/// Reading and writing the policy file (`MaskingPolicy.load(from:)`, `decode(json:)`, `jsonData()`).
@Suite struct PolicyJSONTests {
    static let everyRule = MaskingPolicy(
        members: [
            "name": .partial(PartialMask(keepFirst: 2, keepLast: 1, maskCharacter: "●", maskLength: 5)),
            "phone": .phone(PhoneMask(keepFirst: 3, keepLast: 2, maskCharacter: "#", maskLength: 4, minimumDigits: 9)),
            "address": .address(AddressMask(fallbackKeepFirst: 0, maskCharacter: "＊", maskLength: 2)),
            "email": .email(EmailMask(keepFirst: 2)),
            "postal_code": .postal(PostalMask(keepFirst: 0, maskLength: 1)),
            "gender": .blank,
            "account": .keep,
        ],
        orders: ["note": .constant("(masked) \"quoted\""), "Billing Address2": .blank])

    @Test(arguments: [MaskingPolicy.defaultPolicy, everyRule, MaskingPolicy()])
    func roundTrips(policy: MaskingPolicy) throws {
        #expect(try MaskingPolicy.decode(json: policy.jsonData()) == policy)
    }

    @Test func loadsFromAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("policy-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Self.everyRule.jsonData().write(to: url)
        #expect(try MaskingPolicy.load(from: url) == Self.everyRule)
    }

    @Test func missingFileIsReportedWithItsPath() {
        let url = URL(fileURLWithPath: "/nonexistent/policy.json")
        #expect(throws: MaskingError.unreadableFile(path: "/nonexistent/policy.json")) {
            try MaskingPolicy.load(from: url)
        }
    }

    @Test func omittedOptionsTakeTheirDefaults() throws {
        let json = """
            {"version": 1, "members": {"name": {"rule": "partial"}, "phone": {"rule": "phone"},
             "address": {"rule": "address"}, "email": {"rule": "email"}, "postal_code": {"rule": "postal"}}}
            """
        let policy = try MaskingPolicy.decode(json: Data(json.utf8))
        #expect(policy.members["name"] == .partial(PartialMask()))
        #expect(policy.members["phone"] == .phone(PhoneMask()))
        #expect(policy.members["address"] == .address(AddressMask()))
        #expect(policy.members["email"] == .email(EmailMask()))
        #expect(policy.members["postal_code"] == .postal(PostalMask()))
        #expect(policy.orders.isEmpty)
    }

    @Test(arguments: [
        ("{", MaskingError.malformedJSON),
        ("[]", .wrongType(path: "top level", expected: "an object")),
        ("{}", .missingKey(path: "version")),
        (#"{"version": "1"}"#, .wrongType(path: "version", expected: "an integer")),
        (#"{"version": 2}"#, .unsupportedVersion(2)),
        (#"{"version": 1, "customers": {}}"#, .unknownKey(path: "customers")),
        (#"{"version": 1, "members": []}"#, .wrongType(path: "members", expected: "an object")),
        (#"{"version": 1, "members": {"name": "partial"}}"#, .wrongType(path: "members.name", expected: "an object")),
        (#"{"version": 1, "members": {"name": {}}}"#, .missingKey(path: "members.name.rule")),
        (
            #"{"version": 1, "members": {"name": {"rule": 3}}}"#,
            .wrongType(path: "members.name.rule", expected: "a string")
        ),
        (
            #"{"version": 1, "members": {"name": {"rule": "hash"}}}"#,
            .unknownRule(path: "members.name.rule", name: "hash")
        ),
        (
            #"{"version": 1, "members": {"name": {"rule": "partial", "keepfirst": 1}}}"#,
            .unknownKey(path: "members.name.keepfirst")
        ),
        (
            #"{"version": 1, "orders": {"note": {"rule": "blank", "value": ""}}}"#,
            .unknownKey(path: "orders.note.value")
        ),
        (
            #"{"version": 1, "members": {"name": {"rule": "partial", "keepFirst": 1.5}}}"#,
            .wrongType(path: "members.name.keepFirst", expected: "an integer")
        ),
        (
            #"{"version": 1, "members": {"name": {"rule": "partial", "keepFirst": true}}}"#,
            .wrongType(path: "members.name.keepFirst", expected: "an integer")
        ),
        (
            #"{"version": 1, "members": {"name": {"rule": "partial", "keepFirst": -1}}}"#,
            .invalidValue(path: "members.name.keepFirst", reason: "must be between 0 and 64")
        ),
        (
            #"{"version": 1, "members": {"phone": {"rule": "phone", "maskLength": 0}}}"#,
            .invalidValue(path: "members.phone.maskLength", reason: "must be between 1 and 64")
        ),
        (
            #"{"version": 1, "members": {"name": {"rule": "partial", "maskCharacter": "**"}}}"#,
            .invalidValue(path: "members.name.maskCharacter", reason: "must be exactly one character")
        ),
        (
            #"{"version": 1, "members": {"name": {"rule": "partial", "maskCharacter": "x"}}}"#,
            .invalidValue(path: "members.name.maskCharacter", reason: "must not be a letter")
        ),
        (
            #"{"version": 1, "members": {"name": {"rule": "partial", "maskCharacter": "\u3000"}}}"#,
            .invalidValue(path: "members.name.maskCharacter", reason: "must not be whitespace")
        ),
        (
            #"{"version": 1, "members": {"phone": {"rule": "phone", "maskCharacter": "０"}}}"#,
            .invalidValue(path: "members.phone.maskCharacter", reason: "must not be a digit")
        ),
        (
            #"{"version": 1, "members": {"email": {"rule": "email", "maskCharacter": "@"}}}"#,
            .invalidValue(path: "members.email.maskCharacter", reason: "must not be '@' or '+'")
        ),
        (#"{"version": 1, "orders": {"note": {"rule": "constant"}}}"#, .missingKey(path: "orders.note.value")),
        (
            #"{"version": 1, "orders": {"": {"rule": "blank"}}}"#,
            .invalidValue(path: "orders", reason: "a field name is empty")
        ),
    ])
    func rejectsBadPolicies(json: String, expected: MaskingError) {
        #expect(throws: expected) { try MaskingPolicy.decode(json: Data(json.utf8)) }
    }

    @Test func errorDescriptionsSayWhatToDo() {
        let unknown = MaskingError.unknownRule(path: "members.name.rule", name: "hash").description
        #expect(unknown.contains("members.name.rule") && unknown.contains("partial, phone, address"))
        #expect(MaskingError.malformedJSON.description.contains("not valid JSON"))
        #expect(MaskingError.unsupportedVersion(2).description.contains("version 1"))
    }
}
