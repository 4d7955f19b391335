import Foundation

/// A fresh directory under /tmp, removed with everything in it when the value is released.
///
/// Tests run against on-disk registers (WAL and locking only exist on disk); each test makes its
/// own directory and keeps the value alive as long as it uses the files. Writing helpers stop the
/// test process when /tmp cannot be written: nothing else could be tested then either.
public final class TemporaryDirectory: Sendable {
  /// The directory's absolute path.
  public let path: String

  /// Creates `/tmp/PREFIX-XXXXXX` with a unique suffix.
  public init(prefix: String = "hwc-test") {
    var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
    path = template.withUnsafeMutableBufferPointer { buffer in
      guard let made = mkdtemp(buffer.baseAddress!) else {
        fatalError("cannot create a temporary directory under /tmp")
      }
      return String(cString: made)
    }
  }

  /// The path of `name` inside the directory.
  public func file(_ name: String) -> String { path + "/" + name }

  /// Writes `text` as UTF-8 to `name`, replacing any file there, and returns its path.
  @discardableResult
  public func write(_ name: String, _ text: String) -> String {
    write(name, bytes: Array(text.utf8))
  }

  /// Writes `bytes` to `name`, replacing any file there, and returns its path.
  @discardableResult
  public func write(_ name: String, bytes: [UInt8]) -> String {
    let target = file(name)
    let written = FileManager.default.createFile(atPath: target, contents: Data(bytes))
    precondition(written, "cannot write \(target)")
    return target
  }

  /// The UTF-8 text of `name`, or nil when there is no such file.
  public func read(_ name: String) -> String? {
    FileManager.default.contents(atPath: file(name)).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Creates the directory `name` and returns its path.
  @discardableResult
  public func makeDirectory(_ name: String) -> String {
    let target = file(name)
    do {
      try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
    } catch {
      preconditionFailure("cannot create \(target): \(error)")
    }
    return target
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}
