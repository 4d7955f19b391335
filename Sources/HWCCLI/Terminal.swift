#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading a secret from the terminal without echoing it.
enum Terminal {
  /// True when standard input is a terminal (secrets may then be asked).
  static var isInteractive: Bool { isatty(0) == 1 }

  /// Writes `prompt` to the terminal, reads one line with echo off, restores the terminal;
  /// nil when there is no terminal or nothing was read.
  static func readSecret(_ prompt: String) -> String? {
    let fd = open("/dev/tty", O_RDWR | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var saved = termios()
    guard tcgetattr(fd, &saved) == 0 else { return nil }
    var silent = saved
    silent.c_lflag &= ~tcflag_t(ECHO)
    silent.c_lflag |= tcflag_t(ICANON)
    write(fd, prompt, prompt.utf8.count)
    guard tcsetattr(fd, TCSAFLUSH, &silent) == 0 else { return nil }
    defer {
      _ = tcsetattr(fd, TCSAFLUSH, &saved)
      write(fd, "\n", 1)
    }
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    while read(fd, &byte, 1) == 1, byte != UInt8(ascii: "\n") {
      bytes.append(byte)
    }
    if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
    let text = String(decoding: bytes, as: UTF8.self)
    for index in bytes.indices { bytes[index] = 0 }
    return text
  }
}
