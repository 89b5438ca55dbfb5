import Foundation
import FuzzSupport
import ShopData

/// A profile JSON file (`--profile FILE`): `Profile.decode`, then what a decoded profile is used for right away
/// (detection among profiles, timestamps).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = Data(fuzzInput(start, count))
    guard let profile = try? Profile.decode(data, source: "fuzz.json") else { return 0 }
    for text in ["2026-11-25 10:00:00", "2026/11/25 10:00", "2026-11-25T10:00:00+08:00", "", "25/11/2026"] {
        _ = profile.parseTimestamp(text)
    }
    _ = ProfileRegistry(profiles: [profile] + ProfileRegistry.builtIn.profiles).profiles.count
    return 0
}

/// The program's entry (see `runLibFuzzer`).
@_cdecl("fuzz_profile_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzOneInput($0, $1) }
}
