import Foundation
import HWCCore
import HWCStore
import HWCTestSupport
import Testing

@testable import HWCRegister

/// `hwc national init|enroll|accept|status` through the command line: the key printed once,
/// acceptance, a refusal in one sentence with nothing accepted, and the status listing both.
@Suite struct CLINationalTests {
  /// A workspace holding an office register of Kaztalov (made through the CLI) and a national
  /// register folder, with the national administrator's passphrase file.
  func workspace() throws -> (Workspace, national: String, secret: String) {
    let workspace = Workspace()
    workspace.ok(["init"])
    workspace.ok(["user", "add", "dauren", "--role", "officer@Kaztalov", "--as", "admin"])
    workspace.ok([
      "claimant", "add", "--name", "Yerlan Bekov", "--id", Workspace.yerlan, "--district",
      "Kaztalov", "--village", "Zhalpaktal", "--herd", "sheep_goat=20", "--as", "dauren",
    ])
    let secret = try workspace.write("national-secret", "ministry passphrase, for tests\n")
    return (workspace, workspace.path("national"), secret)
  }

  /// A bundle of the workspace's register, made as `hwc office export` makes one.
  func bundle(_ workspace: Workspace, export: Int, key: [UInt8], name: String) throws -> String {
    let snapshot = workspace.path("snapshot-\(export)")
    let register = try Register.open(path: workspace.db)
    _ = try register.backup(to: snapshot)
    let head = try Register.open(path: snapshot, readOnly: true).chainHead()
    let path = workspace.path(name)
    try OfficeBundle.write(
      manifest: OfficeBundle.Manifest(
        office: "WKO-KAZ", export: export, districts: ["KAZ"], conservancies: [],
        chainPosition: head.position, chainHead: head.hash, previousPosition: nil,
        previousHead: nil, hwcVersion: "test", createdAt: "2026-06-14T08:00:00Z",
        snapshotBytes: 0, snapshotSHA256: ""),
      snapshot: snapshot, key: key, to: path)
    return path
  }

  @Test func enrolAcceptRefuseAndStatus() throws {
    let (workspace, national, secret) = try workspace()
    let env = ["HWC_NATIONAL": national, "HWC_USER": "admin", "HWC_PASSWORD_FILE": secret]
    let created = workspace.run(
      ["national", "init", "--new-password-file", secret], environment: env)
    #expect(created.code == 0)
    #expect(created.out.hasPrefix("created national register \(national)\n"))

    let enrolled = workspace.run(
      ["national", "enroll", "--office", "WKO-KAZ", "--district", "Kaztalov"], environment: env)
    #expect(enrolled.code == 0)
    let lines = enrolled.out.split(separator: "\n").map(String.init)
    let key = try #require(lines.first { OfficeBundle.isHex64($0) })
    #expect(lines.contains("  hwc office key --set \(key)"))

    let again = workspace.run(
      ["national", "enroll", "--office", "WKO-2", "--district", "KAZ"], environment: env)
    #expect(again.code == 1)
    #expect(
      again.err == "hwc: district KAZ is already enrolled by office WKO-KAZ; nothing changed\n")

    let good = try bundle(
      workspace, export: 1, key: OfficeBundle.key(hex: key) ?? [], name: "1.bundle")
    let accepted = workspace.run(["national", "accept", good], environment: env)
    #expect(accepted.code == 0, "\(accepted)")
    #expect(accepted.out.hasPrefix("accepted bundle 1 of office WKO-KAZ: audit chain entries 1–"))
    let same = workspace.run(["national", "accept", good], environment: env)
    #expect(same.out == "bundle 1 of office WKO-KAZ already accepted; nothing changed\n")

    let forged = try bundle(
      workspace, export: 2, key: Array(repeating: 1, count: 32), name: "2.bundle")
    let refused = workspace.run(["national", "accept", forged], environment: env)
    #expect(refused.code == 1)
    #expect(refused.out.isEmpty)
    #expect(refused.err.split(separator: "\n").count == 1)
    #expect(refused.err.contains("refused: its manifest's HMAC does not match the office key"))
    #expect(!refused.err.contains(key))

    let status = workspace.run(["national", "status", "--json"], environment: env)
    #expect(status.code == 0)
    let json = try #require(parseJSON(status.out) as? [String: Any])
    let offices = try #require(json["offices"] as? [[String: Any]])
    #expect(offices.count == 1)
    #expect(offices.first?["export"] as? Int == 1)
    #expect(offices.first?["districts"] as? [String] == ["KAZ"])
    #expect(offices.first?["days_silent"] as? Int == 1)
    let refusals = try #require(json["refused"] as? [[String: Any]])
    #expect(refusals.count == 1)
    #expect(refusals.first?["file"] as? String == "2.bundle")
    #expect(refusals.first?["office"] as? String == "WKO-KAZ")

    let text = workspace.run(["national", "status", "--silent-days", "0"], environment: env)
    #expect(text.out.contains("silent (no bundle made in the last 0 days): WKO-KAZ"))
    #expect(text.out.contains("WKO-KAZ  KAZ"))
    #expect(text.out.contains("2.bundle: its manifest's HMAC does not match the office key"))
  }

  @Test func aWrongPassphraseOrNoFolderIsOneSentence() throws {
    let (workspace, national, secret) = try workspace()
    workspace.ok(["national", "init", "--national", national, "--new-password-file", secret])
    let wrong = try workspace.write("wrong", "not the passphrase\n")
    let refused = workspace.run([
      "national", "enroll", "--national", national, "--office", "WKO-KAZ", "--district",
      "Kaztalov", "--as", "admin", "--password-file", wrong,
    ])
    #expect(refused.code == 1)
    #expect(
      refused.err
        == "hwc: admin is not a user of this national register, or the passphrase is wrong; "
        + "nothing was changed\n")
    let noFolder = workspace.run(["national", "status"], environment: ["HWC_DB": workspace.db])
    #expect(noFolder.code == 1)
    #expect(noFolder.err.contains("--national DIR"))
  }
}
