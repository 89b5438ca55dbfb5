import Foundation
import FuzzSupport
import ShopData

/// A shop's CSV export, read to the end: `CSVReader` detecting the encoding, `CSVReader` with an explicit
/// encoding and tiny blocks (so that records, quotes, line endings and multibyte characters straddle refills),
/// and `ShopFileReader` detecting the profile and kind, mapping every row (and grouping orders).
let scratch = ScratchFile("csv")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    scratch.store(fuzzInput(start, count))
    readAll(CSVReadOptions())
    // One explicit encoding per input (by its length), with 16-byte blocks and small limits.
    let encoding = ShopEncoding.allCases[count % ShopEncoding.allCases.count]
    readAll(
        CSVReadOptions(
            encoding: encoding, maxFieldBytes: 512, maxRowBytes: 2048, blockSize: 16, allowedDuplicateHeaders: .any))
    do {
        let reader = try ShopFileReader(url: scratch.url)
        switch reader.kind {
        case .members:
            while let row = try reader.next() { _ = row }
        case .orders:
            var orders = reader.orders()
            while let order = try orders.next() { require(!order.rows.isEmpty, "an empty order group") }
        }
    } catch {}
    return 0
}

func readAll(_ options: CSVReadOptions) {
    do {
        let reader = try CSVReader(url: scratch.url, options: options)
        while let row = try reader.next() { _ = row.values.count }
    } catch {}
}

/// The program's entry (see `runLibFuzzer`).
@_cdecl("fuzz_csv_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzOneInput($0, $1) }
}
