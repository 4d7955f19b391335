import Foundation
import HWCCore
import HWCTestSupport
import Testing

@testable import HWCRegister

/// The bundle file format on its own: writing, reading and each reason a bundle is refused.
@Suite struct OfficeBundleTests {
  let key = (0..<32).map { UInt8($0 * 7 + 3) }

  func manifest(export: Int = 1) -> OfficeBundle.Manifest {
    OfficeBundle.Manifest(
      office: "WKO-KAZTALOV", export: export, districts: ["KAZ", "AKZ"], conservancies: [],
      chainPosition: 42, chainHead: String(repeating: "ab", count: 32), previousPosition: nil,
      previousHead: nil, hwcVersion: "0.9.0", createdAt: "2026-11-30T22:00:00Z",
      snapshotBytes: 0, snapshotSHA256: String(repeating: "0", count: 64))
  }

  /// A bundle in `dir` over a made-up snapshot of 3000 bytes; its path and written manifest.
  func bundle(in dir: TemporaryDirectory) throws -> (String, OfficeBundle.Manifest) {
    let snapshot = dir.write("snapshot", bytes: (0..<3000).map { UInt8($0 % 251) })
    let path = dir.file("out.bundle")
    let written = try OfficeBundle.write(
      manifest: manifest(), snapshot: snapshot, key: key, to: path)
    return (path, written)
  }

