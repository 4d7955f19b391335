import Foundation

extension TemporaryDirectory {
  /// The names in the folder `name` inside the directory (`""`: the directory itself), sorted;
  /// empty when there is no such folder.
  public func entries(_ name: String) -> [String] {
    let target = name.isEmpty ? path : file(name)
    return ((try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []).sorted()
  }

  /// The bytes of the file `name`, nil when there is none.
  public func bytes(_ name: String) -> [UInt8]? {
    FileManager.default.contents(atPath: file(name)).map { [UInt8]($0) }
  }
}
