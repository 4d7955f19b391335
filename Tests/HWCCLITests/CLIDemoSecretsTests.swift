import Foundation
import HWCDemo
import HWCTestSupport
import Testing

@testable import HWCCLI
@testable import HWCRegister

/// `hwc demo` gives a few users demo passphrases in files, so the demo register can be changed
/// without a terminal.
@Suite struct CLIDemoSecretsTests {
  @Test func theChosenUsersGetPassphrasesFromPrivateFilesAndTheChainStillVerifies() throws {
    _ = Workspace()  // cheap passphrase hashing for tests
    let directory = TemporaryDirectory()
    let path = directory.file("demo.sqlite")
    _ = try Demo.build(path: path, scale: .small)
    let folder = directory.file("demo-secrets")
    let names = try DemoSecrets.write(register: path, folder: folder)
    #expect(names.first == Demo.admin)
    #expect(names.count == 6)
    let register = try Register.open(path: path)
    let roles = Dictionary(uniqueKeysWithValues: try register.users().map { ($0.name, $0.roles) })
    #expect(
      names.dropFirst().map { roles[$0]?.first ?? "" } == [
        "officer@Kaztalov", "inspector@Kaztalov", "committee@Kaztalov", "committee@Kaztalov",
        "treasurer@Kaztalov",
      ])
    for name in names {
      let file = "\(folder)/\(name).secret"
      let mode = try #require(
        try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
      #expect(mode == 0o600, "\(name)")
      let text = try String(contentsOfFile: file, encoding: .utf8)
      #expect(text.contains("DEMO SECRET"))
      let passphrase = String(text.prefix { $0 != "\n" })
      #expect(try register.prove(name: name, passphrase: passphrase).actor.name == name)
    }
    #expect(try register.verifyAudit().problem == nil)
  }
}
