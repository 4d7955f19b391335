#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fresh directory under /tmp, removed when the value is released.
final class TemporaryDirectory {
  let path: String

  init() {
    var template = Array("/tmp/hwc-demo-test-XXXXXX".utf8CString)
    path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
  }

  func file(_ name: String) -> String { path + "/" + name }

  deinit { _ = system("rm -rf '\(path)'") }
}
