import Foundation
import FuzzSupport
import Masking

/// A masking-policy JSON file (`MaskingPolicy.decode(json:)`), and arbitrary text through the default policy's
/// (and any decoded policy's) rules. Besides "never crash", it checks what `Spec/masking.md` and the doc
/// comments promise: a decoded policy survives `jsonData()` unchanged, every rule is idempotent, and a masked
/// output that differs from the value always `looksMasked`, since the opposite would let a mask overwrite real
/// data on the way back.
/// `.any`, and one constrained acceptance per input (by its length), to keep executions fast.
let constrained: [FieldAcceptance] = [.digitsOnly, .katakanaOnly, .asciiOnly, .maxLength(12)]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = fuzzInput(start, count)
    var policies = [MaskingPolicy.defaultPolicy]
    if let policy = try? MaskingPolicy.decode(json: Data(bytes)) {
        let again = try? MaskingPolicy.decode(json: policy.jsonData())
        require(again == policy, "a decoded policy does not survive jsonData()")
        policies.append(policy)
    }
    let text = String(decoding: bytes, as: UTF8.self)
    let acceptances = [.any, constrained[bytes.count % constrained.count]]
    for policy in policies {
        for kind in RecordKind.allCases {
            for (field, rule) in policy.rules(for: kind) {
                let once = rule.apply(text)
                require(rule.apply(once) == once, "rule \(rule) is not idempotent")
                for acceptance in acceptances {
                    _ = policy.looksMasked(text, field: field, kind: kind, acceptance: acceptance)
                    let outcome = policy.mask(text, field: field, kind: kind, acceptance: acceptance)
                    // A mask equal to the value cannot overwrite anything; any other must be recognised. Rules
                    // trim, so an all-whitespace value "masks" to "", which is not recognised (see RESULTS.md):
                    // harmless, the value was blank.
                    if case .masked(let masked) = outcome, masked != text, !(masked.isEmpty && isBlank(text)) {
                        require(
                            policy.looksMasked(masked, field: field, kind: kind, acceptance: acceptance),
                            "a masked value does not look masked (rule \(rule))")
                    }
                }
            }
        }
    }
    return 0
}

/// Whether `text` is empty or only whitespace characters, as the masking rules trim (`TextScan.trimmed`).
func isBlank(_ text: String) -> Bool {
    text.allSatisfy { $0.unicodeScalars.first!.properties.isWhitespace }
}

/// Seed: the default policy as JSON.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> CInt {
    writeSeedsIfAsked { folder in
        try writeSeed(Array(MaskingPolicy.defaultPolicy.jsonData()), named: "default-policy.json", in: folder)
    }
    return 0
}

/// The program's entry (see `runLibFuzzer`).
@_cdecl("fuzz_masking_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzOneInput($0, $1) }
}
