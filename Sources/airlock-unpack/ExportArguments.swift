import AirlockFormat
import ArchiveStore
import ArgumentParser

/// `--kind members|orders` of `export`.
enum ExportKindArgument: String, CaseIterable, ExpressibleByArgument {
    case members, orders

    var kind: ShopRecord.Kind { self == .members ? .member : .order }
}

/// `--format csv|jsonl` of `export`.
enum ExportFormatArgument: String, CaseIterable, ExpressibleByArgument {
    case csv, jsonl

    var format: ExportOptions.Format { self == .csv ? .csv : .jsonl }
}

/// `--encoding` of `export`: the encodings shops' spreadsheets read.
enum ExportEncodingArgument: String, CaseIterable, ExpressibleByArgument {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case cp932
    case big5
}
