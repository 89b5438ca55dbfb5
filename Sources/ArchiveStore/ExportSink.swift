/// Where an export's rows go: a file written atomically, which appears only on ``finish()``.
protocol ExportSink: AnyObject {
    /// Writes one row; `key` names the record in errors.
    func write(_ values: [String], key: String) throws(ExportError)
    /// Completes the file and moves it into place.
    func finish() throws(ExportError)
    /// Abandons the file: nothing appears at the target.
    func cancel()
}