  func bytes(_ path: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path)!) }

  func refusal(_ path: String) -> BundleProblem? {
    do {
      _ = try OfficeBundle.verify(path: path, key: key)
      return nil
    } catch {
      return error
    }
  }

  @Test func manifestKeysComeInTheContractsOrder() {
    let line = manifest().line
    let keys = [
      "office", "export", "districts", "conservancies", "chain_position", "chain_head",
      "previous_position", "previous_head", "hwc_version", "created_at", "snapshot_bytes",
      "snapshot_sha256",
    ]
    let positions = keys.map { line.range(of: "\"\($0)\":")!.lowerBound }
    #expect(positions == positions.sorted())
    #expect(line.contains(#""districts":["AKZ","KAZ"]"#))
    #expect(line.contains(#""previous_position":null,"previous_head":null"#))
  }

  @Test func writtenBundleVerifiesAndItsHMACIsRecomputedIndependently() throws {
    let dir = TemporaryDirectory()
    let (path, written) = try bundle(in: dir)
    #expect(written.snapshotBytes == 3000)
    #expect(written.snapshotSHA256 == SHA256.hex(SHA256.hash(bytes(dir.file("snapshot")))))
    #expect(try OfficeBundle.verify(path: path, key: key) == written)
    let file = bytes(path)
    let lines = file.split(separator: 0x0a, maxSplits: 3, omittingEmptySubsequences: false)
    #expect(String(decoding: lines[0], as: UTF8.self) == "hwc-bundle 1")
    let mac = HMACSHA256(key: key).authenticate(Array(lines[1]))
    #expect(String(decoding: lines[2], as: UTF8.self) == "hmac-sha256 " + SHA256.hex(mac))
    #expect(Array(lines[3]) == bytes(dir.file("snapshot")))
    let (read, hmacHex, offset) = try OfficeBundle.read(path: path)
    #expect(read == written && hmacHex == SHA256.hex(mac) && offset == file.count - 3000)
  }

  @Test func extractSnapshotCopiesExactlyTheSnapshot() throws {
    let dir = TemporaryDirectory()
    let (path, _) = try bundle(in: dir)
    try OfficeBundle.extractSnapshot(path: path, to: dir.file("copy"))
    #expect(bytes(dir.file("copy")) == bytes(dir.file("snapshot")))
    #expect(throws: BundleProblem.self) {
      try OfficeBundle.extractSnapshot(path: path, to: dir.file("copy"))
    }
  }

  @Test func anExistingFileIsNeverReplaced() throws {
    let dir = TemporaryDirectory()
    let (path, _) = try bundle(in: dir)
    let before = bytes(path)
    #expect(throws: (any Error).self) {
      try OfficeBundle.write(
        manifest: manifest(export: 2), snapshot: dir.file("snapshot"), key: key, to: path)
    }
    #expect(bytes(path) == before)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [
        "out.bundle", "snapshot",
      ])
  }

  @Test func aTruncatedSnapshotIsRefusedForItsSize() throws {
    let dir = TemporaryDirectory()
    let (path, _) = try bundle(in: dir)
    let cut = dir.write("cut", bytes: Array(bytes(path).dropLast(10)))
    #expect(refusal(cut) == .size(expected: 3000, actual: 2990))
    #expect(refusal(cut)?.reason.contains("(truncated)") == true)
  }

  @Test func aFileCutInsideItsHeaderIsRefusedAsTruncated() throws {
    let dir = TemporaryDirectory()
    let (path, _) = try bundle(in: dir)
    #expect(refusal(dir.write("a", bytes: Array(bytes(path).prefix(40)))) == .truncatedHeader)
    #expect(refusal(dir.write("b", bytes: Array(bytes(path).prefix(5)))) == .truncatedHeader)
  }

  @Test func anEditedSnapshotByteIsRefusedForItsDigest() throws {
    let dir = TemporaryDirectory()
    let (path, _) = try bundle(in: dir)
    var file = bytes(path)
    file[file.count - 100] ^= 0x01
    #expect(refusal(dir.write("edited", bytes: file)) == .digest)
  }

  @Test func anEditedManifestIsRefusedForItsHMAC() throws {
    let dir = TemporaryDirectory()
    let (path, _) = try bundle(in: dir)
    let text = String(decoding: bytes(path), as: UTF8.self)
    #expect(text.contains(#""chain_position":42"#))
    var file = bytes(path)
    let at = Array(file).firstRange(of: Array(#""chain_position":42"#.utf8))!.upperBound - 1
    file[at] = UInt8(ascii: "3")
    #expect(refusal(dir.write("edited", bytes: file)) == .hmacMismatch)
  }

  @Test func anotherKeyIsRefusedForItsHMAC() throws {
    let dir = TemporaryDirectory()
    let (path, _) = try bundle(in: dir)
    #expect(throws: BundleProblem.hmacMismatch) {
      try OfficeBundle.verify(path: path, key: [UInt8](repeating: 9, count: 32))
    }
  }

  @Test func otherFilesAndBadHeaderLinesAreRefusedWithTheirReason() throws {
    let dir = TemporaryDirectory()
    #expect(refusal(dir.write("sqlite", "SQLite format 3\u{0}...")) == .notABundle)
    #expect(refusal(dir.file("missing")) == .unreadable("No such file or directory"))
    let line = manifest().line
    #expect(refusal(dir.write("mac", "hwc-bundle 1\n\(line)\nhmac-sha1 00\n")) == .hmacLine)
    #expect(
      refusal(
        dir.write(
          "json", "hwc-bundle 1\n{\"office\":1}\nhmac-sha256 \(String(repeating: "0", count: 64))\n"
        ))
        == .manifest("office is not valid"))
    let noExport = line.replacingOccurrences(of: #""export":1,"#, with: "")
    #expect(
      refusal(
        dir.write(
          "x", "hwc-bundle 1\n\(noExport)\nhmac-sha256 \(String(repeating: "0", count: 64))\n"))
        == .manifest("export is missing"))
  }

  @Test func manifestLineRoundTrips() throws {
    var original = manifest(export: 3)
    original.previousPosition = 40
    original.previousHead = String(repeating: "cd", count: 32)
    #expect(try OfficeBundle.Manifest(line: original.line) == original)
    let badTime = original.line.replacingOccurrences(of: "22:00:00Z", with: "22:00:00")
    #expect(throws: BundleProblem.manifest("created_at is not valid")) {
      try OfficeBundle.Manifest(line: badTime)
    }
  }
}

/// Office keys as hex, and their printable fingerprint.
@Suite struct OfficeKeyTests {
  @Test func hexKeysOf64DigitsAreReadInEitherCase() {
    let hex = (0..<32).map { String(format: "%02x", $0 * 8) }.joined()
    #expect(OfficeBundle.key(hex: hex) == (0..<32).map { UInt8($0 * 8) })
    #expect(OfficeBundle.key(hex: hex.uppercased()) == OfficeBundle.key(hex: hex))
    #expect(OfficeBundle.key(hex: String(hex.dropLast())) == nil)
    #expect(OfficeBundle.key(hex: String(hex.dropLast()) + "g") == nil)
    #expect(OfficeBundle.key(hex: hex + "00") == nil)
  }

  @Test func fingerprintIsTheFirst16HexOfTheKeysSHA256() {
    let key = [UInt8](repeating: 0xAB, count: 32)
    #expect(OfficeBundle.fingerprint(key: key) == String(SHA256.hex(SHA256.hash(key)).prefix(16)))
    #expect(OfficeBundle.fingerprint(key: key).count == 16)
  }
}
