import AirlockFormat
import Foundation
import SodiumKit
import TestSupport
import Testing

/// Every vector in `Spec/vectors` gives exactly the outcome `vectors.json` labels it with.
@Suite struct SpecVectorTests {
    struct Entry: Decodable, CustomTestStringConvertible, Sendable {
        var file: String
        var expect: String
        var description: String
        var bundle_hash: String?
        var payload_blake2b_256: String?
        var frames: Int?
        var testDescription: String { "\(file) → \(expect)" }
    }

    struct Index: Decodable {
        var keys: [String: String]
        var vectors: [Entry]
    }

    static let index: Index = {
        let data = FileManager.default.contents(atPath: RepositoryPaths.vectors + "/vectors.json")!
        return try! JSONDecoder().decode(Index.self, from: data)
    }()

    static var offline: RecipientSecretKey {
        try! RecipientSecretKey(secretBytes: SecureBytes(copying: Hex.decode(index.keys["offline_x25519_secret"]!)!))
    }

    static var packer: SigningPublicKey {
        try! SigningPublicKey(bytes: Hex.decode(index.keys["packer_ed25519_public"]!)!)
    }

    @Test func catalogueIsComplete() {
        let invalid = Self.index.vectors.filter { $0.expect != "ok" }
        #expect(invalid.count >= 20)
        #expect(Self.index.vectors.count(where: { $0.expect == "ok" }) >= 3)
        // Every failure label of the spec's list that a file can trigger has at least one vector.
        let labels = Set(invalid.map(\.expect))
        for required in [
            "bad-magic", "text-mode-damage", "unsupported-version", "unsupported-suite", "non-canonical-header",
            "limit-exceeded", "truncated", "unknown-signer", "bad-signature", "not-a-recipient", "stanza-open-failed",
            "key-commitment-mismatch", "chunk-authentication-failed", "missing-final-chunk", "data-after-final-chunk",
            "payload-size-exceeded", "payload-size-mismatch", "decompression-failed", "malformed-payload",
            "manifest-mismatch",
        ] {
            #expect(labels.contains(required), "no vector for \(required)")
        }
    }

    @Test(arguments: index.vectors)
    func vectorHasItsLabelledOutcome(_ entry: Entry) throws {
        let path = RepositoryPaths.vectors + "/" + entry.file
        let code = Acceptance.code(path: path, trusted: [Self.packer], recipient: Self.offline)
        #expect(code == entry.expect)
        if entry.expect == "ok" {
            let outcome = try Acceptance.run(path: path, trusted: [Self.packer], recipient: Self.offline)
            #expect(Hex.encode(outcome.verified.bundleHash) == entry.bundle_hash)
            #expect(Hex.encode(outcome.payloadHash) == entry.payload_blake2b_256)
            #expect(outcome.frameCount == entry.frames)
        }
    }

    @Test func escrowRecipientOpensTheTwoRecipientVector() throws {
        let escrow = try RecipientSecretKey(secretBytes: SecureBytes(copying: Hex.decode(Self.index.keys["escrow_x25519_secret"]!)!))
        let path = RepositoryPaths.vectors + "/valid-two-recipients.airlock"
        let outcome = try Acceptance.run(path: path, trusted: [Self.packer], recipient: escrow)
        #expect(outcome.records.count == 100)
        #expect(Acceptance.code(path: RepositoryPaths.vectors + "/valid-basic.airlock", trusted: [Self.packer], recipient: escrow)
            == "not-a-recipient")
    }

    @Test func chainVectorLinksToItsPredecessor() throws {
        let first = try Acceptance.run(path: RepositoryPaths.vectors + "/valid-basic.airlock", trusted: [Self.packer], recipient: Self.offline)
        let second = try Acceptance.run(path: RepositoryPaths.vectors + "/valid-chain-2.airlock", trusted: [Self.packer], recipient: Self.offline)
        #expect(second.verified.header.sequence == first.verified.header.sequence + 1)
        #expect(second.verified.header.previousHash == first.verified.bundleHash)
        #expect(second.verified.header.chainID == first.verified.header.chainID)
    }
}
