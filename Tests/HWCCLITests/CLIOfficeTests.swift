import Foundation
import HWCCore
import HWCRegister
import Testing

/// Offices through the CLI (issue #15 items 1–2): `init --office`, `office show|key|export`.
@Suite struct CLIOfficeTests {
  static let keyHex = "00112233445566778899aabbccddeeff0123456789abcdeffedcba9876543210"
  static let fingerprint = OfficeBundle.fingerprint(key: OfficeBundle.key(hex: keyHex)!)

  /// A register of office WKO-KAZTALOV with an officer and a treasurer of Kaztalov.
  static func office() -> Workspace {
    let workspace = Workspace()
    let made = workspace.ok(["init", "--office", "WKO-KAZTALOV", "--district", "Kaztalov"])
    #expect(
      made.out.contains(
        "  office: WKO-KAZTALOV (Kaztalov); set its key with: hwc office key --set HEX\n"))
    workspace.ok(["user", "add", "dauren", "--role", "officer@Kaztalov", "--as", "admin"])
    workspace.ok(["user", "add", "tolkyn", "--role", "treasurer@Kaztalov", "--as", "admin"])
    workspace.ok([
      "claimant", "add", "--name", "Yerlan Bekov", "--id", Workspace.yerlan, "--district",
      "Kaztalov", "--village", "Zhalpaktal", "--as", "dauren",
    ])
    return workspace
  }

  @Test func initRefusalsNameTheFieldAndWriteNothing() {
    let workspace = Workspace()
    let cases: [([String], String)] = [
      (
        ["--office", "wko", "--district", "Kaztalov"],
        "hwc: --office: 'wko' is not an office code (upper-case letters, digits and '-', 2 to 32 characters)\n"
      ),
      (["--office", "WKO-1"], "hwc: --district: an office needs at least one --district\n"),
      (
        ["--office", "WKO-1", "--district", "Kaztalov", "--conservancy", "Shamshy"],
        "hwc: --conservancy: Shamshy lies in none of the office's districts (Kaztalov)\n"
      ),
      (
        ["--district", "Kaztalov"],
        "hwc: --office: --district and --conservancy on 'hwc init' need --office CODE\n"
      ),
    ]
    for (index, (words, message)) in cases.enumerated() {
      let db = workspace.path("r\(index).sqlite")
      let refused = workspace.run(["init"] + words, environment: ["HWC_DB": db])
      #expect(refused.code == 1 && refused.err == message, "\(refused)")
      #expect(!FileManager.default.fileExists(atPath: db))
    }
    workspace.ok(["init"])
    let again = workspace.run(["init", "--office", "WKO-1", "--district", "Kaztalov"])
    #expect(again.code == 1)
    #expect(again.err.hasPrefix("hwc: --office: \(workspace.db) already exists"), "\(again.err)")
  }

  @Test func anOfficeRegisterRefusesWorkOutsideItsDistricts() throws {
    let workspace = Self.office()
    let before = try workspace.counts()
    var words = Workspace.register(["--as", "admin"])
    words[words.firstIndex(of: "Kaztalov")!] = "Zhanibek"
    workspace.ok(["user", "add", "national", "--role", "officer", "--as", "admin"])
    let refused = workspace.run(words.dropLast(2) + ["--as", "national"])
    #expect(refused.code == 1)
    #expect(refused.err == "hwc: Zhanibek is not a district of office WKO-KAZTALOV\n")
    let role = workspace.run([
      "user", "add", "saule", "--role", "officer@Zhanibek", "--as", "admin",
    ])
    #expect(role.err == "hwc: Zhanibek is not a district of office WKO-KAZTALOV\n")
    let after = try workspace.counts()
    #expect(after["complaint"] == before["complaint"])
    #expect(after["user_role"] == before["user_role"]! + 1, "only national's role was added")
    workspace.ok(Workspace.register(["--as", "national"]))
  }

  @Test func theKeyIsNeverPrintedAndABadOneIsRefusedInOneSentence() {
    let workspace = Self.office()
    let shown = workspace.ok(["office", "show"]).out
    #expect(
      shown == """
        office WKO-KAZTALOV
          districts: Kaztalov (KAZ)
          conservancies: none
          key: no key set
          last export: none

        """)
    let bad = workspace.run(["office", "key", "--set", "0123456789abcdefXYZ", "--as", "admin"])
    #expect(bad.code == 1)
    #expect(
      bad.err
        == "hwc: --set: the office key must be 64 hex digits, as 'hwc national enroll' printed it\n"
    )
    #expect(!bad.err.contains("0123456789abcdef"))
    let denied = workspace.run(["office", "key", "--set", Self.keyHex, "--as", "dauren"])
    #expect(denied.code == 1 && !denied.err.contains(Self.keyHex))
    let set = workspace.ok(["office", "key", "--set", Self.keyHex, "--as", "admin"])
    #expect(set.out == "office WKO-KAZTALOV key set (fingerprint \(Self.fingerprint))\n")
    let json = parseJSON(workspace.ok(["office", "show", "--json"]).out) as? [String: Any]
    #expect(json?["key_fingerprint"] as? String == Self.fingerprint)
    #expect(json?["districts"] as? [String] == ["KAZ"])
    let log = workspace.ok(["audit", "log"]).out + workspace.ok(["office", "show"]).out
    #expect(!log.contains(Self.keyHex))
  }

  @Test func exportWritesAVerifiedBundleAndPrintsItsSizeNumberAndHead() throws {
    let workspace = Self.office()
    let noKey = workspace.run(["office", "export", workspace.path("a.bundle"), "--as", "tolkyn"])
    #expect(noKey.code == 1)
    #expect(noKey.err.contains("office WKO-KAZTALOV has no key; set the key"))
    workspace.ok(["office", "key", "--set", Self.keyHex, "--as", "admin"])
    let path = workspace.path("a.bundle")
    let out = workspace.ok(["office", "export", path, "--as", "tolkyn"]).out
    let manifest = try OfficeBundle.verify(path: path, key: OfficeBundle.key(hex: Self.keyHex)!)
    let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    #expect(
      out
        == "exported \(path): \(NumberStyle.english.integer(size)) bytes (0.\(size / 10_000 + (size % 10_000 >= 5_000 ? 1 : 0)) MB), "
        + "export 1 of office WKO-KAZTALOV, chain position \(manifest.chainPosition) "
        + "(head \(manifest.chainHead.prefix(16)))\n")
    let second = workspace.ok([
      "office", "export", workspace.path("b.bundle"), "--json", "--as", "admin",
    ])
    let json = parseJSON(second.out) as? [String: Any]
    let written = json?["manifest"] as? [String: Any]
    #expect(written?["export"] as? Int == 2)
    #expect(written?["previous_position"] as? Int == manifest.chainPosition)
    #expect(written?["previous_head"] as? String == manifest.chainHead)
    let shown = workspace.ok(["office", "show"]).out
    #expect(shown.contains("  last export: number 2, chain position "))
    let taken = workspace.run(["office", "export", path, "--as", "tolkyn"])
    #expect(taken.code == 1 && taken.err.contains("already exists"))
    let plain = Workspace.standard()
    let none = plain.run(["office", "export", plain.path("c.bundle"), "--as", "admin"])
    #expect(
      none.err
        == "hwc: this register belongs to no office, so it cannot export a bundle; an office register is made with 'hwc init --office CODE --district D'\n"
    )
  }
}
